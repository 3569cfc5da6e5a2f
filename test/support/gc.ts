import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// V8's gc(), without starting node with --expose-gc: the flag applies to contexts made after it
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** Bytes of live heap once garbage is collected. */
export function liveHeap(): number {
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}
