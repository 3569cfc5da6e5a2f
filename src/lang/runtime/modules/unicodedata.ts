import { encode } from '../bytes.js';
import { bufferOf } from '../bytes-like.js';
import { KeyError, typeErr, valueErr } from '../exceptions.js';
import { bindArgs, positionalSignature, type Signature } from '../signature.js';
import { charProps, decompositionText, numericOf, type CharProps } from '../unicode-data.js';
import { UNIDATA_VERSION } from '../unicode-names-table.js';
import { lookupName, nameOf } from '../unicode-names.js';
import { isNormalized, normalFormOf, type Form } from '../unicode-normalize.js';
import { PyException, PyFloat, PyFunc, PyModule, PyStrBox, typeName, type Py } from '../values.js';

// CPython 3.11's unicodedata (Unicode 14.0): names from the table \N{...} reads, the other
// properties and normalize() from unicode-data.ts's. ucd_3_2_0 (Unicode 3.2, for IDNA) is not built.

// Argument Clinic's words: "name expected at least 1 argument, got 0", "unicodedata.name() takes no keyword arguments"
const NAME = positionalSignature('name', 'clinic', 1, 2, 'unicodedata');
// one positional parameter: METH_O's "unicodedata.lookup() takes exactly one argument (0 given)"
const LOOKUP = positionalSignature('lookup', 'one', 1, 1, 'unicodedata');
/** CPython's NAME_MAXLEN: a longer name is no name, in bytes of UTF-8. */
const NAME_MAXLEN = 256;

/** A wrong argument's type as Argument Clinic's _PyArg_BadArgument writes it: None by name. */
const badType = (v: Py): string => (v === null ? 'None' : typeName(v));

/** The code point of a str of one character (a str subclass's too), else null. */
function codePointOf(v: Py): number | null {
  const s = v instanceof PyStrBox ? v.value : v;
  if (typeof s !== 'string' || s.length === 0 || s.length > 2) return null;
  const cp = s.codePointAt(0)!;
  return s.length === (cp > 0xffff ? 2 : 1) ? cp : null;
}

/** unicodedata.name(chr[, default]): the character's name, else default, else ValueError. */
function name(args: Py[], kw: Map<string, Py> | null): Py {
  const [chr, fallback] = bindArgs(NAME, args, kw);
  const cp = codePointOf(chr);
  if (cp === null) throw typeErr(`name() argument 1 must be a unicode character, not ${badType(chr)}`);
  const found = nameOf(cp, false);
  if (found !== null) return found;
  if (fallback === undefined) throw valueErr('no such name');
  return fallback;
}

/** unicodedata.lookup(name): the character, or a named sequence's characters, with CPython's KeyErrors. */
function lookup(args: Py[], kw: Map<string, Py> | null): Py {
  const [arg] = bindArgs(LOOKUP, args, kw);
  // a str (a str subclass's instance too) is taken as its UTF-8 (a lone surrogate is the codec's error), bytes as they are
  const name = arg instanceof PyStrBox ? arg.value : arg;
  const bytes = typeof name === 'string' ? encode(name, [], null).data : bufferOf(arg);
  if (bytes === null) throw typeErr(`a bytes-like object is required, not '${typeName(arg)}'`);
  if (bytes.length > NAME_MAXLEN) throw new PyException(KeyError, ['name too long']);
  const text = new TextDecoder().decode(bytes);
  const found = lookupName(text, true);
  if (found === null) {
    // CPython formats the name as a C string: it ends at a NUL
    const shown = text.split('\0')[0];
    throw new PyException(KeyError, [`undefined character name '${shown}'`]);
  }
  return typeof found === 'number' ? String.fromCodePoint(found) : found;
}

/** category() to decomposition(): METH_O functions of one character, "category() argument must be a unicode character, not str". */
function property(fname: string, answer: (cp: number) => Py): PyFunc {
  const sig = positionalSignature(fname, 'one', 1, 1, 'unicodedata');
  return new PyFunc(fname, (args, kw) => {
    const [chr] = bindArgs(sig, args, kw);
    const cp = codePointOf(chr);
    if (cp === null) throw typeErr(`${fname}() argument must be a unicode character, not ${badType(chr)}`);
    return answer(cp);
  });
}

const record = <K extends keyof CharProps>(key: K) => (cp: number) => charProps(cp)[key];

/** decimal(), digit() and numeric(): Argument Clinic's (chr, default=<unrepresentable>, /), ValueError without a default. */
function numberOf(fname: string, kind: 'decimal' | 'digit' | 'numeric', missing: string): PyFunc {
  const sig: Signature = positionalSignature(fname, 'clinic', 1, 2, 'unicodedata');
  return new PyFunc(fname, (args, kw) => {
    const [chr, fallback] = bindArgs(sig, args, kw);
    const cp = codePointOf(chr);
    if (cp === null) throw typeErr(`${fname}() argument 1 must be a unicode character, not ${badType(chr)}`);
    const n = numericOf(cp);
    if (n !== undefined && (kind === 'numeric' || n[kind])) return kind === 'numeric' ? new PyFloat(n.value) : n.value;
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
function normalizer(fname: string, answer: (form: Form, s: string, arg: Py) => Py, empty: Py): PyFunc {
  const sig = positionalSignature(fname, 'clinic', 2, 2, 'unicodedata');
  return new PyFunc(fname, (args, kw) => {
    const [form, s] = bindArgs(sig, args, kw).map((v) => (v instanceof PyStrBox ? v.value : v));
    if (typeof form !== 'string') throw typeErr(`${fname}() argument 1 must be str, not ${badType(args[0])}`);
    if (typeof s !== 'string') throw typeErr(`${fname}() argument 2 must be str, not ${badType(args[1])}`);
    // CPython answers an empty str before it reads the form
    if (s.length === 0) return empty ?? args[1];
    if (!FORMS.has(form)) throw valueErr('invalid normalization form');
    return answer(form as Form, s, args[1]);
  });
}

export const UNICODEDATA = new PyModule(
  'unicodedata',
  new Map<string, Py>([
    ['name', new PyFunc('name', name)],
    ['lookup', new PyFunc('lookup', lookup)],
    ['category', property('category', record('category'))],
    ['bidirectional', property('bidirectional', record('bidirectional'))],
    ['combining', property('combining', record('combining'))],
    ['east_asian_width', property('east_asian_width', record('eastAsianWidth'))],
    ['mirrored', property('mirrored', record('mirrored'))],
    ['decomposition', property('decomposition', decompositionText)],
    ['decimal', numberOf('decimal', 'decimal', 'not a decimal')],
    ['digit', numberOf('digit', 'digit', 'not a digit')],
    ['numeric', numberOf('numeric', 'numeric', 'not a numeric character')],
    ['normalize', normalizer('normalize', (form, s, arg) => normalFormOf(form, s) ?? arg, null)],
    ['is_normalized', normalizer('is_normalized', isNormalized, true)],
    ['unidata_version', UNIDATA_VERSION],
  ]),
);
