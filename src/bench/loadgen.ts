import { connect, type Socket } from 'node:net';

/** One load run: `clients` keep-alive connections, each with one request in flight (closed loop). */
export interface LoadOptions {
  host: string;
  port: number;
  clients: number;
  /** Stop after this many requests in all, or after durationMs, whichever comes first. */
  requests: number;
  durationMs?: number;
  /** Ready-made HTTP requests, sent in turn; each client walks its own offset through them. */
  payloads: Buffer[];
  /** Checks each response body; a false answer counts as an error of kind 'shape'. */
  check?: (status: number, body: string) => boolean;
}

export interface LoadResult {
  requests: number;
  errors: Record<string, number>;
  elapsedMs: number;
  /** Latency of every answered request, in microseconds. */
  latenciesUs: Float64Array;
}

/** A raw HTTP/1.1 POST, encoded once. */
export function encodeRequest(path: string, body: string, host = 'localhost'): Buffer {
  const bytes = Buffer.from(body);
  return Buffer.concat([Buffer.from(`POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: ${bytes.length}\r\n\r\n`), bytes]);
}

const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * Runs the load. Responses are framed by Content-Length on raw sockets; every response
 * is checked and errors are counted by kind (status code, shape, connection).
 */
export function runLoad(o: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve) => {
    const latencies = new Float64Array(o.requests);
    const errors: Record<string, number> = {};
    const countError = (kind: string) => (errors[kind] = (errors[kind] ?? 0) + 1);
    let sent = 0;
    let done = 0;
    let open = o.clients;
    const started = performance.now();
    const deadline = o.durationMs === undefined ? Infinity : started + o.durationMs;
    let finished = false;

    const finish = () => {
      if (finished) return;
      finished = true;
      resolve({ requests: done, errors, elapsedMs: performance.now() - started, latenciesUs: latencies.subarray(0, done) });
    };

    for (let c = 0; c < o.clients; c++) {
      let payloadIndex = c % o.payloads.length;
      let sentAt = 0;
      let buffer: Buffer = Buffer.alloc(0);
      let inFlight = false;
      const socket: Socket = connect({ host: o.host, port: o.port, noDelay: true });

      const next = () => {
        if (sent >= o.requests || performance.now() >= deadline) {
          socket.end();
          return;
        }
        sent++;
        inFlight = true;
        sentAt = performance.now();
        socket.write(o.payloads[payloadIndex]);
        payloadIndex = (payloadIndex + 1) % o.payloads.length;
      };

      socket.on('connect', next);
      socket.on('data', (chunk: Buffer) => {
        buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
        for (;;) {
          const end = buffer.indexOf(HEADER_END);
          if (end < 0) return;
          const head = buffer.toString('latin1', 0, end);
          const status = Number(head.slice(9, 12));
          if (status === 100) {
            buffer = buffer.subarray(end + 4);
            continue;
          }
          const m = /content-length: *(\d+)/i.exec(head);
          const length = m === null ? 0 : Number(m[1]);
          if (buffer.length < end + 4 + length) return;
          const body = buffer.toString('utf8', end + 4, end + 4 + length);
          buffer = buffer.subarray(end + 4 + length);
          latencies[done++] = (performance.now() - sentAt) * 1000;
          inFlight = false;
          if (status !== 200) countError(String(status));
          else if (o.check !== undefined && !o.check(status, body)) countError('shape');
          next();
        }
      });
      socket.on('error', (err: NodeJS.ErrnoException) => {
        countError(err.code ?? 'socket');
      });
      socket.on('close', () => {
        if (inFlight) countError('closed');
        if (--open === 0) finish();
      });
    }
  });
}

/** p-th percentile (0-100) of latencies, in ms. */
export function percentileMs(latenciesUs: Float64Array, p: number): number {
  if (latenciesUs.length === 0) return NaN;
  const sorted = Float64Array.from(latenciesUs).sort();
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] / 1000;
}
