import type { Expr, Handler, Node, Stmt, StmtOf, WithItem } from '../ast.js';
import { step } from '../runtime/budget.js';
import { caught, chain, chainLeaving, fromCause, handling } from '../runtime/handling.js';
import { contextProtocol } from '../runtime/context-managers.js';
import { AssertionError_, pyErr, toException } from '../runtime/exceptions.js';
import { dropped, droppedBy, handlingBegun, handlingEnded, takeFresh, type GeneratorBody } from '../runtime/generator.js';
import { freshIterator } from '../runtime/fresh-iterator.js';
import { inplace } from './operators.js';
import * as ops from '../runtime/ops.js';
import { str } from '../runtime/repr.js';
import { PyException, type Py } from '../runtime/values.js';
import { getattr } from '../runtime/attributes.js';
import { setattr } from '../runtime/classes.js';
import { INTROSPECTED, introspect, setIntrospected } from '../runtime/introspection.js';
import { BREAK, NORMAL, RETURN, type Ev, type Ex, type Frame } from './frame.js';
import type { Scope } from './scope.js';
import { yieldingNodes } from './yields.js';
import { exitOnError } from './with.js';
import { YieldExpressionCompiler, type GenEv } from './yield-expressions.js';

/** A statement of a generator's body: a JS generator that yields what the body yields, sent what `yield` evaluates to, and returns how control leaves it. */
export type GenEx = (f: Frame) => Generator<Py, number, Py>;

/**
 * The body of a generator function. Closures cannot suspend, so the statements that yield
 * (and the compound statements around them) compile to JS generator functions, `yield*`
 * into each other, as do the expressions that hold the yields (yield-expressions.ts);
 * every statement and expression without a yield stays the plain closure the rest of the
 * compiler makes.
 */
export abstract class GeneratorCompiler extends YieldExpressionCompiler {
  protected abstract stmt(s: Stmt, scope: Scope): Ex;
  protected abstract handler(h: Handler, scope: Scope, given?: Ev): { matches: (f: Frame, e: PyException) => boolean; run: (f: Frame, e: PyException) => number };

  /** The run of a generator function's body in frame lf: what it returns is the StopIteration value. */
  generatorBody(body: Stmt[], scope: Scope): (lf: Frame) => GeneratorBody {
    const block = this.genBlock(body, scope, yieldingNodes(body));
    return function* (lf) {
      return (yield* block(lf)) === RETURN ? lf.ret : null;
    };
  }

  generatorLambda(body: Expr, scope: Scope): (lf: Frame) => GeneratorBody {
    const value = this.gexpr(body, scope, yieldingNodes([body]));
    return function* (lf) {
      return yield* value(lf);
    };
  }

  private genBlock(body: Stmt[], scope: Scope, yielding: ReadonlySet<Node>): GenEx {
    const parts = body.map((s): { gen: GenEx | null; plain: Ex | null } =>
      yielding.has(s) ? { gen: this.genStmt(s, scope, yielding), plain: null } : { gen: null, plain: this.stmt(s, scope) },
    );
    return function* (f) {
      for (let i = 0; i < parts.length; i++) {
        const p = parts[i];
        const r = p.gen !== null ? yield* p.gen(f) : p.plain!(f);
        if (r !== NORMAL) return r;
      }
      return NORMAL;
    };
  }

  private genStmt(s: Stmt, scope: Scope, yielding: ReadonlySet<Node>): GenEx {
    const gexpr = (e: Expr) => this.gexpr(e, scope, yielding);
    switch (s.k) {
      case 'Expr': {
        const value = this.yieldOf(s.value, scope, yielding);
        if (value !== null) {
          return function* (f) {
            yield value(f);
            return NORMAL;
          };
        }
        const ev = gexpr(s.value);
        return function* (f) {
          yield* ev(f);
          return NORMAL;
        };
      }
      case 'Assign':
        return this.genAssign(s.targets, s.value, scope, yielding);
      case 'AnnAssign': {
        if (s.value !== null) return this.genAssign([s.target], s.value, scope, yielding);
        // without a value, a subscript's or an attribute's operands are still evaluated
        const t = s.target;
        const parts = (t.k === 'Subscript' ? [t.value, t.index.k === 'Slice' ? null : t.index] : t.k === 'Attribute' ? [t.value] : []).filter((x) => x !== null).map(gexpr);
        return function* (f) {
          for (const p of parts) yield* p(f);
          return NORMAL;
        };
      }
      case 'AugAssign':
        return this.genAugAssign(s, scope, yielding);
      case 'Return': {
        const value = gexpr(s.value!);
        return function* (f) {
          f.ret = yield* value(f);
          return RETURN;
        };
      }
      case 'Del': {
        const dels = s.targets.map((t) => this.gdeleter(t, scope, yielding));
        return function* (f) {
          for (const d of dels) yield* d(f);
          return NORMAL;
        };
      }
      case 'Raise': {
        // both operands are evaluated before either is checked, as RAISE_VARARGS does
        const exc = gexpr(s.exc!);
        const cause = s.cause === null ? null : gexpr(s.cause);
        return function* (f) {
          const v = yield* exc(f);
          const c = cause === null ? undefined : yield* cause(f);
          const e = toException(v, 'exceptions must derive from BaseException');
          if (c !== undefined) fromCause(e, c === null ? null : toException(c, 'exception causes must derive from BaseException'), false);
          chain(e, handling.exc);
          throw e;
        };
      }
      case 'Assert': {
        const test = this.gtest(s.test, scope, yielding);
        const msg = s.msg === null ? null : gexpr(s.msg);
        return function* (f) {
          if (yield* test(f)) return NORMAL;
          if (msg === null) throw pyErr(AssertionError_);
          const m = yield* msg(f);
          throw new PyException(AssertionError_, [m], str(m));
        };
      }
      case 'If': {
        const test = this.gtest(s.test, scope, yielding);
        const body = this.genBlock(s.body, scope, yielding);
        const orelse = this.genBlock(s.orelse, scope, yielding);
        return function* (f) {
          return (yield* test(f)) ? yield* body(f) : yield* orelse(f);
        };
      }
      case 'While': {
        const test = this.gtest(s.test, scope, yielding);
        const body = this.genBlock(s.body, scope, yielding);
        const orelse = this.genBlock(s.orelse, scope, yielding);
        return function* (f) {
          while (yield* test(f)) {
            step();
            const r = yield* body(f);
            if (r === BREAK) return NORMAL;
            if (r === RETURN) return RETURN;
          }
          return yield* orelse(f);
        };
      }
      case 'For': {
        const owning = yielding.has(s.iter) ? null : this.owningIterable(s.iter, scope);
        const iter = owning !== null ? this.plainGen(owning) : yielding.has(s.iter) ? gexpr(s.iter) : this.plainGen(this.iterable(s.iter, scope));
        const store = this.gstore(s.target, scope, yielding);
        const body = this.genBlock(s.body, scope, yielding);
        const orelse = this.genBlock(s.orelse, scope, yielding);
        const walk = function* (f: Frame, it: Py): Generator<Py, number, Py> {
          for (const x of ops.iterate(it)) {
            step();
            yield* store(f, x);
            const r = yield* body(f);
            if (r === BREAK) return NORMAL;
            if (r === RETURN) return RETURN;
          }
          return yield* orelse(f);
        };
        return function* (f) {
          const it = yield* iter(f);
          // a generator the loop alone holds is closed when the loop leaves it, as in the plain loop (StatementCompiler)
          const fresh = owning === null ? null : takeFresh();
          const g = fresh !== null && fresh === it ? fresh : freshIterator(it);
          if (g === null) return yield* walk(f, it);
          let r: number;
          try {
            r = yield* walk(f, g);
          } catch (err) {
            droppedBy(g, err);
            throw err;
          }
          dropped(g);
          return r;
        };
      }
      case 'Try':
        return this.genTry(s, scope, yielding);
      case 'With': {
        let inner = this.genBlock(s.body, scope, yielding);
        for (let i = s.items.length - 1; i >= 0; i--) inner = this.genWithItem(s.items[i], inner, scope, yielding);
        return inner;
      }
      case 'Match':
        return this.genMatch(s, scope, yielding);
      case 'FunctionDef': {
        // the decorators, then the defaults, then the annotations, as a def evaluates them
        const decorators = s.decorators.map(gexpr);
        const defaults = s.params.map((p) => (p.default === null ? null : gexpr(p.default)));
        const annotations = s.annotations.map(gexpr);
        const held: { decorators: Py[]; defaults: Py[]; annotations: Py[] } = { decorators: [], defaults: [], annotations: [] };
        const def = this.functionDef(s, scope, {
          decorators: decorators.map((_, i) => () => held.decorators[i]),
          defaults: defaults.map((d, i) => (d === null ? null : () => held.defaults[i])),
          annotations: annotations.map((_, i) => () => held.annotations[i]),
        });
        return function* (f) {
          const decs: Py[] = [];
          for (const d of decorators) decs.push(yield* d(f));
          const defs: Py[] = [];
          for (const d of defaults) defs.push(d === null ? null : yield* d(f));
          const anns: Py[] = [];
          for (const a of annotations) anns.push(yield* a(f));
          held.decorators = decs;
          held.defaults = defs;
          held.annotations = anns;
          try {
            return def(f);
          } finally {
            // read as the def starts; nothing of a run is kept by the compiled condition
            held.decorators = held.defaults = held.annotations = [];
          }
        };
      }
      case 'ClassDef': {
        const decorators = s.decorators.map(gexpr);
        const bases = s.bases.map((b) => gexpr(b.k === 'Starred' ? b.value : b));
        const keywords = s.keywords.map((k) => gexpr(k.value));
        const held: { decorators: Py[]; bases: Py[]; keywords: Py[] } = { decorators: [], bases: [], keywords: [] };
        const cls = this.classDef(s, scope, { decorators: decorators.map((_, i) => () => held.decorators[i]), bases: bases.map((_, i) => () => held.bases[i]), keywords: keywords.map((_, i) => () => held.keywords[i]) });
        return function* (f) {
          const decs: Py[] = [];
          for (const d of decorators) decs.push(yield* d(f));
          const bs: Py[] = [];
          for (const b of bases) bs.push(yield* b(f));
          const kws: Py[] = [];
          for (const k of keywords) kws.push(yield* k(f));
          held.decorators = decs;
          held.bases = bs;
          held.keywords = kws;
          try {
            return cls(f);
          } finally {
            held.decorators = held.bases = held.keywords = [];
          }
        };
      }
    }
    throw new Error(`internal: ${s.k} was found to yield`);
  }

  /** The operand of a `yield` that is the whole of `e` and holds no other yield (null for `yield`): what that yield yields. Null otherwise. */
  private yieldOf(e: Expr, scope: Scope, yielding: ReadonlySet<Node>): Ev | null {
    if (e.k !== 'Yield') return null;
    if (e.value === null) return () => null;
    return yielding.has(e.value) ? null : this.expr(e.value, scope);
  }

  /** A plain closure where the generator route wants a generator. */
  private plainGen(ev: Ev): GenEv {
    return function* (f) {
      return ev(f);
    };
  }

  /** `t1 = t2 = value`: the value first, then each target, left to right. */
  private genAssign(targets: Expr[], value: Expr, scope: Scope, yielding: ReadonlySet<Node>): GenEx {
    const ev = this.gexpr(value, scope, yielding);
    if (!targets.some((t) => yielding.has(t))) {
      const plain = targets.map((t) => this.store(t, scope));
      const yielded = this.yieldOf(value, scope, yielding);
      if (yielded !== null) {
        // `x = yield v`, the usual form, in one generator
        return function* (f) {
          const v = yield yielded(f);
          for (const st of plain) st(f, v);
          return NORMAL;
        };
      }
      return function* (f) {
        const v = yield* ev(f);
        for (const st of plain) st(f, v);
        return NORMAL;
      };
    }
    const stores = targets.map((t) => this.gstore(t, scope, yielding));
    return function* (f) {
      const v = yield* ev(f);
      for (const st of stores) yield* st(f, v);
      return NORMAL;
    };
  }

  /** `t op= value`, as StatementCompiler's augAssign: the target's operands, its value, the value, then the store. */
  private genAugAssign(s: StmtOf<'AugAssign'>, scope: Scope, yielding: ReadonlySet<Node>): GenEx {
    const t = s.target;
    if (!yielding.has(t) && t.k === 'Name') {
      const op = inplace(s.op);
      const load = this.expr(t, scope);
      const store = this.storeName(t.id, scope);
      const value = this.gexpr(s.value, scope, yielding);
      return function* (f) {
        const a = load(f);
        store(f, op(a, yield* value(f)));
        return NORMAL;
      };
    }
    const op = inplace(s.op);
    const value = this.gexpr(s.value, scope, yielding);
    if (t.k === 'Subscript') {
      const obj = this.gexpr(t.value, scope, yielding);
      if (t.index.k === 'Slice') {
        const [lo, hi, st] = this.gslice(t.index, scope, yielding);
        return function* (f) {
          const o = yield* obj(f);
          const a = yield* lo(f);
          const b = yield* hi(f);
          const c = yield* st(f);
          const old = ops.getslice(o, a, b, c);
          ops.setslice(o, a, b, c, op(old, yield* value(f)));
          return NORMAL;
        };
      }
      const key = this.gexpr(t.index, scope, yielding);
      return function* (f) {
        const o = yield* obj(f);
        const k = yield* key(f);
        const old = ops.getitem(o, k);
        ops.setitem(o, k, op(old, yield* value(f)));
        return NORMAL;
      };
    }
    if (t.k === 'Attribute') {
      const obj = this.gexpr(t.value, scope, yielding);
      const name = t.attr;
      const [read, write] = INTROSPECTED.has(name) ? [introspect, setIntrospected] : [getattr, setattr];
      return function* (f) {
        const o = yield* obj(f);
        const old = read(o, name);
        write(o, name, op(old, yield* value(f)));
        return NORMAL;
      };
    }
    throw this.unsupported('cannot assign to this expression', t);
  }

  /** try/except/else/finally, as StatementCompiler's tryStmt, around statements that may yield. */
  private genTry(s: StmtOf<'Try'>, scope: Scope, yielding: ReadonlySet<Node>): GenEx {
    if (s.handlers[0]?.star === true) throw this.unsupported('except* around a yield is not available in conditions: its clauses run outside the generator route', s);
    const body = this.genBlock(s.body, scope, yielding);
    const handlers = s.handlers.map((h) => this.genHandler(h, scope, yielding));
    const orelse = s.orelse.length > 0 ? this.genBlock(s.orelse, scope, yielding) : null;
    const finalbody = s.finalbody.length > 0 ? this.genBlock(s.finalbody, scope, yielding) : null;
    const guarded: GenEx =
      handlers.length === 0
        ? body
        : function* (f) {
            let r: number;
            try {
              r = yield* body(f);
            } catch (err) {
              const exc = caught(err);
              for (const h of handlers) {
                if (yield* h.matches(f, exc)) return yield* h.run(f, exc);
              }
              throw exc;
            }
            return r === NORMAL && orelse !== null ? yield* orelse(f) : r;
          };
    if (finalbody === null) return guarded;
    return function* (f) {
      let r: number;
      try {
        r = yield* guarded(f);
      } catch (err) {
        // run as StatementCompiler's (whileHandling): exc is handled in the finally
        const exc = caught(err);
        const outer = handlingBegun(exc);
        let fr: number;
        try {
          fr = yield* finalbody(f);
        } catch (e) {
          throw chainLeaving(e, exc);
        } finally {
          handlingEnded(outer);
        }
        if (fr !== NORMAL) return fr;
        throw exc;
      }
      const fr = yield* finalbody(f);
      return fr !== NORMAL ? fr : r;
    };
  }

  /** An except clause, as StatementCompiler's handler, around statements that may yield. */
  private genHandler(
    h: Handler,
    scope: Scope,
    yielding: ReadonlySet<Node>,
  ): { matches: (f: Frame, e: PyException) => Generator<Py, boolean, Py>; run: (f: Frame, e: PyException) => Generator<Py, number, Py> } {
    // classes that yield (`except (yield):`) are evaluated here, and matched as the plain clause matches them
    const types = h.types !== null && yielding.has(h.types) ? this.gexpr(h.types, scope, yielding) : null;
    let held: Py = null;
    const plain = this.handler({ ...h, body: [] }, scope, types === null ? undefined : () => held).matches;
    const matches =
      types === null
        ? function* (f: Frame, e: PyException): Generator<Py, boolean, Py> {
            return plain(f, e);
          }
        : function* (f: Frame, e: PyException): Generator<Py, boolean, Py> {
            held = yield* types(f);
            try {
              return plain(f, e);
            } finally {
              held = null;
            }
          };
    const store = h.name === null ? null : this.storeName(h.name, scope);
    const unbind = h.name === null ? null : this.deleter({ k: 'Name', id: h.name, s: h.s, e: h.e }, scope, true);
    const body = this.genBlock(h.body, scope, yielding);
    return {
      matches,
      run: function* (f, e) {
        const outer = handlingBegun(e);
        store?.(f, e);
        try {
          return yield* body(f);
        } catch (err) {
          throw chainLeaving(err, e);
        } finally {
          handlingEnded(outer);
          unbind?.(f);
        }
      },
    };
  }

  /** One `with` item around statements that may yield, as WithCompiler's withItem. */
  private genWithItem(item: WithItem, body: GenEx, scope: Scope, yielding: ReadonlySet<Node>): GenEx {
    const context = this.gexpr(item.context, scope, yielding);
    const store = item.target === null ? null : this.gstore(item.target, scope, yielding);
    return function* (f) {
      const cm = contextProtocol(yield* context(f));
      const value = cm.enter();
      let r: number;
      try {
        if (store !== null) yield* store(f, value);
        r = yield* body(f);
      } catch (err) {
        exitOnError(cm, err);
        return NORMAL;
      }
      cm.exit(null, null, null);
      return r;
    };
  }

  /** `match`, as PatternCompiler's matchStmt, with a subject, guards or case bodies that yield. */
  private genMatch(s: StmtOf<'Match'>, scope: Scope, yielding: ReadonlySet<Node>): GenEx {
    const subject = this.gexpr(s.subject, scope, yielding);
    const cases = s.cases.map((c) => ({
      ...this.matchCase(c, scope),
      guard: c.guard === null ? null : this.gtest(c.guard, scope, yielding),
      body: this.genBlock(c.body, scope, yielding),
    }));
    return function* (f) {
      const v = yield* subject(f);
      for (const c of cases) {
        step();
        if (!c.bind(f, v)) continue;
        if (c.guard !== null && !(yield* c.guard(f))) continue;
        return yield* c.body(f);
      }
      return NORMAL;
    };
  }
}
