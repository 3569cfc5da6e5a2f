import { checkSize } from '../budget.js';

/** A codec's output bytes, grown by doubling: at most four a character but for a handler's replacements, which encodeWith holds to the size limit. */
export class ByteSink {
  private buf = new Uint8Array(64);
  length = 0;

  push(b: number): void {
    if (this.length === this.buf.length) this.grow(1);
    this.buf[this.length++] = b;
  }

  /** An ASCII text's characters as bytes. */
  ascii(text: string): void {
    for (let k = 0; k < text.length; k++) this.push(text.charCodeAt(k));
  }

  bytes(): Uint8Array {
    return this.buf.slice(0, this.length);
  }

  private grow(more: number): void {
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + more));
    next.set(this.buf);
    this.buf = next;
  }
}

/** A codec's output text as UTF-16 code units, made a str a chunk at a time (fromCharCode keeps lone surrogates, which TextDecoder would replace). */
export class StrSink {
  private buf = new Uint16Array(64);
  private length = 0;
  private done = '';

  /** A code point, as one unit or a pair; a lone high surrogate as its unit twice (codepoints.ts). */
  push(cp: number): void {
    if (cp >= 0xd800 && cp <= 0xdbff) {
      this.unit(cp);
      this.unit(cp);
    } else if (cp < 0x10000) this.unit(cp);
    else {
      this.unit(0xd800 + ((cp - 0x10000) >> 10));
      this.unit(0xdc00 + ((cp - 0x10000) & 0x3ff));
    }
  }

  text(s: string): void {
    for (let k = 0; k < s.length; k++) this.unit(s.charCodeAt(k));
  }

  str(): string {
    this.flush();
    return this.done;
  }

  get units(): number {
    return this.done.length + this.length;
  }

  private unit(u: number): void {
    if (this.length === this.buf.length) this.flush();
    this.buf[this.length++] = u;
  }

  private flush(): void {
    checkSize(this.units);
    for (let k = 0; k < this.length; k += 8192) this.done += String.fromCharCode.apply(null, this.buf.subarray(k, Math.min(this.length, k + 8192)) as unknown as number[]);
    this.length = 0;
    if (this.buf.length < 65536) this.buf = new Uint16Array(this.buf.length * 4);
  }
}

/** A str's code points, as CPython indexes them (positions in errors count these). */
export function codePoints(s: string): Uint32Array {
  const out = new Uint32Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const cp = s.codePointAt(i)!;
    out[n++] = cp;
    // a pair's second unit, or a lone high's (held doubled)
    if (cp > 0xffff || (cp & 0xfc00) === 0xd800) i++;
  }
  return out.subarray(0, n);
}
