import { needsExact, parseExact, parsePlain, skipSpaces, type ScanHooks } from '../lang/index.js';
import type { Json } from './payload.js';

/** Distinct condition lists a batch body is compared against; more are parsed one by one. */
const MAX_DISTINCT = 16;

/**
 * An /eval/batch body. A detector sends a machine's conditions with every log, so a
 * batch repeats one condition list, byte for byte, in hundreds of payloads: more than
 * half of its text. The scan that decides how to parse a body (see parseJsonValues) also
 * finds the payloads and their "conditions" arrays. Each payload is then parsed on its
 * own with its list left out, each distinct list once, and the payloads that repeated a
 * list share the one array. Nothing writes to a condition list, so sharing it changes
 * no answer; and no string as large as the body is made a second time (on these
 * machines a fresh megabyte costs some 3 ms in page faults).
 * Anything unusual (an escaped or repeated "payloads" or "conditions" key, a payload or
 * list that is not an object or array, a body the exact parser must read) and the body
 * is parsed whole, as any other.
 */
export function parseBatchBody(text: string): Json {
  const scan = new BatchScan(text);
  if (needsExact(text, scan)) return parseExact(text);
  if (!scan.usable()) return parsePlain(text);
  const { elements: el, texts } = scan;
  try {
    // valid exactly when the text is: the skeleton, each payload and each list are whole
    // values checked on their own, and the scan checked the commas between payloads
    const body = JSON.parse(text.slice(0, scan.listOpen + 1) + text.slice(scan.listClose)) as { payloads: unknown[] };
    const lists = texts.map((t) => JSON.parse(t) as unknown);
    const payloads: unknown[] = new Array(el.length / 4);
    for (let i = 0, e = 0; e < el.length; i++, e += 4) {
      const start = el[e];
      const end = el[e + 1];
      const listStart = el[e + 2];
      const list = el[e + 3];
      if (list < 0) payloads[i] = JSON.parse(text.slice(start, end));
      else {
        const payload = JSON.parse(text.slice(start, listStart) + '0' + text.slice(listStart + texts[list].length, end)) as { conditions: unknown };
        payload.conditions = lists[list];
        payloads[i] = payload;
      }
    }
    body.payloads = payloads;
    return body;
  } catch {
    return parseExact(text); // CPython's message, at its position in the text as sent
  }
}

/**
 * Scan hooks that find body.payloads and, in each payload, its conditions: depth 1 is
 * the body, 2 the payloads array, 3 a payload, 4 its conditions array.
 */
class BatchScan implements ScanHooks {
  readonly depth = 3;
  /** Distinct condition list texts, in order of first appearance. */
  readonly texts: string[] = [];
  /** Per payload: start, end, where its list starts, which of texts it is (-1: none). */
  readonly elements: number[] = [];
  listOpen = -1;
  listClose = -1;
  private ok = true;
  private underPayloads = false;
  private inList = false;
  private inPayload = false;
  /** Where the list whose end is not known yet starts, or -1. */
  private pending = -1;

  constructor(private readonly s: string) {}

  usable(): boolean {
    return this.ok && this.listClose > 0 && this.elements.length > 0;
  }

  open(at: number, depth: number): void {
    const c = this.s.charCodeAt(at);
    if (depth === 2 && this.underPayloads) {
      if (this.listOpen >= 0 || c !== 91) this.ok = false;
      this.listOpen = at;
      this.inList = true;
    } else if (depth === 3 && this.inList) {
      // an object, after "[" or "," and spaces: anything else and the payloads are not all objects
      if (c !== 123 || !this.follows(at, this.elements.length === 0 ? this.listOpen : this.elements[this.elements.length - 3] - 1, 44)) this.ok = false;
      this.elements.push(at, -1, -1, -1);
      this.inPayload = true;
    }
  }

  close(at: number, depth: number): void {
    if (depth === 4 && this.pending >= 0) {
      const e = this.elements.length;
      this.elements[e - 2] = this.pending;
      this.elements[e - 1] = this.texts.push(this.s.slice(this.pending, at + 1)) - 1;
      this.pending = -1;
    } else if (depth === 3 && this.inPayload) {
      this.elements[this.elements.length - 3] = at + 1;
      this.inPayload = false;
    } else if (depth === 2 && this.inList) {
      if (this.elements.length > 0 && !this.follows(at, this.elements[this.elements.length - 3] - 1, -1)) this.ok = false;
      this.listClose = at;
      this.inList = false;
    }
  }

  key(start: number, end: number, value: number, depth: number): number {
    const s = this.s;
    for (let i = start; i < end; i++) if (s.charCodeAt(i) === 92) this.ok = false;
    if (depth === 1) {
      this.underPayloads = end - start === 8 && s.startsWith('payloads', start);
      if (this.underPayloads && this.listOpen >= 0) this.ok = false; // a second "payloads"
      return value;
    }
    if (depth !== 3 || !this.inPayload || end - start !== 10 || !s.startsWith('conditions', start)) return value;
    const e = this.elements.length;
    if (this.elements[e - 2] >= 0 || this.pending >= 0 || s.charCodeAt(value) !== 91) this.ok = false;
    if (!this.ok) return value;
    const known = Math.min(this.texts.length, MAX_DISTINCT);
    for (let k = 0; k < known; k++) {
      const t = this.texts[k];
      // a slice compared with === is a memcmp; startsWith goes char by char, as slow as scanning
      if (s.slice(value, value + t.length) === t) {
        this.elements[e - 2] = value;
        this.elements[e - 1] = k;
        return value + t.length; // scanned already, the first time
      }
    }
    this.pending = value;
    return value;
  }

  /**
   * Whether only spaces, and one `sep` if it is not -1, lie between `after` (exclusive)
   * and `at` (exclusive).
   */
  private follows(at: number, after: number, sep: number): boolean {
    let i = skipSpaces(this.s, after + 1);
    if (sep >= 0 && after !== this.listOpen) {
      if (this.s.charCodeAt(i) !== sep) return false;
      i = skipSpaces(this.s, i + 1);
    }
    return i === at;
  }
}
