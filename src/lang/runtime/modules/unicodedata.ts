import { PyByteArray } from '../bytearray.js';
import { cpLen } from '../codepoints.js';
import { encode, PyBytes } from '../bytes.js';
import { bufferOf } from '../bytes-like.js';
import { AttributeError, KeyError, pyErr, typeErr, valueErr } from '../exceptions.js';
import type { PyTypeSlots } from '../types/protocol.js';
import { registerType, registerTypeObject } from '../types/table.js';
import { bindArgs, positionalSignature } from '../signature.js';
import { bidirectional32, category32, changed32, unassigned32 } from '../unicode-data-3-2.js';
import { charProps, decompositionText, numericOf } from '../unicode-data.js';
import { UNIDATA_VERSION } from '../unicode-names-table.js';
import { lookupName, nameOf } from '../unicode-names.js';
import { isNormalized, normalFormOf, type Form } from '../unicode-normalize.js';
import { argTypeName, PyException, PyFloat, PyFunc, PyModule, PyStrBox, PyType, typeName, type Py } from '../values.js';

// CPython 3.11's unicodedata (Unicode 14.0): names from the table \N{...} reads, the other
// properties and normalize() from unicode-data.ts's; and its ucd_3_2_0, the same functions on
// Unicode 3.2 (for IDNA's nameprep), as unicode-data-3-2.ts changes 14.0's answers.

/** What one version of the database answers, by code point (null: none). */
interface Version {
  /** whose functions: 'unicodedata' for the module's, 'UCD' for ucd_3_2_0's methods, as their arity errors name them */
  readonly owner: string;
  category(cp: number): string;
  bidirectional(cp: number): string;
  combining(cp: number): number;
  eastAsianWidth(cp: number): string;
  mirrored(cp: number): number;
  decomposition(cp: number): string;
  decimal(cp: number): number | null;
  digit(cp: number): number | null;
  numeric(cp: number): number | null;
  name(cp: number): string | null;
  /** a character by its name, or a named sequence's characters */
  lookup(name: string): number | string | null;
  /** normalize(): the argument itself where CPython answers it */
  normalize(form: Form, s: string, arg: Py): Py;
  isNormalized(form: Form, s: string): boolean;
}

const numberOf = (cp: number, kind: 'decimal' | 'digit'): number | null => {
  const n = numericOf(cp);
  return n !== undefined && n[kind] ? n.value : null;
};

const UNICODE_14: Version = {
  owner: 'unicodedata',
  category: (cp) => charProps(cp).category,
  bidirectional: (cp) => charProps(cp).bidirectional,
  combining: (cp) => charProps(cp).combining,
  eastAsianWidth: (cp) => charProps(cp).eastAsianWidth,
  mirrored: (cp) => charProps(cp).mirrored,
  decomposition: decompositionText,
  decimal: (cp) => numberOf(cp, 'decimal'),
  digit: (cp) => numberOf(cp, 'digit'),
  numeric: (cp) => numericOf(cp)?.value ?? null,
  name: (cp) => nameOf(cp, false),
  lookup: (name) => lookupName(name, true),
  normalize: (form, s, arg) => normalFormOf(form, s) ?? arg,
  isNormalized: (form, s) => isNormalized(form, s),
};

/** CPython's ucd_3_2_0: a character 3.2 did not have has no properties but digit(), the others 3.2's where they changed. */
const UNICODE_3_2: Version = {
  owner: 'UCD',
  category: category32,
  bidirectional: bidirectional32,
  combining: (cp) => (unassigned32(cp) ? 0 : UNICODE_14.combining(cp)),
  // index 0 of CPython's names, which it answers for what 3.2 did not have
  eastAsianWidth: (cp) => (unassigned32(cp) ? 'F' : (changed32(cp)?.eastAsianWidth ?? UNICODE_14.eastAsianWidth(cp))),
  mirrored: (cp) => (unassigned32(cp) ? 0 : (changed32(cp)?.mirrored ?? UNICODE_14.mirrored(cp))),
  decomposition: (cp) => (unassigned32(cp) ? '' : UNICODE_14.decomposition(cp)),
  decimal: (cp) => {
    if (unassigned32(cp)) return null;
    const old = changed32(cp);
    return old !== undefined ? old.decimal : UNICODE_14.decimal(cp);
  },
  digit: UNICODE_14.digit,
  numeric: (cp) => (unassigned32(cp) ? null : UNICODE_14.numeric(cp)),
  name: (cp) => (unassigned32(cp) ? null : UNICODE_14.name(cp)),
  // no aliases nor named sequences; a name of the table only for what 3.2 had, a CJK ideograph's by 14.0's ranges
  lookup: (name) => {
    const found = lookupName(name, false, false);
    return typeof found === 'number' && !name.startsWith('CJK UNIFIED IDEOGRAPH-') && unassigned32(found) ? null : found;
  },
  // no quick check: always a new str
  normalize: (form, s) => normalFormOf(form, s, true) ?? s,
  isNormalized: (form, s) => isNormalized(form, s, true),
};

/** CPython's NAME_MAXLEN: a longer name is no name, in bytes of UTF-8. */
const NAME_MAXLEN = 256;

/** A wrong argument's type as Argument Clinic's _PyArg_BadArgument writes it: None by name. */

/** The code point of a str of one character (a str subclass's too), else null. */
function codePointOf(v: Py): number | null {
  const s = v instanceof PyStrBox ? v.value : v;
  if (typeof s !== 'string' || s.length === 0 || s.length > 2) return null;
  return cpLen(s) === 1 ? s.codePointAt(0)! : null;
}

/** unicodedata.name(chr[, default]): the character's name, else default, else ValueError. */
function name(v: Version): PyFunc {
  // Argument Clinic's words: "name expected at least 1 argument, got 0", "unicodedata.name() takes no keyword arguments"
  const sig = positionalSignature('name', 'clinic', 1, 2, v.owner);
  return new PyFunc('name', (args, kw) => {
    const [chr, fallback] = bindArgs(sig, args, kw);
    const cp = codePointOf(chr);
    if (cp === null) throw typeErr(`name() argument 1 must be a unicode character, not ${argTypeName(chr)}`);
    const found = v.name(cp);
    if (found !== null) return found;
    if (fallback === undefined) throw valueErr('no such name');
    return fallback;
  });
}

/** unicodedata.lookup(name): the character, or a named sequence's characters, with CPython's KeyErrors. */
function lookup(v: Version): PyFunc {
  // one positional parameter: METH_O's "unicodedata.lookup() takes exactly one argument (0 given)"
  const sig = positionalSignature('lookup', 'one', 1, 1, v.owner);
  return new PyFunc('lookup', (args, kw) => {
    const [arg] = bindArgs(sig, args, kw);
    // a str (a str subclass's instance too) is taken as its UTF-8 (a lone surrogate is the codec's error), bytes as they are
    const name = arg instanceof PyStrBox ? arg.value : arg;
    // Argument Clinic's str(accept={str, robuffer}): of the bytes-like objects, bytes only
    const bytes = typeof name === 'string' ? encode(name, [], null).data : arg instanceof PyBytes && !(arg instanceof PyByteArray) ? arg.data : null;
    if (bytes === null) throw typeErr(bufferOf(arg) !== null ? `lookup() argument must be read-only bytes-like object, not ${typeName(arg)}` : `a bytes-like object is required, not '${typeName(arg)}'`);
    if (bytes.length > NAME_MAXLEN) throw new PyException(KeyError, ['name too long']);
    const text = new TextDecoder().decode(bytes);
    const found = v.lookup(text);
    if (found === null) {
      // CPython formats the name as a C string: it ends at a NUL
      const shown = text.split('\0')[0];
      throw new PyException(KeyError, [`undefined character name '${shown}'`]);
    }
    return typeof found === 'number' ? String.fromCodePoint(found) : found;
  });
}

/** category() to decomposition(): METH_O functions of one character, "category() argument must be a unicode character, not str". */
function property(v: Version, fname: string, answer: (cp: number) => Py): PyFunc {
  const sig = positionalSignature(fname, 'one', 1, 1, v.owner);
  return new PyFunc(fname, (args, kw) => {
    const [chr] = bindArgs(sig, args, kw);
    const cp = codePointOf(chr);
    if (cp === null) throw typeErr(`${fname}() argument must be a unicode character, not ${argTypeName(chr)}`);
    return answer(cp);
  });
}

/** decimal(), digit() and numeric(): Argument Clinic's (chr, default=<unrepresentable>, /), ValueError without a default. */
function numberFn(v: Version, fname: 'decimal' | 'digit' | 'numeric', missing: string): PyFunc {
  const sig = positionalSignature(fname, 'clinic', 1, 2, v.owner);
  return new PyFunc(fname, (args, kw) => {
    const [chr, fallback] = bindArgs(sig, args, kw);
    const cp = codePointOf(chr);
    if (cp === null) throw typeErr(`${fname}() argument 1 must be a unicode character, not ${argTypeName(chr)}`);
    const n = v[fname](cp);
    if (n !== null) return fname === 'numeric' ? new PyFloat(n) : n;
    if (fallback === undefined) throw valueErr(missing);
    return fallback;
  });
}

const FORMS = new Set<string>(['NFC', 'NFD', 'NFKC', 'NFKD']);

/**
 * normalize() and is_normalized(): Argument Clinic's (form, unistr, /), both str. `answer` has
 * the str and the argument itself, which normalize returns where CPython returns its input;
 * `empty` is the answer for an empty str, null for the argument itself.
 */
function normalizer(v: Version, fname: string, answer: (form: Form, s: string, arg: Py) => Py, empty: Py): PyFunc {
  const sig = positionalSignature(fname, 'clinic', 2, 2, v.owner);
  return new PyFunc(fname, (args, kw) => {
    const [form, s] = bindArgs(sig, args, kw).map((v) => (v instanceof PyStrBox ? v.value : v));
    if (typeof form !== 'string') throw typeErr(`${fname}() argument 1 must be str, not ${argTypeName(args[0])}`);
    if (typeof s !== 'string') throw typeErr(`${fname}() argument 2 must be str, not ${argTypeName(args[1])}`);
    // CPython answers an empty str before it reads the form
    if (s.length === 0) return empty ?? args[1];
    if (!FORMS.has(form)) throw valueErr('invalid normalization form');
    return answer(form as Form, s, args[1]);
  });
}

/** The functions of a version, by name. */
function functionsOf(v: Version): [string, PyFunc][] {
  return [
    ['name', name(v)],
    ['lookup', lookup(v)],
    ['category', property(v, 'category', v.category)],
    ['bidirectional', property(v, 'bidirectional', v.bidirectional)],
    ['combining', property(v, 'combining', v.combining)],
    ['east_asian_width', property(v, 'east_asian_width', v.eastAsianWidth)],
    ['mirrored', property(v, 'mirrored', v.mirrored)],
    ['decomposition', property(v, 'decomposition', v.decomposition)],
    ['decimal', numberFn(v, 'decimal', 'not a decimal')],
    ['digit', numberFn(v, 'digit', 'not a digit')],
    ['numeric', numberFn(v, 'numeric', 'not a numeric character')],
    ['normalize', normalizer(v, 'normalize', v.normalize, null)],
    ['is_normalized', normalizer(v, 'is_normalized', v.isNormalized, true)],
  ];
}

/** unicodedata.UCD: the type of ucd_3_2_0, which a condition cannot make. */
class PyUCD {}

const UCD_TYPE = new PyType('unicodedata.UCD', () => {
  throw typeErr("cannot create 'unicodedata.UCD' instances");
});

const UCD_METHODS = new Map(functionsOf(UNICODE_3_2).map(([fname, f]) => [fname, (_: PyUCD, args: Py[], kw: Map<string, Py> | null) => f.fn(args, kw)]));

const UCD_SLOTS: PyTypeSlots<PyUCD> = {
  name: () => 'unicodedata.UCD',
  type: UCD_TYPE,
  truthy: () => true,
  len: null,
  iter: null,
  // CPython adds ' at 0x7f...', an address that differs in every process: left out, as for functions
  repr: () => '<unicodedata.UCD object>',
  getattr: (_, attr) => (attr === 'unidata_version' ? '3.2.0' : undefined),
  methods: UCD_METHODS,
  // nothing of it can be set or deleted: CPython's words for a member, a method and anything else
  setattr: (_, attr) => {
    const text = attr === 'unidata_version' ? 'readonly attribute' : UCD_METHODS.has(attr) ? `'unicodedata.UCD' object attribute '${attr}' is read-only` : `'unicodedata.UCD' object has no attribute '${attr}'`;
    throw pyErr(AttributeError, text);
  },
};

registerType(PyUCD, UCD_SLOTS);
// its methods unbound too: unicodedata.UCD.category(ucd_3_2_0, 'a')
registerTypeObject('unicodedata.UCD', UCD_SLOTS);

export const UNICODEDATA = new PyModule(
  'unicodedata',
  new Map<string, Py>([...functionsOf(UNICODE_14), ['unidata_version', UNIDATA_VERSION], ['ucd_3_2_0', new PyUCD()], ['UCD', UCD_TYPE]]),
);
