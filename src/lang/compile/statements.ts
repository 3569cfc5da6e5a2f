import type { Handler, Stmt, StmtOf } from '../ast.js';
import { exceptStar, type StarClause } from '../runtime/except-star.js';
import { step, work } from '../runtime/budget.js';
import { AssertionError_, importNameErr, RuntimeError, pyErr, toException, typeErr } from '../runtime/exceptions.js';
import { MODULES } from '../runtime/modules.js';
import * as ops from '../runtime/ops.js';
import { lateOwner } from '../runtime/late-hooks.js';
import { str } from '../runtime/repr.js';
import { toPyException } from '../runtime/trap.js';
import { PyException, PyTuple, PyType, type Py } from '../runtime/values.js';
import { caught, chain, chainLeaving, fromCause, handling, whileHandling } from '../runtime/handling.js';
import { PerRun } from '../runtime/per-run.js';
import { refuseIfInCPython } from '../runtime/types/callable.js';
import { BREAK, CONTINUE, NORMAL, RETURN, type Ev, type Ex, type Frame } from './frame.js';
import { inplace } from './operators.js';
import { ANNOTATIONS, type Scope } from './scope.js';
import { GeneratorCompiler } from './generators.js';
import { dropped, droppedBy, takeFresh, type PyGenerator } from '../runtime/generator.js';
import { freshIterator } from '../runtime/fresh-iterator.js';
import { PyClassException, PyInstance } from '../runtime/class-values.js';

/** Statements: each compiles into a closure that answers how control leaves it. */
export class StatementCompiler extends GeneratorCompiler {
  block(body: Stmt[], scope: Scope): Ex {
    const stmts = body.map((s) => this.stmt(s, scope));
    switch (stmts.length) {
      case 0:
        return () => NORMAL;
      case 1:
        return stmts[0];
      case 2: {
        const [a, b] = stmts;
        return (f) => {
          const r = a(f);
          return r !== NORMAL ? r : b(f);
        };
      }
      default:
        return (f) => {
          for (let i = 0; i < stmts.length; i++) {
            const r = stmts[i](f);
            if (r !== NORMAL) return r;
          }
          return NORMAL;
        };
    }
  }

  protected stmt(s: Stmt, scope: Scope): Ex {
    switch (s.k) {
      case 'Expr': {
        const ev = this.expr(s.value, scope);
        return (f) => {
          ev(f);
          return NORMAL;
        };
      }
      case 'Assign':
        return this.assign(s, scope);
      case 'AugAssign':
        return this.augAssign(s, scope);
      case 'Return': {
        if (s.value === null) {
          return (f) => {
            f.ret = null;
            return RETURN;
          };
        }
        const ev = this.expr(s.value, scope);
        return (f) => {
          f.ret = ev(f);
          return RETURN;
        };
      }
      case 'If': {
        const test = this.test(s.test, scope);
        const body = this.block(s.body, scope);
        const orelse = this.block(s.orelse, scope);
        return (f) => (test(f) ? body(f) : orelse(f));
      }
      case 'For':
        return this.forLoop(s, scope);
      case 'While': {
        const test = this.test(s.test, scope);
        const body = this.block(s.body, scope);
        const orelse = s.orelse.length > 0 ? this.block(s.orelse, scope) : null;
        return (f) => {
          while (test(f)) {
            step();
            const r = body(f);
            if (r === BREAK) return NORMAL;
            if (r === RETURN) return RETURN;
          }
          return orelse === null ? NORMAL : orelse(f);
        };
      }
      case 'Break':
        return () => BREAK;
      case 'Continue':
        return () => CONTINUE;
      case 'Pass':
      case 'Global':
      case 'Nonlocal':
        return () => NORMAL;
      case 'FunctionDef':
        return this.functionDef(s, scope);
      case 'AnnAssign':
        return this.annAssign(s, scope);
      case 'Match':
        return this.matchStmt(s, scope);
      case 'ClassDef':
        return this.classDef(s, scope);
      case 'Del': {
        const dels = s.targets.map((t) => this.deleter(t, scope));
        return (f) => {
          for (const d of dels) d(f);
          return NORMAL;
        };
      }
      case 'Try':
        return this.tryStmt(s, scope);
      case 'With':
        return this.withStmt(s, scope);
      case 'Import': {
        const stores = s.names.map((n) => {
          const module = MODULES.get(n.module)!;
          const store = this.storeName(n.as, scope);
          return (f: Frame) => store(f, module);
        });
        return (f) => {
          for (const st of stores) st(f);
          return NORMAL;
        };
      }
      case 'ImportFrom': {
        const module = MODULES.get(s.module)!;
        const stores = s.names.map((n) => {
          const value = module.attrs.get(n.name);
          const store = this.storeName(n.as, scope);
          return (f: Frame) => {
            if (value === undefined) refuseIfInCPython(module, n.name);
            if (value === undefined) throw importNameErr(n.name, s.module);
            store(f, value instanceof PerRun ? value.current() : value);
          };
        });
        return (f) => {
          for (const st of stores) st(f);
          return NORMAL;
        };
      }
      case 'Raise':
        return this.raise(s, scope);
      case 'Assert': {
        const test = this.test(s.test, scope);
        const msg = s.msg === null ? null : this.expr(s.msg, scope);
        return (f) => {
          if (!test(f)) throw msg === null ? pyErr(AssertionError_) : new PyException(AssertionError_, [msg(f)], str(msg(f)));
          return NORMAL;
        };
      }
    }
  }

  protected assign(s: StmtOf<'Assign'>, scope: Scope): Ex {
    const value = this.expr(s.value, scope);
    const stores = s.targets.map((t) => this.store(t, scope));
    if (stores.length === 1) {
      const store = stores[0];
      return (f) => {
        store(f, value(f));
        return NORMAL;
      };
    }
    return (f) => {
      const v = value(f);
      for (const st of stores) st(f, v);
      return NORMAL;
    };
  }

  /**
   * `x: T = v` assigns; inside a function (the envelope is one) CPython evaluates no
   * annotation. Without a value, a subscript or attribute target's operands still are.
   */
  protected annAssign(s: StmtOf<'AnnAssign'>, scope: Scope): Ex {
    const plain = this.plainAnnAssign(s, scope);
    return scope.isClass ? this.classAnnAssign(s, scope, plain) : plain;
  }

  /** The assignment, or without a value the target's operands. */
  private plainAnnAssign(s: StmtOf<'AnnAssign'>, scope: Scope): Ex {
    if (s.value !== null) return this.assign({ k: 'Assign', targets: [s.target], value: s.value, s: s.s, e: s.e }, scope);
    const t = s.target;
    const parts = t.k === 'Subscript' ? [t.value, t.index.k === 'Slice' ? null : t.index] : t.k === 'Attribute' ? [t.value] : [];
    const evs = parts.filter((x) => x !== null).map((x) => this.expr(x, scope));
    return (f) => {
      for (const ev of evs) ev(f);
      return NORMAL;
    };
  }

  /**
   * In a class body CPython evaluates the annotation too, after the value is stored: a name's
   * is filed in the body's `__annotations__` (`__annotations__['x'] = int`), another target's
   * is evaluated and dropped (compiler_annassign, check_annotation).
   */
  private classAnnAssign(s: StmtOf<'AnnAssign'>, scope: Scope, first: Ex): Ex {
    const t = s.target;
    const annotation = this.expr(s.annotation, scope);
    const slot = t.k === 'Name' ? scope.slots.get(ANNOTATIONS) : undefined;
    return (f) => {
      first(f);
      const a = annotation(f);
      if (slot !== undefined) ops.setitem(f.s[slot], (t as { id: string }).id, a);
      return NORMAL;
    };
  }

  protected augAssign(s: StmtOf<'AugAssign'>, scope: Scope): Ex {
    const op = inplace(s.op);
    const value = this.expr(s.value, scope);
    const t = s.target;
    if (t.k === 'Name') {
      const load = this.expr(t, scope);
      const store = this.storeName(t.id, scope);
      return (f) => {
        store(f, op(load(f), value(f)));
        return NORMAL;
      };
    }
    if (t.k === 'Subscript') {
      const obj = this.expr(t.value, scope);
      if (t.index.k === 'Slice') {
        const [lo, hi, st] = this.sliceParts(t.index, scope);
        return (f) => {
          const o = obj(f);
          const a = lo(f);
          const b = hi(f);
          const c = st(f);
          ops.setslice(o, a, b, c, op(ops.getslice(o, a, b, c), value(f)));
          return NORMAL;
        };
      }
      const key = this.expr(t.index, scope);
      return (f) => {
        const o = obj(f);
        const k = key(f);
        ops.setitem(o, k, op(ops.getitem(o, k), value(f)));
        return NORMAL;
      };
    }
    const store = this.store(t, scope);
    const load = this.expr(t, scope);
    return (f) => {
      store(f, op(load(f), value(f)));
      return NORMAL;
    };
  }

  protected forLoop(s: StmtOf<'For'>, scope: Scope): Ex {
    const owning = this.owningIterable(s.iter, scope);
    const iter = owning ?? this.iterable(s.iter, scope);
    const store = this.store(s.target, scope);
    const body = this.block(s.body, scope);
    const orelse = s.orelse.length > 0 ? this.block(s.orelse, scope) : null;
    const walk = (f: Frame, it: Py): number => {
      // a list subclass's instance whose class got an __iter__ after it was made is walked by it (late-hooks.ts)
      if (Array.isArray(it) && lateOwner(it, '__iter__') === undefined) {
        for (let i = 0; i < it.length; i++) {
          step();
          store(f, it[i]);
          const r = body(f);
          if (r === BREAK) return NORMAL;
          if (r === RETURN) return RETURN;
        }
      } else {
        for (const x of ops.iterate(it)) {
          step();
          store(f, x);
          const r = body(f);
          if (r === BREAK) return NORMAL;
          if (r === RETURN) return RETURN;
        }
      }
      return orelse === null ? NORMAL : orelse(f);
    };
    // a generator the loop alone holds (a call of a generator function, a generator expression,
    // a generator function's __iter__) is closed when the loop leaves it, as CPython's refcounting closes it
    const owned = (f: Frame, g: PyGenerator): number => {
      let r: number;
      try {
        r = walk(f, g);
      } catch (err) {
        droppedBy(g, err);
        throw err;
      }
      dropped(g);
      return r;
    };
    const run = (f: Frame, it: Py, fresh: PyGenerator | null): number => {
      if (fresh !== null && fresh === it) return owned(f, fresh);
      if (it instanceof PyInstance || it instanceof PyClassException) {
        const g = freshIterator(it);
        if (g !== null) return owned(f, g);
      }
      return walk(f, it);
    };
    if (owning === null) return (f) => run(f, iter(f), null);
    return (f) => {
      const it = iter(f);
      return run(f, it, takeFresh());
    };
  }

  protected tryStmt(s: StmtOf<'Try'>, scope: Scope): Ex {
    const body = this.block(s.body, scope);
    const handlers = s.handlers.map((h) => this.handler(h, scope));
    const orelse = s.orelse.length > 0 ? this.block(s.orelse, scope) : null;
    const finalbody = s.finalbody.length > 0 ? this.block(s.finalbody, scope) : null;
    const guarded: Ex =
      s.handlers[0]?.star === true
        ? this.starGuarded(s, body, orelse, scope)
        : handlers.length === 0
        ? body
        : (f) => {
            let r: number;
            try {
              r = body(f);
            } catch (err) {
              const exc = caught(err);
              for (const h of handlers) {
                if (h.matches(f, exc)) return h.run(f, exc);
              }
              throw exc;
            }
            return r === NORMAL && orelse !== null ? orelse(f) : r;
          };
    if (finalbody === null) return guarded;
    return (f) => {
      let r: number;
      try {
        r = guarded(f);
      } catch (err) {
        const exc = caught(err);
        const fr = whileHandling(exc, () => finalbody(f));
        if (fr !== NORMAL) return fr;
        throw exc;
      }
      const fr = finalbody(f);
      return fr !== NORMAL ? fr : r;
    };
  }

  /** try/except*: the clauses run by except-star.ts, each an except clause's (handler()) run with the part it matched. */
  private starGuarded(s: StmtOf<'Try'>, body: Ex, orelse: Ex | null, scope: Scope): Ex {
    const clauses = s.handlers.map((h) => {
      const types = this.expr(h.types!, scope);
      return { types, run: this.handler(h, scope, types).run };
    });
    // the parser let no return, break or continue leave a clause: it ends NORMAL, or raises what except-star.ts collects
    const clauseRun = (run: (f: Frame, e: PyException) => number, f: Frame, match: PyException): PyException | null => {
      try {
        run(f, match);
        return null;
      } catch (err) {
        const x = toPyException(err);
        if (x.fatal) throw x;
        return x;
      }
    };
    return (f) => {
      let r: number;
      try {
        r = body(f);
      } catch (err) {
        const exc = caught(err);
        const clausesNow = clauses.map((c): StarClause => ({ types: () => c.types(f), run: (match) => clauseRun(c.run, f, match) }));
        const left = whileHandling(exc, () => exceptStar(exc, clausesNow, exceptionMatches));
        if (left !== null) throw left;
        return NORMAL;
      }
      return r === NORMAL && orelse !== null ? orelse(f) : r;
    };
  }

  /** `types`: the clause's classes, when the generator route evaluated them (a yield among them). */
  protected handler(h: Handler, scope: Scope, given?: Ev): { matches: (f: Frame, e: PyException) => boolean; run: (f: Frame, e: PyException) => number } {
    const types = h.types === null ? null : given ?? this.expr(h.types, scope);
    const store = h.name === null ? null : this.storeName(h.name, scope);
    const unbind = h.name === null ? null : this.deleter({ k: 'Name', id: h.name, s: h.s, e: h.e }, scope, true);
    const body = this.block(h.body, scope);
    return {
      matches: (f, e) => types === null || exceptionMatches(types(f), e),
      run: (f, e) => {
        const outer = handling.exc;
        handling.exc = e;
        store?.(f, e);
        try {
          return body(f);
        } catch (err) {
          throw chainLeaving(err, e);
        } finally {
          handling.exc = outer;
          unbind?.(f);
        }
      },
    };
  }

  protected raise(s: StmtOf<'Raise'>, scope: Scope): Ex {
    const exc = s.exc === null ? null : this.expr(s.exc, scope);
    const cause = s.cause === null ? null : this.expr(s.cause, scope);
    return (f) => {
      if (exc === null) {
        if (handling.exc !== null) throw handling.exc;
        throw pyErr(RuntimeError, 'No active exception to reraise');
      }
      const e = toException(exc(f), 'exceptions must derive from BaseException');
      if (cause !== null) {
        // `from None` leaves no cause; anything else must be an exception, or a class made one
        const c = cause(f);
        fromCause(e, c === null ? null : toException(c, 'exception causes must derive from BaseException'), false);
      }
      chain(e, handling.exc);
      throw e;
    };
  }
}

function exceptionMatches(types: Py, e: PyException): boolean {
  if (types instanceof PyType) {
    if (!types.isException) throw typeErr('catching classes that do not inherit from BaseException is not allowed');
    return e.type.isSubclassOf(types);
  }
  // CPython 3.11 checks every item first, and a tuple may hold only classes (no nested tuple)
  if (types instanceof PyTuple) {
    work(types.items.length);
    for (const t of types.items) if (!(t instanceof PyType && t.isException)) throw typeErr('catching classes that do not inherit from BaseException is not allowed');
    return types.items.some((t) => e.type.isSubclassOf(t as PyType));
  }
  throw typeErr('catching classes that do not inherit from BaseException is not allowed');
}
