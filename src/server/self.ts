import { isSea } from 'node:sea';

/**
 * How to start another process of this program: the single executable re-executes
 * itself; under node, the same script with the same node flags.
 */
export function workerCommand(): [string, string[]] {
  if (isSea()) return [process.execPath, []];
  return [process.execPath, [...process.execArgv, process.argv[1]]];
}
