import { createHash } from 'node:crypto';
import { retainedBytes } from './cache-weight.js';
import { compileProgram, type Envelope, type Program } from './compiler.js';
import { ConditionError } from './errors.js';
import { makeLimits, type Limits } from './limits.js';
import { Lru } from './lru.js';
import { parse } from './parser.js';
import { keyErr } from './runtime/exceptions.js';
import { beginRequest, beginRun, checkRequestBudget, endRequest, endRun } from './runtime/budget.js';
import { roundTrip } from './runtime/json.js';
import { MODULES } from './runtime/modules.js';
import { fileModuleFunctions } from './runtime/method-attributes.js';
import { noteUndocumented } from './runtime/introspection.js';
import type { PyClass } from './runtime/class-values.js';
// the builtin types, registered before any condition compiles or runs
import './runtime/types/registry.js';
import { registerValueSubclasses } from './runtime/builtin-subclass.js';
import { registerDatetimeSubclasses } from './runtime/datetime-subclass.js';
import { registerTypeSubclasses } from './runtime/type-subclass.js';
import { registerEnum } from './runtime/modules/enum/module.js';
import { registerWrapperSubclasses } from './runtime/wrapper-subclass.js';
import { registerNumberSubclasses } from './runtime/number-subclass.js';
import { registerCollectionsSubclasses } from './runtime/modules/collections/subclasses.js';
import { deepCopy, truthy } from './runtime/ops.js';
import { bindArgs, Signature } from './runtime/signature.js';
import { enableRegexEngines } from './runtime/regex-engine.js';
import { str } from './runtime/repr.js';
import { toPyException } from './runtime/trap.js';
import { PyDict, PyFloat, PyFunc, type PyException, type Py } from './runtime/values.js';
// builtin types' dunders as attributes: the module files its lookup hook with attributes.ts when loaded
import './runtime/builtin-dunders.js';

// once every builtin type is registered (above): their slots are the subclasses' base
registerValueSubclasses();
registerDatetimeSubclasses();
registerWrapperSubclasses();
registerNumberSubclasses();
registerTypeSubclasses();
registerEnum();
registerCollectionsSubclasses();
// Flag's and IntFlag's methods, made by registerEnum (after modules.ts filed the modules' functions): their __module__ is enum's
fileModuleFunctions(new Map([['enum', MODULES.get('enum')!]]), new Map());
// those of them Lib/enum.py gives no docstring: their __doc__ is None (it was so before they were filed as the library's defs)
for (const name of ['__or__', '__and__', '__xor__', '__invert__', '__len__', '__bool__', '__repr__', '__str__']) {
  noteUndocumented((MODULES.get('enum')!.attrs.get('Flag') as PyClass).attrs.get(name) as PyFunc);
}

/** launch(data=None), as the original's envelope defined it. */
const LAUNCH = new Signature('launch', [{ name: 'data', star: '' }], 'python');
const LAUNCH_DEFAULTS = [null];

/** Standard and Timed conditions (/eval), or launch conditions (/eval-launch). */
export type ConditionKind = 'standard' | 'launch';

const JSON_MODULE = MODULES.get('json')!;

/**
 * The envelope the original wrapped each condition in: module-level names, the
 * function's own locals (assigned in this order) and its `global` declarations.
 */
export const ENVELOPES = {
  standard: { globals: ['data', 'json'], locals: ['log', 'text'], declared: ['data'] },
  launch: { globals: ['json', 'launch', 'context'], locals: ['text', 'log'], declared: [] },
} as const satisfies Record<ConditionKind, Envelope>;

/** A condition compiled in the envelope of kind K: it runs only with that envelope's names. */
type ProgramOf<K extends ConditionKind> = Program<(typeof ENVELOPES)[K]['globals'][number], (typeof ENVELOPES)[K]['locals'][number]>;

/**
 * The log a run sees: shared when the condition cannot change it, else a deep copy (as the
 * original's deepcopy). `share` false copies always, as the original did.
 */
function logFor(program: Program, log: PyDict, flat: boolean, share: boolean): PyDict {
  if (share && (!program.usesLog || (!program.changesLog && flat))) return log;
  return deepCopy(log);
}

/** The data a run sees: shared when the condition cannot change it and it is a flat dict, else a deep copy. */
function dataFor(program: Program, data: Py, share: boolean): Py {
  if (share && (!program.usesData || (!program.changesData && data instanceof PyDict && isFlat(data)))) return data;
  return deepCopy(data);
}

/** A dict whose values are all immutable: nothing in it can change through a value read from it. */
export function isFlat(d: PyDict): boolean {
  for (const v of d.m.values()) {
    if (v !== null && typeof v === 'object' && !(v instanceof PyFloat)) return false;
  }
  return true;
}

/** A source's compiled forms, one per kind it was asked for. */
type Compiled = Partial<Record<ConditionKind, Program | ConditionError>>;

/**
 * Compiles conditions once, keeps them (and their compile errors) in an LRU cache bounded
 * in entries and in estimated bytes, and runs them under the configured limits. One per
 * worker process.
 */
export class Engine {
  readonly limits: Limits;
  /** JavaScript errors met inside runs: bugs of the evaluator, each logged with its stack: read by /metrics. */
  internalErrors = 0;
  /** Compile cache lookups that found the condition compiled, and that compiled it: read by /metrics. */
  cacheHits = 0;
  cacheMisses = 0;
  private readonly cache: Lru<string, Compiled>;
  /** Whether runs may share log and data with conditions that only read them (false: a deep copy each, for tests). */
  private readonly share: boolean;
  /**
   * A standard run's names, filled for each run and emptied after it (runs are never nested):
   * one object of one shape, not one built per run (125 to 425 instructions a run).
   */
  private readonly standard: Record<'data' | 'json' | 'log' | 'text', Py> = { data: null, json: JSON_MODULE, log: null, text: null };

  constructor(limits: Partial<Limits> = {}, { share = true }: { share?: boolean } = {}) {
    enableRegexEngines();
    this.limits = makeLimits(limits);
    this.share = share;
    this.cache = new Lru(this.limits.cacheSize, this.limits.cacheBytes);
  }

  /**
   * One request's clock: every compile and run until endRequest() shares
   * limits.requestMillis. Outside a request (a test calling runStandard) no such budget holds.
   */
  beginRequest(): void {
    beginRequest(this.limits);
  }

  endRequest(): void {
    endRequest();
  }

  /** Throws StepLimitError when the request's budget is spent: called before each condition compiles and runs. */
  checkRequestBudget(): void {
    checkRequestBudget();
  }

  /** The compiled condition, or the reason it does not compile. */
  compile(source: string, kind: ConditionKind): Program | ConditionError {
    let compiled = this.cache.get(source);
    let entry = compiled?.[kind];
    if (entry !== undefined) this.cacheHits++;
    else {
      this.cacheMisses++;
      try {
        entry = compileProgram(parse(source, this.limits), source, ENVELOPES[kind]);
      } catch (err) {
        if (err instanceof RangeError && /call stack/i.test(err.message)) {
          // a chain such as 1 + 1 + ... a hundred thousand times: too deep for the compiler, as for CPython's
          entry = new ConditionError('RecursionError', 'maximum recursion depth exceeded during compilation', source, 0, source.length);
        } else if (err instanceof ConditionError) entry = err;
        else throw err;
      }
      compiled = { ...compiled, [kind]: entry };
      this.cache.set(source, compiled, retainedBytes(source) * Object.keys(compiled).length);
    }
    return entry;
  }

  /**
   * The cache grows no more: a worker whose heap nears its cap keeps serving, while its
   * replacement starts, without holding more conditions than it has (--cache-bytes set above
   * the heap would otherwise take it to V8's out-of-memory death before the replacement listens).
   */
  capCache(): void {
    this.cache.capAtCurrentWeight();
  }

  /** Compiled conditions kept, and their estimated bytes. */
  get cacheEntries(): number {
    return this.cache.size;
  }

  get cacheBytes(): number {
    return this.cache.weight;
  }

  /**
   * Runs a Standard or Timed condition on a log, as the original's run_condition did:
   * [true, data after a JSON round trip] when it returns a truthy value, else [false].
   * Neither `log` nor `data` (a JSON value, as parseJson or an earlier run gives it) is changed.
   * `logIsFlat` (isFlat(log)) may be passed by a caller running several conditions on one log.
   * Throws the PyException the condition raised. `show` (?explain=1's repr of the value) runs
   * inside the run, once its outcome is known: a class's __repr__ is the condition's own code,
   * so it is paid from the run's budget and sees the run's names still bound; it must not raise.
   */
  runStandard(program: ProgramOf<'standard'>, log: PyDict, text: string, data: Py, logIsFlat = isFlat(log), show?: (value: Py) => string): { truthy: boolean; data: Py; value: Py; shown?: string } {
    beginRun(this.limits);
    try {
      const values = this.standard;
      values.data = dataFor(program, data, this.share);
      values.log = logFor(program, log, logIsFlat, this.share);
      values.text = text;
      const result = program.run(values);
      let out: { truthy: boolean; data: Py; value: Py; shown?: string };
      if (!truthy(result)) out = { truthy: false, data, value: result };
      else {
        const after = program.global('data');
        // `del data` (declared global) removes it: the original's env["data"] then raised KeyError
        if (after === undefined) throw keyErr('data');
        // data shared and still bound: the condition only read it, so it is already what a round trip gives
        out = { truthy: true, data: after === data ? data : roundTrip(after), value: result };
      }
      if (show !== undefined) out.shown = show(result);
      return out;
    } catch (err) {
      throw this.trap(err, program);
    } finally {
      program.clearGlobals();
      // the engine keeps none of a run's values alive
      this.standard.data = this.standard.log = this.standard.text = null;
      endRun();
    }
  }

  /** Runs a launch condition: whether it called launch(), and with what context (after a JSON round trip). */
  runLaunch(program: ProgramOf<'launch'>, log: PyDict, text: string): { launch: boolean; context: Py } {
    beginRun(this.limits);
    try {
      let flag = false;
      let context: Py = new PyDict();
      const launch = new PyFunc('launch', (args, kw) => {
        [context] = bindArgs(LAUNCH, args, kw, LAUNCH_DEFAULTS);
        flag = true;
        return null;
      });
      program.run({ json: JSON_MODULE, launch, context: new PyDict(), text, log: logFor(program, log, isFlat(log), this.share) });
      return { launch: flag, context: roundTrip(context, "launch()'s data") };
    } catch (err) {
      throw this.trap(err, program);
    } finally {
      program.clearGlobals();
      endRun();
    }
  }

  /**
   * A run's exception in Python terms. One that is no Python exception nor a V8 limit is a
   * bug of ours: answered as RuntimeError, and also logged with its stack and the
   * condition's hash (not its text, which may hold what a log held), and counted.
   */
  private trap(err: unknown, program: Program): PyException {
    let e = toPyException(err);
    // its text worded now, within the run's budget and names: the service reads it after the run, and must
    // not call a class's __str__ again there (one that loops the second time held the worker until the watchdog).
    // What that __str__ raises is worded likewise; the budget ends a chain of them
    while (e.text === undefined) {
      try {
        e.text = str(e);
      } catch (inner) {
        e = toPyException(inner);
      }
    }
    if (e.internal) {
      this.internalErrors++;
      const line = {
        level: 'error',
        event: 'internal-error',
        condition: 'sha256:' + createHash('sha256').update(program.source).digest('hex').slice(0, 16),
        error: err instanceof Error ? err.message : String(err),
        stack: err instanceof Error ? err.stack : undefined,
      };
      process.stderr.write(JSON.stringify(line) + '\n');
    }
    return e;
  }
}
