import { METRICS_CONTENT_TYPE } from './metrics.js';
import { STATUS, type Answer, type WorkerView } from './answer.js';

/** GET /metrics: every worker's and the primary's metrics in one Prometheus text, gathered by the primary. */
export async function metrics(worker: WorkerView): Promise<Answer> {
  return { status: STATUS.ok, body: await worker.metrics(), contentType: METRICS_CONTENT_TYPE };
}
