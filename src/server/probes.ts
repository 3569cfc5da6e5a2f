import { errorBody, STATUS, type Answer, type WorkerView } from './answer.js';

// answers are built per call: routes.ts imports this file, so STATUS is not there yet while it loads

/** GET /healthz, the liveness probe: this worker's event loop answers. */
export const healthz = (): Answer => ({ status: STATUS.ok, body: '{"status":"ok"}' });

/** GET /readyz, the readiness probe: every worker listens (the primary says so) and this one is not draining. */
export function readyz(worker: WorkerView): Answer {
  if (worker.draining()) return { status: STATUS.unavailable, body: errorBody('draining: this worker is stopping') };
  if (!worker.allListening()) return { status: STATUS.unavailable, body: errorBody('not ready: not every worker listens yet') };
  return { status: STATUS.ok, body: '{"status":"ready"}' };
}
