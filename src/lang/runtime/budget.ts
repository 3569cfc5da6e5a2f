import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import { fatalErr, MemoryError, RecursionError, StepLimitError } from './exceptions.js';

/**
 * The budget of the run in progress. Runs are synchronous and one at a time per
 * process, so module state is both safe and the cheapest thing to reach from every
 * compiled closure.
 */
let steps = 0;
let maxSteps = DEFAULT_LIMITS.maxSteps;
let maxSize = DEFAULT_LIMITS.maxSize;
let maxDepth = DEFAULT_LIMITS.maxRecursion;
let deadline = 0;
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

export function beginRun(limits: Limits): void {
  steps = 0;
  depth = 0;
  maxSteps = limits.maxSteps;
  maxSize = limits.maxSize;
  maxDepth = limits.maxRecursion;
  maxMillis = limits.maxMillis;
  // The clock starts at the first look, CLOCK_EVERY steps in: most runs never read it.
  deadline = 0;
}

/** One loop iteration or call. */
export function step(): void {
  if (++steps > maxSteps || ((steps & (CLOCK_EVERY - 1)) === 0 && pastDeadline())) overBudget();
}

function pastDeadline(): boolean {
  const now = performance.now();
  if (deadline === 0) deadline = Math.min(now + maxMillis, requestDeadline);
  return now > deadline;
}

/** Bulk work proportional to n items (a join, a sort, a repeat): charged as n/32 steps. */
export function work(n: number): void {
  // big work starts the clock before it is done, so that it counts against the budget
  if (n >= 1024 && deadline === 0) deadline = Math.min(performance.now() + maxMillis, requestDeadline);
  const before = steps;
  steps += n >>> 5;
  // a bulk charge may jump over a multiple of CLOCK_EVERY: look at the clock then too
  if ((before ^ steps) >= CLOCK_EVERY && pastDeadline()) overBudget();
  step();
}

function overBudget(): never {
  if (steps > maxSteps) throw fatalErr(StepLimitError, `condition exceeded its budget of ${maxSteps} steps`);
  // the run's own 50 ms, or what was left of its request's budget
  throw deadline === requestDeadline ? requestOverBudget() : fatalErr(StepLimitError, `condition exceeded its time budget of ${maxMillis} ms`);
}

/** A str, list, dict or set about to reach `size` items. */
export function checkSize(size: number): void {
  if (size > maxSize) throw fatalErr(MemoryError, `condition built a value of ${size} items; the limit is ${maxSize}`);
}

/**
 * Work that cannot be interrupted once started (a regular expression search), charged
 * before it runs at what it may cost: refused if it would overrun the steps or the clock.
 */
export function chargeSteps(n: number): void {
  const before = steps;
  steps += Math.ceil(n);
  if (steps > maxSteps) overBudget();
  // big work starts the clock before it is done; small work looks when it passes a multiple of CLOCK_EVERY
  if (n >= CLOCK_EVERY && deadline === 0) deadline = Math.min(performance.now() + maxMillis, requestDeadline);
  if ((n >= CLOCK_EVERY || (before ^ steps) >= CLOCK_EVERY) && pastDeadline()) overBudget();
}

export function enterCall(): void {
  if (++depth > maxDepth) throw fatalErr(RecursionError, 'maximum recursion depth exceeded');
  step();
}

export function exitCall(): void {
  depth--;
}
