/**
 * struct's format strings, as Modules/_struct.c's prepare_s reads them on x86-64 Linux: the
 * byte order, size and alignment character first ('@' native, '=', '<', '>', '!' standard),
 * then codes, each with an optional repeat count, whitespace between them ignored. A code and
 * its count are kept as one entry (3.11's formatcode `repeat`), so a huge count costs nothing
 * until the values are made; sizes and counts are exact past 2**53, as Py_ssize_t's are.
 */
import { chargeSteps } from '../../budget.js';
import { pyErr } from '../../exceptions.js';
import { STRUCT_ERROR } from './error.js';

export type Mode = '@' | '=' | '<' | '>' | '!';

/** One code of a format: its character, where its first item starts, its item size, how many items (a string's length for 's' and 'p', one item). */
export interface Code {
  readonly c: string;
  readonly offset: number;
  readonly size: number;
  readonly repeat: number;
}

export interface Layout {
  readonly mode: Mode;
  readonly codes: readonly Code[];
  /** calcsize: exact, a bigint past the safe integers. */
  readonly size: number | bigint;
  /** How many values pack takes and unpack makes. */
  readonly len: number | bigint;
}

/** native_table's sizes and alignments (x86-64: long and pointers of 8 octets). */
const NATIVE = new Map<string, readonly [size: number, align: number]>([
  ['x', [1, 0]], ['b', [1, 0]], ['B', [1, 0]], ['c', [1, 0]], ['s', [1, 0]], ['p', [1, 0]], ['?', [1, 1]],
  ['h', [2, 2]], ['H', [2, 2]], ['e', [2, 2]], ['i', [4, 4]], ['I', [4, 4]], ['f', [4, 4]],
  ['l', [8, 8]], ['L', [8, 8]], ['q', [8, 8]], ['Q', [8, 8]], ['n', [8, 8]], ['N', [8, 8]], ['d', [8, 8]], ['P', [8, 8]],
]);

/** The standard tables' sizes (no alignment); 'n', 'N' and 'P' are native only. */
const STANDARD = new Map<string, number>([
  ['x', 1], ['b', 1], ['B', 1], ['c', 1], ['s', 1], ['p', 1], ['?', 1],
  ['h', 2], ['H', 2], ['e', 2], ['i', 4], ['I', 4], ['l', 4], ['L', 4], ['f', 4], ['q', 8], ['Q', 8], ['d', 8],
]);

const SSIZE_MAX = 2n ** 63n - 1n;

const structErr = (message: string) => pyErr(STRUCT_ERROR, message);
const tooLong = () => structErr('total struct size too long');

/** Py_ISSPACE: the ASCII whitespace. */
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);


/** prepare_s over the format's characters (all ASCII: str formats were encoded first). */
export function parseFormat(fmt: string): Layout {
  // a step a character (a code and its entry cost some 0.2 µs, more on a loaded machine), the
  // clock looked at first: a format of a million codes is refused before it is read
  chargeSteps(fmt.length);
  if (fmt.includes('\0')) throw structErr('embedded null character');
  let i = 0;
  let mode: Mode = '@';
  const first = fmt[0];
  if (first === '@' || first === '=' || first === '<' || first === '>' || first === '!') {
    mode = first;
    i = 1;
  }
  const native = mode === '@';
  const codes: Code[] = [];
  // sizes and counts as doubles while they are exact, as bigints past that (a count of 2**60)
  let size: number | bigint = 0;
  let len: number | bigint = 0;
  while (i < fmt.length) {
    let ch = fmt.charCodeAt(i++);
    if (isSpace(ch)) continue;
    let num: number | bigint = 1;
    if (ch >= 48 && ch <= 57) {
      num = ch - 48;
      while (i < fmt.length && (ch = fmt.charCodeAt(i)) >= 48 && ch <= 57) {
        num = typeof num === 'number' && num < 2 ** 48 ? num * 10 + (ch - 48) : BigInt(num) * 10n + BigInt(ch - 48);
        if (typeof num === 'bigint' && num > SSIZE_MAX) throw tooLong();
        i++;
      }
      if (i >= fmt.length) throw structErr('repeat count given without format specifier');
      ch = fmt.charCodeAt(i++);
    }
    const c = String.fromCharCode(ch);
    const entry = native ? NATIVE.get(c) : STANDARD.get(c);
    if (entry === undefined) throw structErr('bad char in struct format');
    const itemSize = typeof entry === 'number' ? entry : entry[0];
    const align = typeof entry === 'number' ? 0 : entry[1];
    if (c !== 'x') len = c === 's' || c === 'p' ? add(len, 1) : add(len, num);
    // align(): native codes start at a multiple of their alignment
    if (align > 1 && size > 0) size = typeof size === 'number' ? size + (align - 1) - ((size - 1) % align) : size + BigInt(align - 1) - ((size - 1n) % BigInt(align));
    const offset = size;
    const bytes = typeof num === 'number' && num < 2 ** 49 ? num * itemSize : BigInt(num) * BigInt(itemSize);
    size = add(size, bytes);
    if (typeof size === 'bigint' && size > SSIZE_MAX) throw tooLong();
    // the string codes are one item of `num` octets; the pad octets are nothing to pack
    if (c === 's' || c === 'p') codes.push({ c, offset: Number(offset), size: Number(num), repeat: 1 });
    else if (c !== 'x' && num !== 0) codes.push({ c, offset: Number(offset), size: itemSize, repeat: Number(num) });
  }
  return { mode, codes, size, len };
}

/** a + b, a double while it is exact, else a bigint. */
function add(a: number | bigint, b: number | bigint): number | bigint {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (r <= Number.MAX_SAFE_INTEGER) return r;
  }
  const r = BigInt(a) + BigInt(b);
  return r <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(r) : r;
}
