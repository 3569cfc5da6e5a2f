/** The one place the datetime and time modules read the clock, so that the runtime decides what "now" is. */
const WALL_START = BigInt(Date.now()) * 1000000n;
const HR_START = process.hrtime.bigint();

/** The system's wall clock in nanoseconds: Date.now()'s start, advanced by the monotonic clock. */
export const systemClock = (): bigint => process.hrtime.bigint() - HR_START + WALL_START;

let readNanos: () => bigint = systemClock;

/** Nanoseconds since the epoch. */
export function nowNanos(): bigint {
  return readNanos();
}

/** For the runtime (or a test) to choose the clock. */
export function setClock(read: () => bigint): void {
  readNanos = read;
}

/** time.monotonic()'s clock: nanoseconds from an arbitrary start, never going back. */
export function monotonicNanos(): bigint {
  return process.hrtime.bigint();
}
