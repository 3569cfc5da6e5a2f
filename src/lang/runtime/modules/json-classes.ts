/**
 * json.JSONEncoder and json.JSONDecoder, as CPython 3.11's Lib/json writes them: classes whose
 * methods read `self`'s attributes and call `self`'s other methods, so a condition's subclass
 * (its own `default`, `encode`, `object_hook` given to `__init__`) is heard where CPython hears
 * it. json.dumps and json.loads with options go through them as Lib/json/__init__.py does:
 * `cls(**kw).encode(obj)`, `cls(**kw).decode(s)`. The scanner is the C one's (Modules/_json.c):
 * its hooks read once, when `__init__` makes `scan_once`.
 */
import { getattr } from '../attributes.js';
import { allocStr, work } from '../budget.js';
import { callValue } from '../call.js';
import { classOfInstance, makeClass, OBJECT_CLASS, PyInstance, setattr } from '../classes.js';
import { cpLen, cpStarts, cpIndex } from '../codepoints.js';
import { fatalErr, StopIteration, typeErr, UnsupportedError, valueErr } from '../exceptions.js';
import { decodeErrorOf, dumps, JsonSyntaxError, scanOnce, skipSpaces, type DecodeHooks } from '../json.js';
import { nestingRoom } from '../budget.js';
import { intArg } from '../args.js';
import { BUILTINS, toInt } from '../builtins.js';
import { indexSized, truthy } from '../ops.js';
import { PyByteArray } from '../bytearray.js';
import { PyBytes, PyDict, PyException, PyFloat, PyFunc, PyStrBox, PyTuple, typeName, type Py } from '../values.js';
import { callMethod, callMethodKw, unpack } from './calendar/py.js';
import { pyDef } from './python-def.js';

/** Containers a decoder nests at the envelope's level before CPython's RecursionError (as json.loads). */
const LOADS_NESTING = 994;

/** float and int: a hook that is one of them is the C scanner's own parse. */
const builtin = (name: string): Py => BUILTINS.get(name)!;

const refuse = (what: string) => fatalErr(UnsupportedError, `${what} is not available in conditions: the evaluator does not build it`);

// ---------------------------------------------------------------- JSONDecoder

export const JSON_DECODER = makeClass('JSONDecoder', 'JSONDecoder', [OBJECT_CLASS]);
JSON_DECODER.module = 'json.decoder';

const decoderMethod = (name: string, params: string[], defaults: Record<string, Py>, body: (...a: Py[]) => Py): void => {
  JSON_DECODER.attrs.set(name, pyDef(`JSONDecoder.${name}`, ['self', ...params], defaults, body));
};

/** _CONSTANTS.__getitem__: the default parse_constant. */
const CONSTANTS: Record<string, number> = { '-Infinity': -Infinity, Infinity: Infinity, NaN: NaN };
const PARSE_CONSTANT = new PyFunc('__getitem__', (a) => {
  const name = a[0];
  if (typeof name === 'string' && Object.hasOwn(CONSTANTS, name)) return new PyFloat(CONSTANTS[name]);
  throw refuse('_CONSTANTS.__getitem__ of anything but a constant\'s name');
});
const HELPERS = ['parse_object', 'JSONObject', 'parse_array', 'JSONArray', 'parse_string', 'scanstring'];

/** A str's text (a str subclass's value), else undefined. */
const textOf = (v: Py): string | undefined => (typeof v === 'string' ? v : v instanceof PyStrBox ? v.value : undefined);

/** Positions in code points (what Python's indexes count) from JS string offsets, and back. */
function unitsOf(starts: Int32Array | null, cp: number): number {
  return starts === null ? cp : starts[cp];
}

/**
 * make_scanner(context): the C scanner, reading the context's hooks now, as scanner_new does.
 * Called with (string, idx), it answers (value, end), or raises StopIteration(idx) where no
 * value starts.
 */
function makeScanner(ctx: Py): PyFunc {
  const strict = truthy(getattr(ctx, 'strict'));
  const objectHook = getattr(ctx, 'object_hook');
  const pairsHook = getattr(ctx, 'object_pairs_hook');
  const parseFloat = getattr(ctx, 'parse_float');
  const parseInt = getattr(ctx, 'parse_int');
  const parseConstant = getattr(ctx, 'parse_constant');
  const hooks: DecodeHooks = {
    strict,
    objectHook,
    pairsHook,
    parseFloat: parseFloat === builtin('float') ? null : parseFloat,
    parseInt: parseInt === builtin('int') ? null : parseInt,
    parseConstant,
  };
  return new PyFunc('scan_once', (a, k) => {
    if (k !== null && k.size > 0) throw fatalErr(UnsupportedError, 'scan_once() with keyword arguments is not available in conditions');
    if (a.length !== 2) throw typeErr(`scan_once() takes exactly 2 arguments (${a.length} given)`);
    const s = textOf(a[0]);
    if (s === undefined) throw typeErr(`first argument must be a string, not ${typeName(a[0])}`);
    const idx = intArg(a[1]);
    if (typeof idx === 'bigint') throw fatalErr(UnsupportedError, 'scan_once() of an index past 2**53 is not available in conditions');
    if (idx < 0) throw valueErr('idx cannot be negative');
    // the text's code points found once per call: paid for as a pass over it
    work(s.length);
    const starts = cpStarts(s);
    const n = starts === null ? s.length : cpLen(s);
    if (idx >= n) throw new PyException(StopIteration, [idx]);
    try {
      const [v, end] = scanOnce(s, unitsOf(starts, idx), hooks, nestingRoom(LOADS_NESTING));
      return new PyTuple([v, starts === null ? end : cpIndex(s, end)]);
    } catch (err) {
      if (!(err instanceof JsonSyntaxError)) throw err;
      // where no value starts, the C scanner raises StopIteration(idx): raw_decode words it
      if (err.message === 'Expecting value') throw new PyException(StopIteration, [cpIndex(s, Math.min(err.pos, s.length))]);
      throw err.toPython();
    }
  });
}

decoderMethod(
  '__init__',
  ['*', 'object_hook', 'parse_float', 'parse_int', 'parse_constant', 'strict', 'object_pairs_hook'],
  { object_hook: null, parse_float: null, parse_int: null, parse_constant: null, strict: true, object_pairs_hook: null },
  (self, _star, objectHook, parseFloat, parseInt, parseConstant, strict, pairsHook) => {
    setattr(self, 'object_hook', objectHook);
    setattr(self, 'parse_float', truthy(parseFloat) ? parseFloat : builtin('float'));
    setattr(self, 'parse_int', truthy(parseInt) ? parseInt : builtin('int'));
    setattr(self, 'parse_constant', truthy(parseConstant) ? parseConstant : PARSE_CONSTANT);
    setattr(self, 'strict', strict);
    setattr(self, 'object_pairs_hook', pairsHook);
    // JSONObject, JSONArray and scanstring: there to read, refused if called
    for (let i = 0; i < HELPERS.length; i += 2) {
      const name = HELPERS[i + 1];
      setattr(self, HELPERS[i], new PyFunc(name, () => { throw refuse(`json.decoder.${name}()`); }));
    }
    setattr(self, 'memo', new PyDict());
    setattr(self, 'scan_once', makeScanner(self));
    return null;
  },
);

/** JSONDecodeError("Expecting value", s, err.value), of a StopIteration's value. */
function expectingValue(s: string, pos: Py): PyException {
  if (pos === null) return typeErr("unsupported operand type(s) for -: 'NoneType' and 'int'");
  if (typeof pos !== 'number') return refuse(`JSONDecodeError of a position that is a ${typeName(pos)}`);
  return decodeErrorOf('Expecting value', s, pos);
}

decoderMethod('raw_decode', ['s', 'idx'], { idx: 0 }, (self, s, idx) => {
  let r: Py;
  try {
    r = callValue(getattr(self, 'scan_once'), [s, idx], null);
  } catch (err) {
    if (!(err instanceof PyException) || err.fatal || !err.type.isSubclassOf(StopIteration)) throw err;
    const text = textOf(s);
    if (text === undefined) throw refuse('raw_decode() of a text that is not a str');
    throw expectingValue(text, getattr(err, 'value'));
  }
  return new PyTuple(unpack(r, 2));
});

decoderMethod('decode', ['s', '_w'], { _w: null }, (self, s, w) => {
  if (w !== null) throw refuse('JSONDecoder.decode(_w=...)');
  const text = textOf(s);
  if (text === undefined) {
    // WHITESPACE.match(s, 0): re's words
    if (s instanceof PyBytes || s instanceof PyByteArray) throw typeErr('cannot use a string pattern on a bytes-like object');
    throw typeErr(`expected string or bytes-like object, got '${typeName(s)}'`);
  }
  work(text.length);
  // JSON's whitespace is ASCII: the code points before the first value are its units
  const start = skipSpaces(text, 0);
  const [obj, end] = unpack(callMethodKw(self, 'raw_decode', [s], new Map([['idx', start]])), 2);
  const endCp = intArg(end);
  if (typeof endCp === 'bigint') throw refuse('an end past 2**53');
  const starts = cpStarts(text);
  const n = starts === null ? text.length : cpLen(text);
  const at = Math.max(0, Math.min(endCp, n));
  const units = unitsOf(starts, at);
  const after = at + (skipSpaces(text, units) - units);
  if (after !== n) throw decodeErrorOf('Extra data', text, after);
  return obj;
});

// ---------------------------------------------------------------- JSONEncoder

export const JSON_ENCODER = makeClass('JSONEncoder', 'JSONEncoder', [OBJECT_CLASS]);
JSON_ENCODER.module = 'json.encoder';
JSON_ENCODER.attrs.set('item_separator', ', ');
JSON_ENCODER.attrs.set('key_separator', ': ');

const encoderMethod = (name: string, params: string[], defaults: Record<string, Py>, body: (...a: Py[]) => Py): void => {
  JSON_ENCODER.attrs.set(name, pyDef(`JSONEncoder.${name}`, ['self', ...params], defaults, body));
};

const ENCODER_OPTIONS = ['skipkeys', 'ensure_ascii', 'check_circular', 'allow_nan', 'sort_keys', 'indent', 'separators', 'default'];
encoderMethod(
  '__init__',
  ['*', ...ENCODER_OPTIONS],
  { skipkeys: false, ensure_ascii: true, check_circular: true, allow_nan: true, sort_keys: false, indent: null, separators: null, default: null },
  (self, _star, skipkeys, ensureAscii, checkCircular, allowNan, sortKeys, indent, separators, dflt) => {
    setattr(self, 'skipkeys', skipkeys);
    setattr(self, 'ensure_ascii', ensureAscii);
    setattr(self, 'check_circular', checkCircular);
    setattr(self, 'allow_nan', allowNan);
    setattr(self, 'sort_keys', sortKeys);
    setattr(self, 'indent', indent);
    if (separators !== null) {
      const [item, key] = unpack(separators, 2);
      setattr(self, 'item_separator', item);
      setattr(self, 'key_separator', key);
    } else if (indent !== null) setattr(self, 'item_separator', ',');
    if (dflt !== null) setattr(self, 'default', dflt);
    return null;
  },
);

encoderMethod('default', ['o'], {}, (_self, o) => notSerializable(o));

/** A separator the C encoder takes: a str (make_encoder's 'U'), else its TypeError. */
function separatorOf(v: Py, n: number, pythonPath: boolean): string {
  const s = textOf(v);
  if (s !== undefined) return s;
  if (pythonPath) throw refuse(`json's encoder with indent and a ${typeName(v)} separator`);
  throw typeErr(`make_encoder() argument ${n} must be str, not ${typeName(v)}`);
}

/** iterencode(o, _one_shot=True)'s text, with self's options read as iterencode reads them. */
function encodeText(self: Py, o: Py): string {
  const options: EncoderOptions = {
    checkCircular: getattr(self, 'check_circular'),
    ensureAscii: getattr(self, 'ensure_ascii'),
    allowNan: getattr(self, 'allow_nan'),
    indent: getattr(self, 'indent'),
    dflt: getattr(self, 'default'),
    keySep: getattr(self, 'key_separator'),
    itemSep: getattr(self, 'item_separator'),
    sortKeys: getattr(self, 'sort_keys'),
    skipKeys: getattr(self, 'skipkeys'),
  };
  return encodeWith(o, options);
}

/** An encoder's options as its attributes hold them; `dflt` null for the class's own default. */
interface EncoderOptions {
  checkCircular: Py;
  ensureAscii: Py;
  allowNan: Py;
  indent: Py;
  dflt: Py;
  keySep: Py;
  itemSep: Py;
  sortKeys: Py;
  skipKeys: Py;
}

/**
 * json.dumps with no cls and no other keyword: what JSONEncoder(...).encode(o) answers, its
 * options taken as __init__ would set them, without making the instance (json.dumps is on
 * conditions' hot path: an instance and its __init__ doubled a small call's cost).
 */
export function dumpsPlain(o: Py, skipKeys: Py, ensureAscii: Py, checkCircular: Py, allowNan: Py, indent: Py, separators: Py, dflt: Py, sortKeys: Py): string {
  const s = textOf(o);
  if (s !== undefined) return encodeStr(s, ensureAscii);
  let itemSep: Py = indent !== null ? ',' : ', ';
  let keySep: Py = ': ';
  if (separators !== null) [itemSep, keySep] = unpack(separators, 2);
  return encodeWith(o, { checkCircular, ensureAscii, allowNan, indent, dflt, keySep, itemSep, sortKeys, skipKeys });
}

/** JSONEncoder.encode of a str: encode_basestring(_ascii), with no other option read. */
const encodeStr = (s: string, ensureAscii: Py): string =>
  dumps(s, { itemSep: ', ', keySep: ': ', ensureAscii: truthy(ensureAscii), sortKeys: false, indent: null, fallback: null, charged: true });

/** The class's own default(o): CPython's TypeError. */
const notSerializable = (o: Py): never => {
  // o.__class__.__name__: 'datetime' for a datetime.datetime
  const name = typeName(o);
  throw typeErr(`Object of type ${name.slice(name.lastIndexOf('.') + 1)} is not JSON serializable`);
};

function encodeWith(o: Py, options: EncoderOptions): string {
  const { indent, dflt } = options;
  const checkCircular = truthy(options.checkCircular);
  const ensureAscii = truthy(options.ensureAscii);
  const allowNan = truthy(options.allowNan);
  const keySep = separatorOf(options.keySep, 5, indent !== null);
  const itemSep = separatorOf(options.itemSep, 6, indent !== null);
  const sortKeys = truthy(options.sortKeys);
  const skipKeys = truthy(options.skipKeys);
  let indentText: string | null = null;
  if (indent !== null) {
    const given = textOf(indent);
    // ' ' * indent
    const width = given?.length ?? Math.max(0, indexSized(toInt(indent)));
    // each line repeats the indent once per level: at least one must fit
    allocStr(width);
    indentText = given ?? ' '.repeat(width);
  }
  return dumps(o, {
    itemSep,
    keySep,
    ensureAscii,
    sortKeys,
    indent: indentText,
    fallback: dflt === null ? notSerializable : (v) => callValue(dflt, [v], null),
    charged: true,
    finiteOnly: !allowNan,
    checkCircular,
    skipKeys,
  });
}

const ITERENCODE = (): Py => JSON_ENCODER.attrs.get('iterencode');

encoderMethod('encode', ['o'], {}, (self, o) => encodeOf(self, o));

/**
 * JSONEncoder.encode(self, o)'s body: json.dumps runs it without a frame of its own for the
 * class's own encoder, as CPython's depth limits were measured from json.dumps.
 */
export function encodeOf(self: Py, o: Py): string {
  const s = textOf(o);
  if (s !== undefined) return encodeStr(s, getattr(self, 'ensure_ascii'));
  // self.iterencode(o, _one_shot=True): the class's own, unless the condition's subclass or instance has another
  const cls = classOfInstance(self);
  const own = cls !== null && cls.lookup('iterencode') === ITERENCODE() && cls.lookup('__getattribute__') === undefined && !(self instanceof PyInstance && self.dict.has('iterencode'));
  if (own) return encodeText(self, o);
  let chunks = callMethodKw(self, 'iterencode', [o], new Map([['_one_shot', true]]));
  if (!Array.isArray(chunks) && !(chunks instanceof PyTuple)) chunks = callValue(builtin('list'), [chunks], null);
  return callMethod('', 'join', chunks) as string;
}

encoderMethod('iterencode', ['o', '_one_shot'], { _one_shot: false }, (self, o, oneShot) => {
  // the C encoder's answer, one chunk; Python's generator (without _one_shot, or with an indent) yields pieces the evaluator does not cut
  if (!truthy(oneShot) || getattr(self, 'indent') !== null) throw refuse('JSONEncoder.iterencode() in pieces (use encode())');
  return [encodeText(self, o)];
});
