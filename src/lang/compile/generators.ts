import type { Handler, Node, Stmt, StmtOf, WithItem } from '../ast.js';
import { step } from '../runtime/budget.js';
import { handling } from '../runtime/handling.js';
import { contextProtocol } from '../runtime/context-managers.js';
import { yieldFrom, type GeneratorBody } from '../runtime/generator.js';
import * as ops from '../runtime/ops.js';
import { toPyException } from '../runtime/trap.js';
import type { PyException, Py } from '../runtime/values.js';
import { YIELD_PLACES } from './expressions.js';
import { BREAK, NORMAL, RETURN, type Ex, type Frame } from './frame.js';
import { walkScope, type Scope } from './scope.js';
import { yieldingNodes } from './yields.js';
import { exitOnError, WithCompiler } from './with.js';

/** A statement of a generator's body: a JS generator that yields what the body yields, sent what `yield` evaluates to, and returns how control leaves it. */
export type GenEx = (f: Frame) => Generator<Py, number, Py>;

/**
 * The body of a generator function. Closures cannot suspend, so the statements that yield
 * (and the compound statements around them) compile to JS generator functions, `yield*`
 * into each other; every statement without a yield stays the plain closure the rest of the
 * compiler makes. A yield is a statement of its own or the whole value of an assignment;
 * anywhere else the expression compiler refuses it (YIELD_PLACES).
 */
export abstract class GeneratorCompiler extends WithCompiler {
  protected abstract stmt(s: Stmt, scope: Scope): Ex;
  protected abstract handler(h: Handler, scope: Scope): { matches: (f: Frame, e: PyException) => boolean; run: (f: Frame, e: PyException) => number };

  /** The run of a generator function's body in frame lf: what it returns is the StopIteration value. */
  generatorBody(body: Stmt[], scope: Scope): (lf: Frame) => GeneratorBody {
    const block = this.genBlock(body, scope, yieldingNodes(body));
    return function* (lf) {
      return (yield* block(lf)) === RETURN ? lf.ret : null;
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
    switch (s.k) {
      case 'Expr':
      case 'Assign':
      case 'AnnAssign': {
        const value = s.value;
        if (value === null || (value.k !== 'Yield' && value.k !== 'YieldFrom')) break;
        const stores = s.k === 'Expr' ? [] : (s.k === 'Assign' ? s.targets : [s.target]).map((t) => this.store(t, scope));
        if (value.k === 'YieldFrom') {
          const it = this.expr(value.value, scope);
          return function* (f) {
            const v = yield* yieldFrom(it(f));
            for (const st of stores) st(f, v);
            return NORMAL;
          };
        }
        const yielded = value.value === null ? null : this.expr(value.value, scope);
        return function* (f) {
          const sent = yield yielded === null ? null : yielded(f);
          for (const st of stores) st(f, sent);
          return NORMAL;
        };
      }
      case 'If': {
        const test = this.test(s.test, scope);
        const body = this.genBlock(s.body, scope, yielding);
        const orelse = this.genBlock(s.orelse, scope, yielding);
        return function* (f) {
          return test(f) ? yield* body(f) : yield* orelse(f);
        };
      }
      case 'While': {
        const test = this.test(s.test, scope);
        const body = this.genBlock(s.body, scope, yielding);
        const orelse = this.genBlock(s.orelse, scope, yielding);
        return function* (f) {
          while (test(f)) {
            step();
            const r = yield* body(f);
            if (r === BREAK) return NORMAL;
            if (r === RETURN) return RETURN;
          }
          return yield* orelse(f);
        };
      }
      case 'For': {
        const iter = this.iterable(s.iter, scope);
        const store = this.store(s.target, scope);
        const body = this.genBlock(s.body, scope, yielding);
        const orelse = this.genBlock(s.orelse, scope, yielding);
        return function* (f) {
          for (const x of ops.iterate(iter(f))) {
            step();
            store(f, x);
            const r = yield* body(f);
            if (r === BREAK) return NORMAL;
            if (r === RETURN) return RETURN;
          }
          return yield* orelse(f);
        };
      }
      case 'Try':
        return this.genTry(s, scope, yielding);
      case 'With': {
        let inner = this.genBlock(s.body, scope, yielding);
        for (let i = s.items.length - 1; i >= 0; i--) inner = this.genWithItem(s.items[i], inner, scope);
        return inner;
      }
    }
    // a statement whose yield is elsewhere (in an expression, a match): refused where it stands
    walkScope([s], (n) => {
      if (n.k === 'Yield' || n.k === 'YieldFrom') throw this.unsupported(YIELD_PLACES, n);
    });
    throw new Error('internal: a statement that yields was not found to');
  }

  /** try/except/else/finally, as StatementCompiler's tryStmt, around statements that may yield. */
  private genTry(s: StmtOf<'Try'>, scope: Scope, yielding: ReadonlySet<Node>): GenEx {
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
              const exc = toPyException(err);
              if (exc.fatal) throw exc;
              for (const h of handlers) {
                if (h.matches(f, exc)) return yield* h.run(f, exc);
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
        const exc = toPyException(err);
        if (exc.fatal) throw exc;
        const fr = yield* finalbody(f);
        if (fr !== NORMAL) return fr;
        throw exc;
      }
      const fr = yield* finalbody(f);
      return fr !== NORMAL ? fr : r;
    };
  }

  /** An except clause, as StatementCompiler's handler, around statements that may yield. */
  private genHandler(h: Handler, scope: Scope, yielding: ReadonlySet<Node>): { matches: (f: Frame, e: PyException) => boolean; run: (f: Frame, e: PyException) => Generator<Py, number, Py> } {
    const { matches } = this.handler({ ...h, body: [] }, scope);
    const store = h.name === null ? null : this.storeName(h.name, scope);
    const unbind = h.name === null ? null : this.deleter({ k: 'Name', id: h.name, s: h.s, e: h.e }, scope, true);
    const body = this.genBlock(h.body, scope, yielding);
    return {
      matches,
      run: function* (f, e) {
        const outer = handling.exc;
        handling.exc = e;
        store?.(f, e);
        try {
          return yield* body(f);
        } finally {
          handling.exc = outer;
          unbind?.(f);
        }
      },
    };
  }

  /** One `with` item around statements that may yield, as WithCompiler's withItem. */
  private genWithItem(item: WithItem, body: GenEx, scope: Scope): GenEx {
    const context = this.expr(item.context, scope);
    const store = item.target === null ? null : this.store(item.target, scope);
    return function* (f) {
      const cm = contextProtocol(context(f));
      const value = cm.enter();
      let r: number;
      try {
        store?.(f, value);
        r = yield* body(f);
      } catch (err) {
        exitOnError(cm, err);
        return NORMAL;
      }
      cm.exit(null, null, null);
      return r;
    };
  }
}
