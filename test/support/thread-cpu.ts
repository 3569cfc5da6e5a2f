import { existsSync, readFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

/**
 * CPU time of this process's main thread in ms, from the kernel's schedstat (nanoseconds): what
 * the code under test took. Neither V8's helper threads (parallel scavenges, concurrent marking)
 * nor other processes' turns on a loaded machine count in it, which they do in
 * process.cpuUsage() and in wall time. The whole process's CPU time where the kernel keeps none,
 * or where this code runs in a worker thread (a vitest pool of threads), not the main one.
 */
const SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`;

export const threadCpuMs: () => number = isMainThread && existsSync(SCHEDSTAT)
  ? () => Number(readFileSync(SCHEDSTAT, 'latin1').split(' ')[0]) / 1e6
  : () => {
      const used = process.cpuUsage();
      return (used.user + used.system) / 1000;
    };
