import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import { fatalErr, MemoryError, pyErr, RecursionError, StepLimitError } from './exceptions.js';
import { setPayItems, type PyException } from './values.js';

/**
 * The budget of the run in progress. Runs are synchronous and one at a time per
 * process, so module state is both safe and the cheapest thing to reach from every
 * compiled closure.
 */
let steps = 0;
/** Outside a run (parsing a request, printing an answer) nothing is charged: no step limit, no clock. */
let maxSteps = Infinity;
let maxSize = DEFAULT_LIMITS.maxSize;
let maxDepth = DEFAULT_LIMITS.maxRecursion;
/** maxDepth, or fewer while generator expressions and comprehensions hold frames (enterFrame). */
let callLimit = maxDepth;
let deadline = Infinity;
let depth = 0;

/** How many steps pass between two looks at the clock. */
const CLOCK_EVERY = 256;

let maxMillis = DEFAULT_LIMITS.maxMillis;

/** The request in progress: its runs share one deadline (Infinity outside a request). */
let requestDeadline = Infinity;
let requestMillis = DEFAULT_LIMITS.requestMillis;

/** Starts the clock of one request: every run and compile until endRequest() counts against it. */
export function beginRequest(limits: Limits): void {
  requestMillis = limits.requestMillis;
  requestDeadline = performance.now() + requestMillis;
}

export function endRequest(): void {
  requestDeadline = Infinity;
}

/** Before a condition compiles or runs: the request's budget may be spent already. */
export function checkRequestBudget(): void {
  if (requestDeadline !== Infinity && performance.now() > requestDeadline) throw requestOverBudget();
}

const requestOverBudget = () => fatalErr(StepLimitError, `request exceeded its time budget of ${requestMillis} ms`);

/**
 * The process's one-time setup met inside a run (a table decoded on its first use): not the
 * condition's work, so its time moves the run's deadline on, within the request's.
 */
export function untimed<T>(setup: () => T): T {
  const start = performance.now();
  const before = deadline;
  // no deadline while it runs: a setup that charges as it goes (re compiling a long pattern)
  // looks at the clock, and would otherwise end the run for time that is not the condition's
  deadline = Infinity;
  try {
    return setup();
  } finally {
    deadline = before === 0 || before === Infinity ? before : Math.min(before + performance.now() - start, requestDeadline);
  }
}

/** build(key), made untimed on its first use and kept for the process: a codec's tables, one set of them per codec. */
export function untimedOnce<K, V>(build: (key: K) => V): (key: K) => V {
  const made = new Map<K, V>();
  return (key) => {
    let v = made.get(key);
    if (v === undefined) made.set(key, (v = untimed(() => build(key))));
    return v;
  };
}

/** The run is over: what follows it (its answer printed, the next request parsed) is not charged. */
export function endRun(): void {
  maxSteps = Infinity;
  deadline = Infinity;
}

/** How many runs have begun: what a table kept for one run (classes.ts's instances by hash) starts anew by. */
let runs = 0;
export const runNumber = (): number => runs;

export function beginRun(limits: Limits): void {
  runs++;
  steps = 0;
  ticks = 0;
  depth = 0;
  frames = 0;
  maxSteps = limits.maxSteps;
  maxSize = limits.maxSize;
  maxDepth = limits.maxRecursion;
  callLimit = maxDepth;
  maxMillis = limits.maxMillis;
  // The clock starts at the first look, CLOCK_EVERY steps in: most runs never read it.
  deadline = 0;
}

/** Steps the run in progress has taken so far: what the cost model's calibration reads. */
export function stepsTaken(): number {
  return steps;
}

/** One loop iteration or call. */
export function step(): void {
  if (++steps > maxSteps || ((steps & (CLOCK_EVERY - 1)) === 0 && pastDeadline())) overBudget();
}

/** The run's deadline, from `now` on its first look: its own maxMillis, or what is left of its request's. */
function startClock(now: number): void {
  if (deadline === 0) deadline = Math.min(now + maxMillis, requestDeadline);
}

/** A look at the clock between two slices of native work that cannot be charged by the item (zlib's deflate): past the deadline, the run ends. */
export function checkClock(): void {
  if (pastDeadline()) overBudget();
}

function pastDeadline(): boolean {
  const now = performance.now();
  startClock(now);
  return now > deadline;
}

/**
 * The cost model: one step is one loop iteration or call of the condition; native work
 * (characters or items copied, compared, hashed, printed) costs one step per 32 items.
 * Every charge is made before the work it pays for, where values are allocated
 * (allocStr, allocItems) and where native loops walk them (tick), so that a builtin that
 * builds or walks a value pays without naming the budget.
 */

/** `units` steps of work about to be done: a big charge looks at the clock at once. */
export function charge(units: number): void {
  // nothing to pay (and never a refund: a negative or NaN count would give steps back)
  if (!(units > 0)) return;
  // big work starts the clock before it is done, so that it counts against the budget
  if (units >= 32 && deadline === 0) startClock(performance.now());
  const before = steps;
  steps += units;
  // a bulk charge may jump over a multiple of CLOCK_EVERY: look at the clock then too
  if (steps > maxSteps || ((before ^ steps) >= CLOCK_EVERY && pastDeadline())) overBudget();
  // and work of many steps (a copy of a million items, one native call) is refused if it would end past the deadline at the model's rate, since nothing looks at the clock inside it
  if (units >= CLOCK_EVERY && performance.now() + units * STEP_MS > deadline) overBudget();
}

/** Bulk work proportional to n items (a join, a sort, a repeat): charged as n/32 steps. */
export function work(n: number): void {
  charge(Math.floor(n / 32));
  step();
}

/** A str of `length` characters about to be built: within the size limit, and paid for. */
export function allocStr(length: number): void {
  checkSize(length);
  work(length);
}

/** A list, tuple, dict or set of `n` items about to be built: within the size limit, and paid for. */
export function allocItems(n: number): void {
  checkSize(n);
  work(n);
}

/** A dict or set of `n` entries about to be built: within the size limit, each entry hashed and placed (8 items of work). */
export function allocEntries(n: number): void {
  checkSize(n);
  work(n * 8);
}

/** Items a native loop has handled since its last charge. */
let ticks = 0;

/**
 * One item of a native loop (an element copied, a node compared or printed): charged 32
 * steps per 1,024, with a look at the clock each time, since an item may cost far more
 * than a step (a set insertion, a BigInt hash, code not yet optimised).
 */
export function tick(): void {
  if (++ticks === 1024) {
    ticks = 0;
    charge(32);
    if (pastDeadline()) overBudget();
  }
}

/**
 * One item of a native loop its caller paid for in advance (allocEntries): a look at the clock
 * every 1,024, since the prepayment is the model's estimate and memory may be slower than it
 * (a dict of 100,000 entries took 25 ms to merge into another on a machine slow to map memory).
 */
export function paidTick(): void {
  if (++ticks === 1024) {
    ticks = 0;
    if (pastDeadline()) overBudget();
  }
}

export { MAX_NESTING } from './values.js';

/**
 * A set's or dict's table rebuilt in one native loop (a resize): paid for, and refused when
 * the clock would run out during it, which it cannot be stopped in (a million entries take 20 ms).
 */
setPayItems((n) => chargeSteps(n / 32));

/** A nested value's walk one level deeper than MAX_NESTING: CPython's RecursionError, with its words for the walk (none for a def's frame). */
export function tooDeep(while_: string): PyException {
  return pyErr(RecursionError, while_ === '' ? 'maximum recursion depth exceeded' : `maximum recursion depth exceeded ${while_}`);
}

function overBudget(): never {
  if (steps > maxSteps) throw fatalErr(StepLimitError, `condition exceeded its budget of ${maxSteps} steps`);
  // the run's own 50 ms, or what was left of its request's budget
  throw deadline === requestDeadline ? requestOverBudget() : fatalErr(StepLimitError, `condition exceeded its time budget of ${maxMillis} ms`);
}

/** A JSON text (the context after a true condition, a launch's data) about to reach `length` characters. */
export function checkJsonText(length: number, what: string): void {
  if (!(length <= maxSize)) throw fatalErr(MemoryError, `${what} would be a JSON text of over ${count(length)} characters; the limit is ${maxSize}`);
}

/** A count in digits: a whole number past 2**53 as its exact value (4611686018427387904, not JS's 4611686018427388000). */
const count = (n: number): string => (Number.isSafeInteger(n) || !Number.isInteger(n) ? String(n) : BigInt(n).toString());

/** A str, list, dict or set about to reach `size` items. */
export function checkSize(size: number): void {
  if (!(size <= maxSize)) throw fatalErr(MemoryError, `condition built a value of ${count(size)} items; the limit is ${maxSize}`);
}

/** What the cost model takes a step to cost, in milliseconds: 100,000 steps in 50 ms. */
const STEP_MS = 0.0005;

/**
 * Work that cannot be interrupted once started (a regular expression search, a table
 * resize), charged
 * before it runs at what it may cost: refused if it would overrun the steps, or the clock
 * at what the steps take.
 */
export function chargeSteps(n: number): void {
  charge(Math.ceil(n));
}

/**
 * The depth of a call a container's comparison is making to a class's __eq__ or order method
 * ([self] == [o] in an __eq__), -1 if none: CPython counts each PyObject_RichCompare of the
 * cycle too, two of its three steps, and its RecursionError then nearly always says "in comparison".
 */
let comparisonCallDepth = -1;

/** Marks the next call as a container comparison's; returns the mark it replaces, to be put back after. */
export function markComparisonCall(): number {
  const before = comparisonCallDepth;
  comparisonCallDepth = depth + 1;
  return before;
}

export function unmarkComparisonCall(before: number): void {
  comparisonCallDepth = before;
}

/**
 * How deep a C walk of a nested value (repr, ==, <, json.dumps) may go: CPython's recursion
 * limit counts each of its levels with the frames running, so each call and comprehension
 * frame of the condition leaves one level fewer. `atEnvelope`: the walk's depth with none, at
 * the envelope's own level, in the original's `python3 -c` (test/lang/nesting-frames.test.ts).
 */
export function nestingRoom(atEnvelope: number): number {
  return atEnvelope - depth - frames;
}

export function enterCall(): void {
  if (++depth > callLimit) throw fatalErr(RecursionError, depth === comparisonCallDepth ? 'maximum recursion depth exceeded in comparison' : 'maximum recursion depth exceeded');
  step();
}

export function exitCall(): void {
  depth--;
}

/** How many calls are running: what tells a C function's call from C (no Python frame between) from one the condition's code makes. */
export const callDepth = (): number => depth;

/**
 * CPython's recursion limit (1,000) less the original's module and envelope frames: the
 * frames of calls, of comprehensions and of generator expressions running one inside another
 * may number this many (`list(g)` of 998 nested generator expressions answers, of 999 raises).
 */
const MAX_FRAMES = 998;

/** Comprehensions and generator expressions running, one inside another. */
let frames = 0;

/**
 * A comprehension run or a generator expression resumed: CPython 3.11 runs each in a frame of
 * its own, which counts toward its recursion limit with the calls' (which stop at maxRecursion first).
 */
export function enterFrame(): void {
  if (++frames + depth > MAX_FRAMES) {
    frames--;
    throw fatalErr(RecursionError, 'maximum recursion depth exceeded');
  }
  // a call inside counts with the frames too: its check stays one comparison
  callLimit = Math.min(maxDepth, MAX_FRAMES - frames);
}

export function exitFrame(): void {
  frames--;
  callLimit = Math.min(maxDepth, MAX_FRAMES - frames);
}

/**
 * A C function's call that CPython counts toward its recursion limit (cfunction_vectorcall_O's
 * and method_vectorcall_*'s _Py_EnterRecursiveCall): repr(), ascii(), object.__format__ and
 * str.format, where str(), `%r` and an f-string's `!r` call none. A level of its own below
 * the str or repr it makes, so `format(e, '')` of a chain of exceptions meets the limit a level sooner.
 */
export function countedCall<T>(body: () => T, why = 'while calling a Python object'): T {
  if (++frames + depth > MAX_FRAMES) {
    frames--;
    throw fatalErr(RecursionError, `maximum recursion depth exceeded ${why}`);
  }
  callLimit = Math.min(maxDepth, MAX_FRAMES - frames);
  try {
    return body();
  } finally {
    exitFrame();
  }
}
