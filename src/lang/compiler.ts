import type { Stmt } from './ast.js';
import { clearSlots, Frame, RETURN } from './compile/frame.js';
import { envelopeScope } from './compile/scope.js';
import { StatementCompiler } from './compile/statements.js';
import type { Py } from './runtime/values.js';

export { clearSlots } from './compile/frame.js';

export interface Program {
  /**
   * Runs the condition's body. g0.. are the first module-level names, l0 and l1 the
   * envelope's first locals, in the orders given to compileProgram; the rest start unbound.
   * Runs are never nested, so each program keeps and reuses its one frame.
   */
  readonly run: (g0: Py, g1: Py, g2: Py, l0: Py, l1: Py) => Py;
  /** Slot of each global name (data, json, context, launch, and any `global x`). */
  readonly globals: ReadonlyMap<string, number>;
  /** The condition's text, to name it (by its hash) when a run meets a bug of ours. */
  readonly source: string;
  /** The module-level names after a run (data is read back from slot 0); the caller clears them once read. */
  readonly globalValues: Py[];
  /** Whether the condition loads the envelope's `log` or `data` at all: if not, the caller need not copy them. */
  readonly usesLog: boolean;
  readonly usesData: boolean;
  /** Whether the condition may change `log` or `data` (see analysis.ts): if not, a flat one can be shared. */
  readonly changesLog: boolean;
  readonly changesData: boolean;
}

/**
 * Compiles a condition's statements into closures. `globalNames` are the names the
 * original's envelope defines at module level (data and json for /eval; context,
 * launch and json for /eval-launch); `localNames` the envelope's own locals (log, text).
 */
export function compileProgram(body: Stmt[], source: string, globalNames: readonly string[], localNames: readonly string[], globalDecls: readonly string[]): Program {
  const scope = envelopeScope(body, source, { globals: globalNames, locals: localNames, declared: globalDecls });
  const globals = scope.globals;
  const c = new StatementCompiler(source);
  const block = c.block(body, scope);
  const g: Py[] = new Array(globals.size).fill(undefined);
  const frame = new Frame(new Array(scope.slots.size).fill(undefined), null, g);
  return {
    globals,
    globalValues: g,
    usesLog: c.shared.uses('log'),
    usesData: c.shared.uses('data'),
    changesLog: c.shared.mayChange('log'),
    changesData: c.shared.mayChange('data'),
    source,
    run(g0, g1, g2, l0, l1) {
      // the globals are as the caller left them after the last run: cleared
      g[0] = g0;
      g[1] = g1;
      if (g.length > 2 && globalNames.length > 2) g[2] = g2;
      const s = frame.s;
      s[0] = l0;
      s[1] = l1;
      try {
        return block(frame) === RETURN ? frame.ret : null;
      } finally {
        // cleared after the run, so that a cached program keeps none of its values alive and the next run starts clean
        clearSlots(s);
        frame.ret = null;
        frame.exc = null;
      }
    },
  };
}
