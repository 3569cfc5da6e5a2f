import { build as buildHistogram, type Histogram } from 'hdr-histogram-js';
import { connect, type Socket } from 'node:net';

/** A request ready to send: its route, its bytes, and how many logs it asks about (1, or K for a batch). */
export interface Payload {
  path: string;
  bytes: Buffer;
  logs: number;
}

/** One load run: `clients` keep-alive connections, each with one request in flight (closed loop). */
export interface LoadOptions {
  host: string;
  port: number;
  clients: number;
  /** Stop after this many requests in all, or after durationMs, whichever comes first. */
  requests: number;
  durationMs?: number;
  /** Requests sent in turn; each client starts at its own offset. */
  payloads: Payload[];
  /** Checks each 200 answer's body; false counts as an error of kind 'shape'. */
  check?: (body: string) => boolean;
  /** Called now and then with the number of answers so far. */
  progress?: (done: number) => void;
}

export interface LoadResult {
  requests: number;
  logs: number;
  /** Errors by kind: an HTTP status ('500'), 'shape', 'closed', or a socket error code. */
  errors: Record<string, number>;
  elapsedMs: number;
  /** Latencies in µs. */
  histogram: Histogram;
}

/** A raw HTTP/1.1 POST, encoded once. */
export function encodeRequest(path: string, body: string, host = 'localhost', logs = 1): Payload {
  const bytes = Buffer.from(body);
  const head = `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: ${bytes.length}\r\n\r\n`;
  return { path, bytes: Buffer.concat([Buffer.from(head), bytes]), logs };
}

export function newHistogram(): Histogram {
  return buildHistogram({ lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: 3 });
}

const HEADER_END = Buffer.from('\r\n\r\n');
/** Where every socket's reads land: each is framed before the next read. */
const READ_BUFFER = Buffer.allocUnsafe(256 * 1024);
const CONTENT_LENGTH = /content-length: *(\d+)/i;
const CHUNKED = /transfer-encoding: *chunked/i;
const CONTENT_LENGTH_BYTES = Buffer.from('Content-Length: ');

/** The Content-Length of the head ending at `end`; -1 for a chunked body. */
function contentLength(buffer: Buffer, end: number): number {
  let at = buffer.indexOf(CONTENT_LENGTH_BYTES);
  if (at >= 0 && at < end) {
    let n = 0;
    for (at += CONTENT_LENGTH_BYTES.length; buffer[at] >= 48 && buffer[at] <= 57; at++) n = n * 10 + buffer[at] - 48;
    return n;
  }
  // other spellings: the slow way
  const head = buffer.toString('latin1', 0, end);
  if (CHUNKED.test(head)) return -1;
  const m = CONTENT_LENGTH.exec(head);
  return m === null ? 0 : Number(m[1]);
}
const CRLF = Buffer.from('\r\n');

/** A chunked body starting at `start`: its text and where the response ends, or null if not all here yet. */
function dechunk(buffer: Buffer, start: number): { body: string; end: number } | null {
  const parts: Buffer[] = [];
  let at = start;
  for (;;) {
    const lineEnd = buffer.indexOf(CRLF, at);
    if (lineEnd < 0) return null;
    const size = parseInt(buffer.toString('latin1', at, lineEnd), 16);
    if (!Number.isFinite(size)) return { body: '', end: buffer.length };
    if (size === 0) {
      // no trailers expected: the final CRLF ends the response
      const trailerEnd = buffer.indexOf(CRLF, lineEnd + 2);
      if (trailerEnd < 0) return null;
      return { body: Buffer.concat(parts).toString('utf8'), end: trailerEnd + 2 };
    }
    if (buffer.length < lineEnd + 2 + size + 2) return null;
    parts.push(buffer.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}

/**
 * Runs the load on raw sockets, responses framed by Content-Length. Every response is
 * checked; errors are counted by kind, and a connection that fails is opened again.
 */
export function runLoad(o: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve) => {
    const histogram = newHistogram();
    const errors: Record<string, number> = {};
    const countError = (kind: string) => (errors[kind] = (errors[kind] ?? 0) + 1);
    let sent = 0;
    let done = 0;
    let logs = 0;
    let open = 0;
    const started = performance.now();
    const deadline = o.durationMs === undefined ? Infinity : started + o.durationMs;
    let finished = false;
    const more = (now = performance.now()) => sent < o.requests && now < deadline;

    const finish = () => {
      if (finished) return;
      finished = true;
      resolve({ requests: done, logs, errors, elapsedMs: performance.now() - started, histogram });
    };

    const client = (index: number): void => {
      let payloadIndex = index % o.payloads.length;
      let current: Payload | null = null;
      let sentAt = 0;
      // bytes of a response not complete at the end of a read, copied out of READ_BUFFER
      let pending: Buffer | null = null;
      open++;
      // onread: reads land in one reused buffer, without a stream's 'data' machinery per read
      const onread = { buffer: READ_BUFFER, callback: (n: number) => (read(READ_BUFFER.subarray(0, n)), true) };
      const socket: Socket = connect({ host: o.host, port: o.port, noDelay: true, onread });

      // `now`: the clock already read for the answer just framed, read once per request
      const next = (now = performance.now()) => {
        if (!more(now)) {
          socket.end();
          return;
        }
        sent++;
        current = o.payloads[payloadIndex];
        payloadIndex = (payloadIndex + 1) % o.payloads.length;
        sentAt = now;
        socket.write(current.bytes);
      };

      socket.on('connect', () => next());
      const read = (chunk: Buffer): void => {
        let buffer = pending === null ? chunk : Buffer.concat([pending, chunk]);
        pending = null;
        const keep = () => void (pending = Buffer.from(buffer)); // READ_BUFFER is reused by the next read
        for (;;) {
          if (buffer.length === 0) return;
          const end = buffer.indexOf(HEADER_END);
          if (end < 0) return keep();
          // "HTTP/1.1 200 ": the status from its three digits, no string made
          const status = (buffer[9] - 48) * 100 + (buffer[10] - 48) * 10 + (buffer[11] - 48);
          if (status === 100) {
            buffer = buffer.subarray(end + 4);
            continue;
          }
          let body: string;
          const length = contentLength(buffer, end);
          if (length < 0) {
            const framed = dechunk(buffer, end + 4);
            if (framed === null) return keep();
            body = framed.body;
            buffer = buffer.subarray(framed.end);
          } else {
            if (buffer.length < end + 4 + length) return keep();
            // latin1 is enough to check a JSON shape, and cheaper than utf8
            body = buffer.toString('latin1', end + 4, end + 4 + length);
            buffer = buffer.subarray(end + 4 + length);
          }
          const now = performance.now();
          histogram.recordValue(Math.max(1, Math.round((now - sentAt) * 1000)));
          done++;
          if (status !== 200) countError(String(status));
          else if (o.check !== undefined && !o.check(body)) countError('shape');
          else logs += current!.logs;
          current = null;
          if ((done & 255) === 0) o.progress?.(done);
          next(now);
        }
      };
      socket.on('error', (err: NodeJS.ErrnoException) => countError(err.code ?? 'socket'));
      socket.on('close', () => {
        open--;
        if (current !== null) {
          // the request in flight is lost: count it, and carry on with a new connection
          countError('closed');
          done++;
          current = null;
          if (more()) setTimeout(() => client(index), 10);
        }
        if (open === 0 && !more()) finish();
        else if (open === 0) setTimeout(() => (open === 0 ? finish() : undefined), 50);
      });
    };

    for (let c = 0; c < o.clients; c++) client(c);
  });
}

/** Latency percentiles in ms. */
export function latencyMs(h: Histogram): { p50: number; p90: number; p99: number; max: number } {
  const at = (p: number) => (h.totalCount === 0 ? 0 : h.getValueAtPercentile(p) / 1000);
  return { p50: at(50), p90: at(90), p99: at(99), max: h.totalCount === 0 ? 0 : h.maxValue / 1000 };
}
