import type { StmtOf, WithItem } from '../ast.js';
import { contextProtocol, PyTraceback, type ContextProtocol } from '../runtime/context-managers.js';
import { truthy } from '../runtime/iteration.js';
import { ClassCompiler } from './classes.js';
import { caught, chainLeaving, handling } from '../runtime/handling.js';
import { NORMAL, type Ex } from './frame.js';
import type { Scope } from './scope.js';

/** `with`: PEP 343's expansion, in CPython 3.11's order. */
export abstract class WithCompiler extends ClassCompiler {
  /** `with A as a, B as b: body` is `with A as a:` around `with B as b: body`, as in CPython. */
  protected withStmt(s: StmtOf<'With'>, scope: Scope): Ex {
    let inner = this.block(s.body, scope);
    for (let i = s.items.length - 1; i >= 0; i--) inner = this.withItem(s.items[i], inner, scope);
    return inner;
  }

  /**
   * The manager is evaluated, its protocol looked up and `__enter__` called outside the
   * guarded part; the `as` target is stored inside it, so a failed unpacking reaches
   * `__exit__`. `return`, `break` and `continue` leave through `__exit__(None, None, None)`
   * (the returned value is computed before it runs).
   */
  private withItem(item: WithItem, body: Ex, scope: Scope): Ex {
    const context = this.expr(item.context, scope);
    const store = item.target === null ? null : this.store(item.target, scope);
    return (f) => {
      const cm = contextProtocol(context(f));
      const value = cm.enter();
      let r: number;
      try {
        store?.(f, value);
        r = body(f);
      } catch (err) {
        exitOnError(cm, err);
        return NORMAL;
      }
      cm.exit(null, null, null);
      return r;
    };
  }
}

/**
 * `__exit__` given the exception that left the body: it returns when `__exit__` suppresses
 * it, and raises it again otherwise. A limit's error (fatal) passes without calling
 * `__exit__`, as it passes `finally`: no condition can swallow its budget.
 */
export function exitOnError(cm: ContextProtocol, err: unknown): void {
  // raised in the body, under what was handled there
  const exc = caught(err);
  // __exit__ runs as an except clause would: a bare `raise` in it raises exc again
  const outer = handling.exc;
  handling.exc = exc;
  let suppress: boolean;
  try {
    suppress = truthy(cm.exit(exc.type, exc, new PyTraceback()));
  } catch (e) {
    throw chainLeaving(e, exc);
  } finally {
    handling.exc = outer;
  }
  if (!suppress) throw exc;
}
