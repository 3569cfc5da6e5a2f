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
  /** Called with every response: the index of its payload, its status and its body (UTF-8). */
  record?: (index: number, status: number, body: string) => void;
  /** A request with no whole answer after this long fails as 'timeout' (default 30 s). */
  timeoutMs?: number;
}

export interface LoadResult {
  /** Requests sent: always answered + the errors. */
  requests: number;
  /** Requests answered 200 in the route's shape. */
  answered: number;
  logs: number;
  /** Failed requests by kind: an HTTP status ('500'), 'shape', 'closed', or a socket error code. */
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
const HTTP1 = Buffer.from('HTTP/1.');
const EMPTY = Buffer.alloc(0);
/** A response larger than this fails as 'too large': twice the largest /eval/batch answer. */
const MAX_RESPONSE = 128 * 1024 * 1024;
const CRLF = Buffer.from('\r\n');
/** Where every socket's reads land: each is framed before the next read. */
const READ_BUFFER = Buffer.allocUnsafe(256 * 1024);
const CONTENT_LENGTH = /content-length: *(\d+)/i;
const CHUNKED = /transfer-encoding: *chunked/i;
const CONTENT_LENGTH_BYTES = Buffer.from('Content-Length: ');
const CHUNKED_BODY = -1;
const UNTIL_CLOSE = -2;

/** "HTTP/1.1 200 ": the status from its three digits, no string made. */
const statusOf = (buffer: Buffer) => (buffer[9] - 48) * 100 + (buffer[10] - 48) * 10 + (buffer[11] - 48);

/** The Content-Length of the head ending at `end`; CHUNKED_BODY, or UNTIL_CLOSE for a body the connection's end frames. */
function contentLength(buffer: Buffer, end: number): number {
  // in the head only: a body read in many reads is not searched again at each
  let at = buffer.subarray(0, end).indexOf(CONTENT_LENGTH_BYTES);
  if (at >= 0) {
    let n = 0;
    for (at += CONTENT_LENGTH_BYTES.length; buffer[at] >= 48 && buffer[at] <= 57; at++) n = n * 10 + buffer[at] - 48;
    return n;
  }
  // other spellings: the slow way
  const head = buffer.toString('latin1', 0, end);
  if (CHUNKED.test(head)) return CHUNKED_BODY;
  const m = CONTENT_LENGTH.exec(head);
  if (m !== null) return Number(m[1]);
  const status = statusOf(buffer);
  return status === 204 || status === 304 ? 0 : UNTIL_CLOSE;
}

// "Connection:" or "connection:", whichever the server spells
const CONNECTION = Buffer.from('onnection:');

/** Whether the server closes the connection after this response (head ending at `end`), as RFC 9112 §9.3 says. */
function closes(buffer: Buffer, end: number): boolean {
  const at = buffer.subarray(0, end).indexOf(CONNECTION);
  const http10 = buffer[7] === 48; // "HTTP/1.0"
  if (at < 0) return http10;
  const line = buffer.indexOf(CRLF, at);
  const value = buffer.toString('latin1', at + CONNECTION.length, line < 0 || line > end ? end : line).toLowerCase();
  if (value.includes('close')) return true;
  return http10 && !value.includes('keep-alive');
}

/** A body's text: latin1 is enough to check a JSON shape, and cheaper; UTF-8 when it is kept. */
const text = (buffer: Buffer, from: number, to: number, utf8: boolean) => buffer.toString(utf8 ? 'utf8' : 'latin1', from, to);

/**
 * Where the reading of a chunked body stopped: the next chunk's size line, and the data's
 * [from, to) spans so far. Offsets count from the response's first byte, which stays first in
 * the buffer across reads, so a body of many small chunks is read once, not again at every read.
 */
interface ChunkScan {
  at: number;
  spans: number[];
}

/** A chunked body starting at `start`: its text and where the response ends, or where to go on when more is here. */
function dechunk(buffer: Buffer, start: number, scan: ChunkScan | null): { body: string; end: number } | ChunkScan {
  const spans = scan?.spans ?? [];
  let at = scan?.at ?? start;
  for (;;) {
    const lineEnd = buffer.indexOf(CRLF, at);
    if (lineEnd < 0) return { at, spans };
    const size = parseInt(buffer.toString('latin1', at, lineEnd), 16);
    if (!Number.isFinite(size)) return { body: '', end: buffer.length };
    if (size === 0) {
      // no trailers expected: the final CRLF ends the response
      const trailerEnd = buffer.indexOf(CRLF, lineEnd + 2);
      if (trailerEnd < 0) return { at, spans };
      const parts: Buffer[] = [];
      for (let i = 0; i < spans.length; i += 2) parts.push(buffer.subarray(spans[i], spans[i + 1]));
      return { body: Buffer.concat(parts).toString('utf8'), end: trailerEnd + 2 };
    }
    if (buffer.length < lineEnd + 2 + size + 2) return { at, spans };
    spans.push(lineEnd + 2, lineEnd + 2 + size);
    at = lineEnd + 2 + size + 2;
  }
}

/**
 * Runs the load on raw sockets. Every response is checked and counted once: an answer, or
 * a failure by kind, so that the requests sent are always the answered plus the failed.
 * A connection the server closes, saying so (`Connection: close`, HTTP/1.0) or not, is
 * opened again for the next request, as wrk does; that is not a failure.
 */
export function runLoad(o: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve) => {
    const histogram = newHistogram();
    const errors: Record<string, number> = {};
    let sent = 0;
    let answered = 0;
    let logs = 0;
    let active = 0;
    // one cursor for all clients: n requests are n distinct payloads while n <= payloads.length
    let cursor = 0;
    const started = performance.now();
    const deadline = o.durationMs === undefined ? Infinity : started + o.durationMs;
    const more = (now = performance.now()) => sent < o.requests && now < deadline;
    let failed = 0;
    const fail = (kind: string) => {
      failed++;
      errors[kind] = (errors[kind] ?? 0) + 1;
    };

    const client = (): void => {
      active++;
      let current: InFlight | null = null;

      const stop = () => {
        if (--active === 0) resolve({ requests: sent, answered, logs, errors, elapsedMs: performance.now() - started, histogram });
      };

      /** A new connection; `retry`: the request a closing connection dropped, sent again once. */
      const connection = (retry: InFlight | null): void => {
        // bytes of a response not complete at the end of a read, copied out of READ_BUFFER into
        // `store`, which grows by doubling: a large answer is copied about twice, not once a read
        let store = EMPTY;
        let stored = 0;
        // the bytes the response in `store` needs, when its Content-Length says: no framing before
        let need = 0;
        // how far the chunked body in `store` has been read
        let scan: ChunkScan | null = null;
        let answers = 0;
        let connected = false;
        let replaced = false;
        let errorCode: string | undefined;
        // onread: reads land in one reused buffer, without a stream's 'data' machinery per read
        const onread = { buffer: READ_BUFFER, callback: (n: number) => (read(READ_BUFFER.subarray(0, n)), true) };
        const socket: Socket = connect({ host: o.host, port: o.port, noDelay: true, onread });
        // a client always has a request in flight, so a silent connection is a request not answered
        socket.setTimeout(o.timeoutMs ?? 30_000, () => {
          errorCode = 'timeout';
          socket.destroy();
        });

        // `now`: the clock already read for the answer just framed, read once per request
        const send = (now = performance.now()) => {
          if (!more(now)) {
            replaced = true;
            socket.end();
            return stop();
          }
          sent++;
          const index = cursor;
          cursor = (cursor + 1) % o.payloads.length;
          current = { payload: o.payloads[index], index, sentAt: now, retried: false };
          socket.write(current.payload.bytes);
        };
        /** Leaves this connection for a new one (or stops): its close is not news. */
        const reconnect = (again: InFlight | null, delayMs = 0) => {
          replaced = true;
          socket.destroy();
          if (again === null && !more()) return stop();
          if (delayMs === 0) connection(again);
          else setTimeout(() => connection(again), delayMs);
        };

        socket.on('connect', () => {
          connected = true;
          if (retry === null) return send();
          current = retry;
          socket.write(retry.payload.bytes);
        });

        /** Counts the answer framed in `buffer` (head ends at `end`, body is [from, to)). */
        const answer = (buffer: Buffer, end: number, body: string, closing = false): boolean => {
          const now = performance.now();
          const c = current!;
          current = null;
          answers++;
          histogram.recordValue(Math.max(1, Math.round((now - c.sentAt) * 1000)));
          const status = statusOf(buffer);
          if (status !== 200) fail(String(status));
          else if (o.check !== undefined && !o.check(body)) fail('shape');
          else {
            answered++;
            logs += c.payload.logs;
          }
          o.record?.(c.index, status, body);
          if (((answered + failed) & 255) === 0) o.progress?.(answered + failed);
          if (closing || closes(buffer, end)) {
            reconnect(null);
            return false;
          }
          send(now);
          return true;
        };

        /** Room in `store` for n bytes, what it holds kept. */
        const reserve = (n: number) => {
          if (n <= store.length) return;
          const bigger = Buffer.allocUnsafe(Math.max(n, 2 * store.length, 64 * 1024));
          store.copy(bigger, 0, 0, stored);
          store = bigger;
        };
        const read = (chunk: Buffer): void => {
          let buffer = chunk;
          if (stored > 0) {
            reserve(stored + chunk.length);
            chunk.copy(store, stored);
            stored += chunk.length;
            if (stored < need) return;
            buffer = store.subarray(0, stored);
          }
          stored = 0;
          need = 0;
          const keep = (whole = 0) => {
            if (buffer.length > MAX_RESPONSE || whole > MAX_RESPONSE) {
              errorCode = 'too large';
              return void socket.destroy();
            }
            reserve(Math.max(buffer.length, whole));
            // READ_BUFFER is reused by the next read; what already starts `store` stays (overlapping copies are safe)
            if (buffer.buffer !== store.buffer || buffer.byteOffset !== store.byteOffset) buffer.copy(store, 0);
            stored = buffer.length;
            need = whole;
          };
          for (;;) {
            if (buffer.length === 0 || current === null) return;
            if (buffer.length >= HTTP1.length && buffer.compare(HTTP1, 0, HTTP1.length, 0, HTTP1.length) !== 0) {
              errorCode = 'not HTTP';
              return void socket.destroy();
            }
            const end = buffer.indexOf(HEADER_END);
            if (end < 0) return keep();
            if (statusOf(buffer) === 100) {
              buffer = buffer.subarray(end + 4);
              continue;
            }
            const length = contentLength(buffer, end);
            let body: string;
            if (length === UNTIL_CLOSE) return keep();
            if (length === CHUNKED_BODY) {
              const framed = dechunk(buffer, end + 4, scan);
              if (!('body' in framed)) {
                keep();
                scan = framed;
                return;
              }
              scan = null;
              body = framed.body;
              const rest = buffer.subarray(framed.end);
              if (!answer(buffer, end, body)) return;
              buffer = rest;
            } else {
              if (buffer.length < end + 4 + length) return keep(end + 4 + length);
              body = text(buffer, end + 4, end + 4 + length, o.record !== undefined);
              const rest = buffer.subarray(end + 4 + length);
              if (!answer(buffer, end, body)) return;
              buffer = rest;
            }
          }
        };

        socket.on('error', (err: NodeJS.ErrnoException) => (errorCode = err.code ?? 'socket'));
        socket.on('close', () => {
          if (replaced) return;
          replaced = true;
          const c = current;
          current = null;
          const pending = store.subarray(0, stored);
          const end = pending.indexOf(HEADER_END);
          if (c !== null && end >= 0 && errorCode === undefined && contentLength(pending, end) === UNTIL_CLOSE) {
            // a body framed by the end of the connection (HTTP/1.0 without Content-Length)
            current = c;
            answer(pending, end, text(pending, end + 4, pending.length, o.record !== undefined), true);
            return;
          }
          if (c === null && connected) return reconnect(null); // closed between requests
          if (c !== null && answers > 0 && stored === 0 && errorCode === undefined && !c.retried) {
            // the server closed a connection it had answered on, as our request crossed its
            // end: nothing of this request was read, so it goes again on a new connection once
            c.retried = true;
            return reconnect(c);
          }
          // a real failure: refused, reset, or closed before the answer was complete
          if (c === null) {
            // refused before a request went out: it counts as one sent and failed, if one was due
            if (!more()) return stop();
            sent++;
          }
          fail(errorCode ?? 'closed');
          reconnect(null, 10);
        });
      };
      connection(null);
    };

    for (let c = 0; c < o.clients; c++) client();
  });
}

/** A request on its way: what was sent, its payload's index, when, and whether it is a second try. */
interface InFlight {
  payload: Payload;
  index: number;
  sentAt: number;
  retried: boolean;
}

/** Latency percentiles in ms. */
export function latencyMs(h: Histogram): { p50: number; p90: number; p99: number; max: number } {
  const at = (p: number) => (h.totalCount === 0 ? 0 : h.getValueAtPercentile(p) / 1000);
  return { p50: at(50), p90: at(90), p99: at(99), max: h.totalCount === 0 ? 0 : h.maxValue / 1000 };
}
