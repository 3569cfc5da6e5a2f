import { constants, PerformanceObserver } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';

/** How often a worker tells the primary that its event loop turns. */
export const HEARTBEAT_MS = 250;
/** Share of the old-space cap above which a worker asks to be replaced (uWSGI's reload-on-rss). */
export const SOFT_MEMORY_SHARE = 0.75;

/**
 * A worker's signs of life for the primary: a heartbeat from the event loop (a loop
 * stuck in one request sends none), and one request to be replaced when the heap
 * still holds more than SOFT_MEMORY_SHARE of heapLimit, its old-space cap, after a full
 * GC (before it, the heap also holds garbage). V8 dies at the old-space cap;
 * heap_size_limit also counts the young generation. `report` sends to the primary.
 *
 * GCs are observed only while the heap is above the threshold: an observer of every GC
 * (a scavenge every few hundred requests) cost the /eval bench some 10% of its throughput.
 */
export function startVitals(heapLimit: number, report: (msg: { type: 'beat' } | { type: 'recycle'; heapUsed: number; heapLimit: number }) => void): void {
  const threshold = heapLimit * SOFT_MEMORY_SHARE;
  let watching = false;
  const observer = new PerformanceObserver((list) => {
    if (!list.getEntries().some((e) => (e as unknown as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)) return;
    observer.disconnect();
    watching = false;
    const heapUsed = getHeapStatistics().used_heap_size;
    if (heapUsed > threshold) report({ type: 'recycle', heapUsed, heapLimit });
  });
  setInterval(() => {
    report({ type: 'beat' });
    // above the threshold, garbage or not: the next full GC tells
    if (!watching && getHeapStatistics().used_heap_size > threshold) {
      watching = true;
      observer.observe({ entryTypes: ['gc'] });
    }
  }, HEARTBEAT_MS);
}
