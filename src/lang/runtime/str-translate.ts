import { charge } from './budget.js';
import { cpChars, cpIterable, cpLen, cpString } from './codepoints.js';
import { LookupError, typeErr, valueErr } from './exceptions.js';
import { getitem } from './ops.js';
import { IDENTIFIER, NOT_PRINTABLE } from './unicode-14.js';
import { argTypeName, PyDict, PyException, PyIntBox, PyStrBox, type Py } from './values.js';

/** str.translate(table): each character by its code point through table[ord(c)]; a LookupError keeps it. */
export function translate(s: string, table: Py): string {
  charge(s.length);
  let out = '';
  for (const ch of cpIterable(s)) {
    let to: Py;
    try {
      to = getitem(table, ch.codePointAt(0)!);
    } catch (e) {
      if (e instanceof PyException && e.type.isSubclassOf(LookupError) && !e.fatal) {
        out += ch;
        continue;
      }
      throw e;
    }
    if (to === null) continue;
    if (typeof to === 'string') out += to;
    // a str subclass's instance is its str
    else if (to instanceof PyStrBox) out += to.value;
    // a big int is out of range too (charmaptranslate_lookup's words), an int subclass's instance its int
    else if (typeof to === 'number' || typeof to === 'boolean' || typeof to === 'bigint' || to instanceof PyIntBox) {
      const cp = Number(to instanceof PyIntBox ? to.value : to);
      if (cp < 0 || cp > 0x10ffff) throw valueErr('character mapping must be in range(0x110000)');
      out += cpString(cp);
    } else throw typeErr('character mapping must return integer, None or str');
    if (out.length > 2 * s.length + 1024) charge(out.length - s.length);
  }
  return out;
}

/** str.maketrans(x[, y[, z]]): a dict from code points to code points, strings or None. */
export function maketrans(args: Py[]): PyDict {
  // a str subclass's instance is a str (PyUnicode_Check), as an argument and as a key
  const [x, y, z] = args.map((v) => (v instanceof PyStrBox ? v.value : v));
  const d = new PyDict();
  if (y === undefined) {
    if (!(x instanceof PyDict)) throw typeErr('if you give only one argument to maketrans it must be a dict');
    charge(x.size);
    for (const stored of x.keyList()) {
      const value = x.get(stored);
      const key = stored instanceof PyStrBox || stored instanceof PyIntBox ? stored.value : stored;
      if (typeof key === 'string') {
        if (cpLen(key) !== 1) throw valueErr('string keys in translate table must be of length 1');
        d.set(key.codePointAt(0)!, value);
      } else if (typeof key === 'number' || typeof key === 'boolean') d.set(Number(key), value);
      else throw typeErr('keys in translate table must be strings or integers');
    }
    return d;
  }
  // Argument Clinic reads y and z as str (x is any object) before the function looks at x
  if (typeof y !== 'string') throw typeErr(`maketrans() argument 2 must be str, not ${argTypeName(y)}`);
  if (z !== undefined && typeof z !== 'string') throw typeErr(`maketrans() argument 3 must be str, not ${argTypeName(z)}`);
  if (typeof x !== 'string') throw typeErr('first maketrans argument must be a string if there is a second argument');
  const from = cpChars(x);
  const to = cpChars(y);
  if (from.length !== to.length) throw valueErr('the first two maketrans arguments must have equal length');
  charge(from.length + (z?.length ?? 0));
  from.forEach((ch, i) => d.set(ch.codePointAt(0)!, to[i].codePointAt(0)!));
  if (z !== undefined) for (const ch of cpChars(z)) d.set(ch.codePointAt(0)!, null);
  return d;
}

/** str.isprintable: no character of Unicode's categories Other or Separator, but the space. */
export const isPrintable = (s: string): boolean => !NOT_PRINTABLE.test(s.replace(/ /g, ''));

/** str.isidentifier: XID_Start or '_', then XID_Continue (PEP 3131). */
export const isIdentifier = (s: string): boolean => IDENTIFIER.test(s);
