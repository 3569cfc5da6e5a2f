import type { Stmt } from './ast.js';
import { clearSlots, Frame, RETURN, type Ex } from './compile/frame.js';
import type { Scope } from './compile/scope.js';
import { yieldsIn } from './compile/yields.js';
import { PyGenerator, type GeneratorBody } from './runtime/generator.js';
import { handling } from './runtime/handling.js';
import { READERS, type Envelope, type EnvelopeName } from './compile/envelope.js';
import { envelopeScope } from './compile/scope.js';
import { StatementCompiler } from './compile/statements.js';
import type { Py } from './runtime/values.js';

export type { Envelope } from './compile/envelope.js';

/** What a compiled condition needs from the caller, by the names of its envelope: G module-level, L local. */
export interface Program<G extends EnvelopeName = EnvelopeName, L extends EnvelopeName = EnvelopeName> {
  /**
   * Runs the condition's body with each of the envelope's names bound to its value; the
   * names the body adds start unbound. Runs are never nested, so each program keeps and
   * reuses its one frame.
   */
  run(values: Readonly<Record<G | L, Py>>): Py;
  /** A module-level name's value after a run (data, which the condition may rebind); undefined when unbound. */
  global(name: G): Py | undefined;
  /**
   * Unbinds the module-level names and the body's own, once the caller is done with a run:
   * its value's truth and repr may still call the condition's methods (a __bool__ reading
   * one of the body's names), as CPython's function objects keep their cells.
   */
  clearGlobals(): void;
  /** The condition's text, to name it (by its hash) when a run meets a bug of ours. */
  readonly source: string;
  /** Whether the condition loads the envelope's `log` or `data` at all: if not, the caller need not copy them. */
  readonly usesLog: boolean;
  readonly usesData: boolean;
  /** Whether the condition may change `log` or `data` (see analysis.ts): if not, a flat one can be shared. */
  readonly changesLog: boolean;
  readonly changesData: boolean;
}

/**
 * Compiles a condition's statements into closures, in the envelope the original wrapped
 * it in (data and json at module level, log and text local for /eval; context, launch and
 * json, and text and log, for /eval-launch).
 */
export function compileProgram<G extends EnvelopeName, L extends EnvelopeName>(body: Stmt[], source: string, envelope: Envelope<G, L>): Program<G, L> {
  const scope = envelopeScope(body, source, envelope);
  const c = new StatementCompiler(source);
  // a condition that yields makes the envelope a generator function, as in CPython: its run
  // answers a generator, truthy, whose body never runs (it is compiled for its errors alone)
  if (yieldsIn(body)) {
    c.generatorBody(body, scope);
    const block: Ex = (f) => {
      f.ret = new PyGenerator(unstarted(), 'envelope');
      return RETURN;
    };
    return program(c, block, scope, source, envelope);
  }
  return program(c, c.block(body, scope), scope, source, envelope);
}

/** A generator's body that was never started, and never will be: nothing can resume it. */
function* unstarted(): GeneratorBody {
  return null;
}

function program<G extends EnvelopeName, L extends EnvelopeName>(c: StatementCompiler, block: Ex, scope: Scope, source: string, envelope: Envelope<G, L>): Program<G, L> {
  c.finish();
  const g: Py[] = new Array(scope.globals.size).fill(undefined);
  const frame = new Frame(new Array(scope.slots.size).fill(undefined), null, g);
  // the envelope's names hold the first slots, in its order (envelopeScope); their reads are
  // unrolled, so that each inlines (one call site in a loop saw every reader: 500 more instructions a run)
  const globalNames: readonly G[] = envelope.globals;
  const [g0, g1, g2] = globalNames.map((name) => READERS[name]);
  const [l0, l1] = envelope.locals.map((name) => READERS[name]);
  // each name's slot by a property load: a search of the names did not inline, and took 1.5% of a short run
  const slotOf = Object.fromEntries(globalNames.map((name, i) => [name, i])) as Record<G, number>;
  return {
    usesLog: c.shared.uses('log'),
    usesData: c.shared.uses('data'),
    changesLog: c.shared.mayChange('log'),
    changesData: c.shared.mayChange('data'),
    source,
    global: (name) => g[slotOf[name]],
    clearGlobals: () => {
      clearSlots(g);
      // cleared after the run, so that a cached program keeps none of its values alive and the next run starts clean
      clearSlots(frame.s);
    },
    run(values) {
      // the globals are as the caller left them after the last run: cleared
      g[0] = g0(values);
      if (g1 !== undefined) g[1] = g1(values);
      if (g2 !== undefined) g[2] = g2(values);
      const s = frame.s;
      s[0] = l0(values);
      s[1] = l1(values);
      try {
        return block(frame) === RETURN ? frame.ret : null;
      } finally {
        // the body's names stay bound until clearGlobals: what the run answered may call methods that read them
        frame.ret = null;
        handling.exc = null;
      }
    },
  };
}
