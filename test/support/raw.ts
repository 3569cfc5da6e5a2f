import { connect, type Socket } from 'node:net';

/** A raw HTTP/1.1 connection, for what fetch hides: pipelining, Expect, chunked, slow clients. */
export class RawClient {
  readonly socket: Socket;
  private data = '';
  closed = false;
  private waiters: (() => void)[] = [];

  private constructor(socket: Socket) {
    this.socket = socket;
    socket.setEncoding('latin1');
    socket.on('data', (d: string) => {
      this.data += d;
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    socket.on('error', () => {});
  }

  static open(port: number): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const s = connect(port, '127.0.0.1', () => resolve(new RawClient(s)));
      s.once('error', reject);
    });
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  write(text: string | Buffer): void {
    this.socket.write(text);
  }

  /** Waits until the received text satisfies `done`, or the timeout passes. */
  async until(done: (data: string) => boolean, timeoutMs = 5000): Promise<string> {
    const end = Date.now() + timeoutMs;
    while (!done(this.data) && !this.closed && Date.now() < end) {
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, Math.max(1, end - Date.now()));
      });
    }
    return this.data;
  }

  /** Waits for n complete responses framed by Content-Length. */
  async responses(n: number, timeoutMs = 5000): Promise<{ status: number; headers: string; body: string }[]> {
    const data = await this.until((d) => parseResponses(d).length >= n, timeoutMs);
    return parseResponses(data);
  }

  close(): void {
    this.socket.destroy();
  }
}

export function parseResponses(data: string): { status: number; headers: string; body: string }[] {
  const out: { status: number; headers: string; body: string }[] = [];
  let rest = data;
  for (;;) {
    const end = rest.indexOf('\r\n\r\n');
    if (end < 0) return out;
    const headers = rest.slice(0, end);
    const status = Number(/^HTTP\/1\.1 (\d+)/.exec(headers)?.[1]);
    if (status === 100) {
      rest = rest.slice(end + 4);
      continue;
    }
    const length = Number(/content-length: *(\d+)/i.exec(headers)?.[1] ?? 0);
    if (rest.length < end + 4 + length) return out;
    out.push({ status, headers, body: rest.slice(end + 4, end + 4 + length) });
    rest = rest.slice(end + 4 + length);
  }
}

export function request(path: string, body: string, extraHeaders = ''): string {
  return `POST ${path} HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extraHeaders}\r\n${body}`;
}
