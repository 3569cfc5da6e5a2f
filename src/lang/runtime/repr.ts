import { PyDict, PyException, PyFloat, PyFunc, PyIterator, PyModule, PyRange, PySet, PyTuple, PyType, PyView, typeName, type Py } from './values.js';

/** Python's repr of a float: shortest round-trip digits, exponent outside 1e-4 <= |x| < 1e16. */
export function floatRepr(x: number): string {
  if (x !== x) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const a = Math.abs(x);
  if (a >= 1e-4 && a < 1e16) {
    // Python's range for positional notation, inside JS's: String(x) is the same shortest digits
    const s = String(x);
    return Number.isInteger(x) ? s + '.0' : s;
  }
  const [mantissa, expText] = x.toExponential().split('e');
  const exp = Number(expText);
  const e = Math.abs(exp);
  return `${mantissa}e${exp < 0 ? '-' : '+'}${e < 10 ? '0' : ''}${e}`;
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** repr of a str: single quotes unless the text has one and no double quote. */
export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const c = s.charCodeAt(i);
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ESCAPES[ch] !== undefined) out += ESCAPES[ch];
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + quote;
}

export function repr(v: Py, seen?: Set<unknown>): string {
  switch (typeof v) {
    case 'string':
      return strRepr(v);
    case 'number':
      return String(v);
    case 'boolean':
      return v ? 'True' : 'False';
  }
  if (v === null) return 'None';
  if (v instanceof PyFloat) return floatRepr(v.v);
  if (Array.isArray(v) || v instanceof PyDict || v instanceof PySet || v instanceof PyTuple) {
    seen ??= new Set();
    if (seen.has(v)) return Array.isArray(v) ? '[...]' : v instanceof PyDict ? '{...}' : '(...)';
    seen.add(v);
    try {
      return containerRepr(v, seen);
    } finally {
      seen.delete(v);
    }
  }
  if (v instanceof PyView) return `dict_${v.kind}([${[...v].map((x) => repr(x, seen)).join(', ')}])`;
  if (v instanceof PyRange) return v.step === 1 ? `range(${v.start}, ${v.stop})` : `range(${v.start}, ${v.stop}, ${v.step})`;
  if (v instanceof PyType) return `<class '${v.name}'>`;
  if (v instanceof PyFunc) return v.kind === 'function' ? `<function ${v.name}>` : `<built-in function ${v.name}>`;
  if (v instanceof PyModule) return `<module '${v.name}'>`;
  if (v instanceof PyIterator) return `<${v.name} object>`;
  if (v instanceof PyException) return `${v.type.name}(${v.args.map((a) => repr(a)).join(', ')})`;
  if (typeof v.pyRepr === 'function') return v.pyRepr();
  return `<${typeName(v)} object>`;
}

function containerRepr(v: Py[] | PyDict | PySet | PyTuple, seen: Set<unknown>): string {
  if (Array.isArray(v)) return '[' + v.map((x) => repr(x, seen)).join(', ') + ']';
  if (v instanceof PyTuple) {
    const inner = v.items.map((x) => repr(x, seen)).join(', ');
    return v.items.length === 1 ? `(${inner},)` : `(${inner})`;
  }
  if (v instanceof PySet) return v.size === 0 ? 'set()' : '{' + v.values().map((x) => repr(x, seen)).join(', ') + '}';
  const parts: string[] = [];
  for (const [nk, value] of v.m) parts.push(repr(v.key(nk), seen) + ': ' + repr(value, seen));
  return '{' + parts.join(', ') + '}';
}

export function str(v: Py): string {
  if (typeof v === 'string') return v;
  if (v instanceof PyException) return v.text;
  return repr(v);
}
