import { retainedBytes } from './cache-weight.js';
import { compileProgram, type Program } from './compiler.js';
import { ConditionError } from './errors.js';
import { makeLimits, type Limits } from './limits.js';
import { Lru } from './lru.js';
import { parse } from './parser.js';
import { typeErr } from './runtime/exceptions.js';
import { beginRun } from './runtime/budget.js';
import { roundTrip } from './runtime/json.js';
import { MODULES } from './runtime/modules.js';
import { deepCopy, truthy } from './runtime/ops.js';
import { toPyException } from './runtime/trap.js';
import { PyDict, PyFloat, PyFunc, type Py } from './runtime/values.js';

/** Standard and Timed conditions (/eval), or launch conditions (/eval-launch). */
export type ConditionKind = 'standard' | 'launch';

const JSON_MODULE = MODULES.get('json')!;

/**
 * The envelope the original wrapped each condition in: module-level names, the
 * function's own locals (filled in this order), and its `global` declarations.
 */
const ENVELOPES: Record<ConditionKind, { globals: string[]; locals: string[]; declared: string[] }> = {
  standard: { globals: ['data', 'json'], locals: ['log', 'text'], declared: ['data'] },
  launch: { globals: ['json', 'launch', 'context'], locals: ['text', 'log'], declared: [] },
};

/** The log a run sees: shared when the condition cannot change it, else a deep copy (as the original's deepcopy). */
function logFor(program: Program, log: PyDict, flat: boolean): PyDict {
  if (!program.usesLog) return log;
  if (!program.changesLog && flat) return log;
  return deepCopy(log);
}

/** The data a run sees: shared when the condition cannot change it and it is a flat dict, else a deep copy. */
function dataFor(program: Program, data: Py): Py {
  if (!program.usesData) return data;
  if (!program.changesData && data instanceof PyDict && isFlat(data)) return data;
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
  private readonly cache: Lru<string, Compiled>;

  constructor(limits: Partial<Limits> = {}) {
    this.limits = makeLimits(limits);
    this.cache = new Lru(this.limits.cacheSize, this.limits.cacheBytes);
  }

  /** The compiled condition, or the reason it does not compile. */
  compile(source: string, kind: ConditionKind): Program | ConditionError {
    let compiled = this.cache.get(source);
    let entry = compiled?.[kind];
    if (entry === undefined) {
      const env = ENVELOPES[kind];
      try {
        entry = compileProgram(parse(source, this.limits), source, env.globals, env.locals, env.declared);
      } catch (err) {
        if (err instanceof RangeError && /call stack/i.test(err.message)) {
          // a chain such as 1 + 1 + ... a hundred thousand times: too deep for the compiler
          entry = new ConditionError('SyntaxError', 'condition too deeply nested to compile', source, 0, source.length);
        } else if (err instanceof ConditionError) entry = err;
        else throw err;
      }
      compiled = { ...compiled, [kind]: entry };
      this.cache.set(source, compiled, retainedBytes(source) * Object.keys(compiled).length);
    }
    return entry;
  }

  /**
   * Runs a Standard or Timed condition on a log, as the original's run_condition did:
   * [true, data after a JSON round trip] when it returns a truthy value, else [false].
   * Neither `log` nor `data` (a JSON value, as parseJson or an earlier run gives it) is changed.
   * `logIsFlat` (isFlat(log)) may be passed by a caller running several conditions on one log.
   * Throws the PyException the condition raised.
   */
  runStandard(program: Program, log: PyDict, text: string, data: Py, logIsFlat = isFlat(log)): { truthy: boolean; data: Py; value: Py } {
    beginRun(this.limits);
    try {
      const given = dataFor(program, data);
      const result = program.run(given, JSON_MODULE, undefined, logFor(program, log, logIsFlat), text);
      if (!truthy(result)) return { truthy: false, data, value: result };
      const after = program.globalValues[0];
      // data shared and still bound: the condition only read it, so it is already what a round trip gives
      return { truthy: true, data: after === data ? data : roundTrip(after), value: result };
    } catch (err) {
      throw toPyException(err);
    } finally {
      program.globalValues.fill(undefined);
    }
  }

  /** Runs a launch condition: whether it called launch(), and with what context (after a JSON round trip). */
  runLaunch(program: Program, log: PyDict, text: string): { launch: boolean; context: Py } {
    beginRun(this.limits);
    try {
      let flag = false;
      let context: Py = new PyDict();
      const launch = new PyFunc('launch', (args, kw) => {
        if (args.length > 1) throw typeErr(`launch() takes from 0 to 1 positional arguments but ${args.length} were given`);
        for (const k of kw?.keys() ?? []) if (k !== 'data' || args.length > 0) throw typeErr(k === 'data' ? "launch() got multiple values for argument 'data'" : `launch() got an unexpected keyword argument '${k}'`);
        flag = true;
        context = args.length > 0 ? args[0] : (kw?.get('data') ?? null);
        return null;
      });
      program.run(JSON_MODULE, launch, new PyDict(), text, logFor(program, log, isFlat(log)));
      return { launch: flag, context: roundTrip(context) };
    } catch (err) {
      throw toPyException(err);
    } finally {
      program.globalValues.fill(undefined);
    }
  }
}
