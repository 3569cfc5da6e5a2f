/**
 * The seed of every fast-check run: FUZZ_SEED when set (to replay a failure or explore),
 * else a fixed one, so that CI sees the same programs every time. Printed, so that any
 * run can be replayed.
 */
export const FUZZ_SEED = process.env.FUZZ_SEED !== undefined && process.env.FUZZ_SEED !== '' ? Number(process.env.FUZZ_SEED) : 20_260_901;

if (!Number.isSafeInteger(FUZZ_SEED)) throw new Error(`FUZZ_SEED must be an integer, not ${process.env.FUZZ_SEED}`);

/** Logs the seed a test file uses; call it once per file. */
export function announceSeed(what: string): number {
  console.log(`${what}: fast-check seed ${FUZZ_SEED} (FUZZ_SEED=${FUZZ_SEED} replays it)`);
  return FUZZ_SEED;
}
