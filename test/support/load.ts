import { request as httpRequest } from 'node:http';
import { readFileSync } from 'node:fs';

/** One POST on a connection of its own (no keep-alive), with a timeout: its status, or the error's code. */
export function postOnce(port: number, path: string, body: string, timeoutMs = 1000): Promise<number | string> {
  return new Promise((resolve) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', agent: false, headers: { 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
    });
    req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
    req.end(body);
  });
}

/** The resident set of a process in bytes, 0 once it is gone. */
export function rss(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** Samples the largest RSS of any of pids() every 100 ms until stopped. */
export function peakRss(pids: () => number[]): () => number {
  let peak = 0;
  const timer = setInterval(() => {
    for (const pid of pids()) peak = Math.max(peak, rss(pid));
  }, 100);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

/** An /eval body whose conditions are `texts`. */
export function evalBody(texts: string[]): string {
  return JSON.stringify({
    payload: { log: { Text: 'x' }, conditions: texts.map((text, numeration) => ({ type: 'Standard', numeration, text })), context: {}, trueConditions: [], logProcessingTime: 0, stateTime: 0 },
  });
}

/** A distinct condition of about n characters: an `or` chain of `in` tests, quick to compile. */
export function orChain(tag: string, n: number): string {
  let s = `return "${tag}" in text`;
  for (let j = 0; s.length < n; j++) s += ` or "w${j}" in text`;
  return s;
}

/** Sends bodies(i) for i < count from `clients` closed-loop keep-alive clients: the statuses, or the errors' codes. */
export async function closedLoop(url: string, count: number, clients: number, body: (i: number) => string): Promise<(number | string)[]> {
  const out: (number | string)[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < count) {
        const i = next++;
        try {
          const res = await fetch(url, { method: 'POST', body: body(i) });
          await res.text();
          out[i] = res.status;
        } catch (err) {
          out[i] = String((err as { cause?: { code?: string } }).cause?.code ?? err);
        }
      }
    }),
  );
  return out;
}
