import { step } from './budget.js';
import { ASSIGNED_SINCE_14, CASED_SINCE_14, CLASS_14 } from './unicode-since-14-table.js';

// CPython 3.11's Unicode is 14.0; V8's properties are its ICU's (Unicode 17 in Node 20). What
// 14.0 had not assigned is nothing there: not a letter, a digit or printable, no case, no
// identifier. The classes str's tests and re's \w and \d take on every call are CPython's
// own, spelt out (CLASS_14); the rest, read where a condition compiles (names, identifiers),
// are V8's less ASSIGNED_SINCE_14, a set difference under the v flag.

/** A u-flag set of one of CPython's classes (unicode-since-14-table.ts). */
export const set14 = (name: keyof typeof CLASS_14): string => `[${CLASS_14[name]}]`;

/** A v-flag set: the body's code points (V8's properties, ranges) that Unicode 14.0 assigns. */
export const in14 = (body: string): string => `[[${body}]--[${ASSIGNED_SINCE_14}]]`;

const RECASED = new RegExp(`[${CASED_SINCE_14}]`, 'u');
const RECASED_ALL = new RegExp(`[${CASED_SINCE_14}]`, 'gu');

/** What 14.0 had not assigned: not cased, so no context for a final sigma. */
const UNASSIGNED = new RegExp(`[${ASSIGNED_SINCE_14}]`, 'u');

/**
 * s.toUpperCase() or s.toLowerCase() as CPython 3.11's: the characters V8 maps and 14.0 does not
 * (their pair came later) stay. Only a text that changed is searched for them. The text between
 * them is mapped apart, with an 'a' for a neighbour that 14.0 has as a cased letter (U+019B,
 * ...), so that a final sigma next to it is what CPython makes it. Each piece is a step.
 */
export function mapCase(s: string, mapped: string, map: (s: string) => string): string {
  if (mapped === s || !RECASED.test(s)) return mapped;
  const context = (ch: string | undefined) => (ch === undefined || UNASSIGNED.test(ch) ? '' : 'a');
  let out = '';
  let from = 0;
  let before = '';
  for (const m of s.matchAll(RECASED_ALL)) {
    // some 150 ns a piece: a text of nothing else is paid as a loop
    step();
    const after = context(m[0]);
    const piece = map(before + s.slice(from, m.index) + after);
    out += piece.slice(before.length, piece.length - after.length) + m[0];
    from = m.index! + m[0].length;
    before = after;
  }
  const piece = map(before + s.slice(from));
  return out + piece.slice(before.length);
}

/** Whether one character's case mapping is V8's and not 14.0's. */
export const recased = (ch: string): boolean => RECASED.test(ch);

/** What str.isprintable() and repr() refuse, but for the space: Unicode's Other and Separator categories, in 14.0. */
export const NOT_PRINTABLE = new RegExp(`[\\p{C}\\p{Z}${ASSIGNED_SINCE_14}]`, 'u');

/** str.isidentifier: XID_Start or '_', then XID_Continue (PEP 3131), in 14.0. */
// less the four code points 15.1 added to Other_ID_Continue (ZWNJ, ZWJ and the katakana middle dots), which V8's has
export const IDENTIFIER = new RegExp(`^(?:${in14('\\p{XID_Start}_')})[${in14('\\p{XID_Continue}')}--[\\u200c\\u200d\\u30fb\\uff65]]*$`, 'v');

/** Unicode 14.0's decimal digits (Nd): int(), float(), Decimal and format specs read them, and \d. */
export const DECIMAL_DIGIT = set14('DECIMAL');
const DECIMAL = new RegExp(DECIMAL_DIGIT, 'u');
export const isDecimalChar = (ch: string): boolean => DECIMAL.test(ch);

/** An identifier as sre_parse's isidentifier() takes a group's name. */
export const GROUP_NAME = `${in14('\\p{L}\\p{Nl}_')}${in14('\\p{L}\\p{N}\\p{Mn}\\p{Mc}\\p{Pc}')}*`;
