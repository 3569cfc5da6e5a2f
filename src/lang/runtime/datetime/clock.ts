/** The one place the datetime and time modules read the clock, so that the runtime decides what "now" is. */
let readNanos: () => bigint = () => process.hrtime.bigint() - HR_START + WALL_START;

const WALL_START = BigInt(Date.now()) * 1000000n;
const HR_START = process.hrtime.bigint();

/** Nanoseconds since the epoch. */
export function nowNanos(): bigint {
  return readNanos();
}

/** For the runtime (or a test) to fix the clock. */
export function setClock(read: () => bigint): void {
  readNanos = read;
}
