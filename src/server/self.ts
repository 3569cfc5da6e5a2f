import { isSea } from 'node:sea';

/**
 * How to start another process of this program: the single executable re-executes
 * itself; under node, the same script with the same node flags.
 */
export function workerCommand(): [string, string[]] {
  if (isSea()) return [process.execPath, []];
  return [process.execPath, [...process.execArgv, process.argv[1]]];
}

/**
 * env with a V8 heap cap of heapMiB for a process started by workerCommand: through
 * NODE_OPTIONS, since the single executable reads node flags from nowhere else. There
 * the flag makes V8 reject the embedded code cache (built without it), which costs some
 * start-up time and prints a plain 'Warning', silenced.
 */
export function withHeapCap(env: NodeJS.ProcessEnv, heapMiB: number): NodeJS.ProcessEnv {
  const flags = [env.NODE_OPTIONS, `--max-old-space-size=${heapMiB}`];
  if (isSea()) flags.push('--disable-warning=Warning');
  return { ...env, NODE_OPTIONS: flags.filter(Boolean).join(' ') };
}
