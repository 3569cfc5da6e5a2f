/** Upper bounds of the latency histogram's buckets, in seconds: /eval answers in tens of µs, the request budget ends at seconds. */
export const LATENCY_BOUNDS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/** One route's requests: counts by status line, and a histogram of latencies (a count per bucket, the last for +Inf). */
export class RouteStats {
  readonly statuses = new Map<string, number>();
  readonly buckets: number[] = new Array(LATENCY_BOUNDS.length + 1).fill(0);
  sum = 0;
  count = 0;
}

/**
 * A worker's requests by route, in plain numbers: the hot path pays a map lookup and a few
 * increments, and /metrics turns them into Prometheus metrics when scraped. Routes are the
 * known paths and 'unmatched': a client choosing URLs must not choose label values.
 */
export class RequestStats {
  readonly routes = new Map<string, RouteStats>();

  record(route: string, status: string, seconds: number): void {
    let stats = this.routes.get(route);
    if (stats === undefined) this.routes.set(route, (stats = new RouteStats()));
    stats.statuses.set(status, (stats.statuses.get(status) ?? 0) + 1);
    let i = 0;
    while (i < LATENCY_BOUNDS.length && seconds > LATENCY_BOUNDS[i]) i++;
    stats.buckets[i]++;
    stats.sum += seconds;
    stats.count++;
  }
}
