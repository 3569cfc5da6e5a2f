import { indexValue } from './args.js';
import { bufferOf } from './bytes-like.js';
import { cpAt, cpChars, cpLen } from './codepoints.js';
import {
  AttributeError, BlockingIOError, ImportError, NameError, setWithFields, StopIteration, BaseExceptionGroup, SyntaxError_, SystemExit, BrokenPipeError, ChildProcessError, ConnectionAbortedError, ConnectionRefusedError, ConnectionResetError,
  EXCEPTION_TYPES, FileExistsError, FileNotFoundError, InterruptedError, IsADirectoryError, NotADirectoryError, OSError, OverflowError,
  PermissionError, ProcessLookupError, pyErr, setFielded, TimeoutError, typeErr, UnicodeDecodeError, UnicodeEncodeError, UnicodeTranslateError, ValueError,
} from './exceptions.js';
import type { Int } from './int/index.js';
import { freshBytes, PyComplex, PyFloat } from './scalars.js';
import { argTypeName, PyBytes, PyException, PyIntBox, PyStrBox, PyTuple, tupleOf, typeName, type Py, type PyType } from './values.js';
import type { ItemRepr } from './types/protocol.js';

/**
 * The fields CPython keeps in the structs of OSError and the codec errors (PyOSErrorObject,
 * PyUnicodeErrorObject), apart from args: read and set as attributes, and what their __str__
 * words. A name absent is NULL: an object field reads None, a Py_ssize_t one 0. They are kept on
 * the exception (`e.fields`): a WeakMap of tens of thousands of nested groups was an ephemeron
 * chain the collector walked for tens of milliseconds.
 */

type Kind = 'os' | 'encode' | 'decode' | 'translate' | 'group' | Simple;
/** The types whose fields are objects their __init__ sets from args and keywords, and whose setters take anything. */
type Simple = 'stop' | 'exit' | 'name' | 'attribute' | 'import' | 'syntax';

/** Each type's kind, found once: a class's bases never change, and a class thousands deep is walked once, not at every attribute. */
const KINDS = new WeakMap<PyType, Kind | null>();

function kindOf(t: PyType): Kind | null {
  if (!t.isException) return null;
  let kind = KINDS.get(t);
  if (kind === undefined) KINDS.set(t, (kind = findKind(t)));
  return kind;
}

function findKind(t: PyType): Kind | null {
  if (t.isSubclassOf(OSError)) return 'os';
  if (t.isSubclassOf(BaseExceptionGroup)) return 'group';
  if (t.isSubclassOf(UnicodeEncodeError)) return 'encode';
  if (t.isSubclassOf(UnicodeDecodeError)) return 'decode';
  if (t.isSubclassOf(UnicodeTranslateError)) return 'translate';
  if (t.isSubclassOf(StopIteration)) return 'stop';
  if (t.isSubclassOf(SystemExit)) return 'exit';
  if (t.isSubclassOf(NameError)) return 'name';
  if (t.isSubclassOf(AttributeError)) return 'attribute';
  if (t.isSubclassOf(ImportError)) return 'import';
  return t.isSubclassOf(SyntaxError_) ? 'syntax' : null;
}

/** Each simple kind's fields, and the keywords its __init__ takes ("|$OO:ImportError"). */
const SIMPLE: Record<Simple, { fields: readonly string[]; keywords: readonly string[]; owner: string }> = {
  stop: { fields: ['value'], keywords: [], owner: 'StopIteration' },
  exit: { fields: ['code'], keywords: [], owner: 'SystemExit' },
  name: { fields: ['name'], keywords: ['name'], owner: 'NameError' },
  attribute: { fields: ['name', 'obj'], keywords: ['name', 'obj'], owner: 'AttributeError' },
  import: { fields: ['msg', 'name', 'path'], keywords: ['name', 'path'], owner: 'ImportError' },
  syntax: { fields: ['msg', 'filename', 'lineno', 'offset', 'text', 'end_lineno', 'end_offset', 'print_file_and_line'], keywords: [], owner: 'SyntaxError' },
};

const isSimple = (kind: Kind): kind is Simple => kind in SIMPLE;

/**
 * What an instance the runtime raised itself (no __init__ ran) holds: StopIteration's value
 * and SystemExit's code as their __init__ would have read them from args, the rest NULL.
 */
function derived(e: PyException, kind: Simple): Py {
  const args = e.args;
  if (kind === 'stop') return args[0] ?? null;
  if (kind === 'exit') return args.length === 0 ? null : args.length === 1 ? args[0] : tupleOf(args.slice());
  return null;
}

const OS_OBJECTS = ['errno', 'strerror', 'filename', 'filename2'];
const GROUP = ['message', 'exceptions'];
const CODEC_OBJECTS = ['encoding', 'object', 'reason'];
/** BlockingIOError's count, a field of every OSError: absent reads as CPython's -1, an AttributeError */
const WRITTEN = 'characters_written';

function fieldsOf(e: PyException): Map<string, Py> {
  let f = e.fields;
  if (f === null) {
    e.fields = f = new Map();
    // one the runtime raised: what it held until now
    const kind = kindOf(e.type);
    if (kind !== null && isSimple(kind)) for (const name of SIMPLE[kind].fields) {
      const v = derived(e, kind);
      if (v !== null) f.set(name, v);
    }
  }
  return f;
}

/** Whether t's instances have these fields, made by fieldsNew (an exception group's are made by its __new__). */
export const hasFields = (t: PyType): boolean => kindOf(t) !== null && kindOf(t) !== 'group';

/** `e.name` of one of these fields, or undefined for any other name. */
export function fieldGet(e: PyException, name: string): Py | undefined {
  const kind = kindOf(e.type);
  if (kind === null) return undefined;
  const f = e.fields ?? undefined;
  if (isSimple(kind)) {
    if (!SIMPLE[kind].fields.includes(name)) return undefined;
    return f === undefined ? derived(e, kind) : (f.get(name) ?? null);
  }
  if (kind === 'group') return GROUP.includes(name) ? (f?.get(name) ?? null) : undefined;
  if (kind === 'os') {
    if (name === WRITTEN) {
      const n = f?.get(WRITTEN);
      if (n === undefined) throw pyErr(AttributeError, WRITTEN);
      return n;
    }
    return OS_OBJECTS.includes(name) ? (f?.get(name) ?? null) : undefined;
  }
  if (name === 'start' || name === 'end') return f?.get(name) ?? 0;
  return CODEC_OBJECTS.includes(name) ? (f?.get(name) ?? null) : undefined;
}

/** `e.name = v`, or `del e.name` (v undefined), of one of these fields: false for any other name. */
export function fieldSet(e: PyException, name: string, v: Py | undefined): boolean {
  const kind = kindOf(e.type);
  if (kind === null) return false;
  if (isSimple(kind) && !SIMPLE[kind].fields.includes(name)) return false;
  // READONLY members
  if (kind === 'group') {
    if (!GROUP.includes(name)) return false;
    throw pyErr(AttributeError, 'readonly attribute');
  }
  const f = fieldsOf(e);
  if (isSimple(kind)) {
    if (v === undefined) f.delete(name);
    else f.set(name, v);
  } else if (kind === 'os' && name === WRITTEN) {
    // OSError_written_set: __index__, and -1 is "not set"
    if (v === undefined && !f.has(WRITTEN)) throw pyErr(AttributeError, WRITTEN);
    const n = v === undefined ? -1 : asSsize(v, ValueError, "cannot fit 'int' into an index-sized integer");
    if (n === -1) f.delete(WRITTEN);
    else f.set(WRITTEN, n);
  } else if (kind !== 'os' && (name === 'start' || name === 'end')) {
    // a T_PYSSIZET member: an int only, no __index__, and never deleted
    if (v === undefined) throw typeErr("can't delete numeric/char attribute");
    if (typeof v !== 'number' && typeof v !== 'bigint' && typeof v !== 'boolean' && !(v instanceof PyIntBox)) throw typeErr('an integer is required');
    f.set(name, ssize(indexValue(v)!, OverflowError, 'Python int too large to convert to C ssize_t'));
  } else if ((kind === 'os' ? OS_OBJECTS : CODEC_OBJECTS).includes(name)) {
    if (v === undefined) f.delete(name);
    else f.set(name, v);
  } else return false;
  // str(e) is worded from the fields anew
  e.text = undefined;
  return true;
}

const SSIZE = 2n ** 63n;

function ssize(n: Int, error: PyType, message: string): Int {
  if (typeof n === 'bigint' && (n >= SSIZE || n < -SSIZE)) throw pyErr(error, message);
  return n;
}

/** PyNumber_AsSsize_t(v, error): __index__, and `error` past a Py_ssize_t. */
function asSsize(v: Py, error: PyType, message: string): Int {
  const n = indexValue(v);
  if (n === undefined) throw typeErr(`'${typeName(v)}' object cannot be interpreted as an integer`);
  return ssize(n, error, message);
}

/** PyArg_ParseTuple's "U": a str (or a str subclass's instance), else "argument 1 must be str, not int" (converterr's "not None"). */
function strArg(v: Py, at: number): Py {
  if (typeof v !== 'string' && !(v instanceof PyStrBox)) throw typeErr(`argument ${at} must be str, not ${argTypeName(v)}`);
  return v;
}

/**
 * UnicodeEncodeError_init and its two siblings: BaseException's args, then the fields parsed
 * as "UUnnU" ("UOnnU" with the object any buffer, copied to bytes; "UnnU" with no encoding).
 */
function unicodeInit(e: PyException, kind: Kind, args: Py[]): void {
  e.args = args;
  e.text = undefined;
  const f = fieldsOf(e);
  for (const name of CODEC_OBJECTS) f.delete(name);
  const n = kind === 'translate' ? 4 : 5;
  if (args.length !== n) throw typeErr(`function takes exactly ${n} arguments (${args.length} given)`);
  const [encoding, object, start, end, reason] = kind === 'translate' ? [null, ...args] : args;
  let at = 1;
  if (kind !== 'translate') strArg(encoding, at++);
  if (kind !== 'decode') strArg(object, at);
  at++;
  f.set('start', asSsize(start, OverflowError, 'Python int too large to convert to C ssize_t'));
  f.set('end', asSsize(end, OverflowError, 'Python int too large to convert to C ssize_t'));
  strArg(reason, at + 2);
  let kept = object;
  if (kind === 'decode' && (!(object instanceof PyBytes) || object.isByteArray())) {
    const data = bufferOf(object);
    if (data === null) throw typeErr(`a bytes-like object is required, not '${typeName(object)}'`);
    kept = freshBytes(data.slice());
  }
  if (kind !== 'translate') f.set('encoding', encoding);
  f.set('object', kept);
  f.set('reason', reason);
}

/** A codec's own error: its fields (encoding, object, start, end, reason) as the codec found them, whatever its args. */
export function setCodecFields(e: PyException, fields: Py[]): void {
  const f = fieldsOf(e);
  CODEC_ORDER.forEach((name, i) => f.set(name, fields[i]));
}
const CODEC_ORDER = ['encoding', 'object', 'start', 'end', 'reason'];

/** PySequence_Tuple of SyntaxError's second argument: a tuple, list or str here; anything else is not iterable. */
function infoItems(v: Py): Py[] {
  const items = v instanceof PyTuple ? v.items : Array.isArray(v) ? v : null;
  // a long one is refused by its length alone, before it is copied
  const n = typeof v === 'string' ? cpLen(v) : items?.length;
  if (n === undefined) throw typeErr(`'${typeName(v)}' object is not iterable`);
  if (n > 6) throw typeErr(`function takes at most 6 arguments (${n} given)`);
  return typeof v === 'string' ? cpChars(v) : items!.slice();
}

/**
 * StopIteration_init, SystemExit_init, NameError_init, AttributeError_init, ImportError_init
 * and SyntaxError_init: BaseException's args, then their fields from args and keywords.
 */
function simpleInit(e: PyException, kind: Simple, args: Py[], kw: Map<string, Py> | null): void {
  const { keywords, owner } = SIMPLE[kind];
  if (kw !== null && kw.size > 0) {
    // BaseException_init refuses them; the others' PyArg_ParseTupleAndKeywords("|$OO:ImportError") counts, then names them
    if (keywords.length === 0) throw typeErr(`${typeName(e)}() takes no keyword arguments`);
    e.args = args;
    if (kw.size > keywords.length) throw typeErr(`${owner}() takes at most ${keywords.length} keyword argument${keywords.length === 1 ? '' : 's'} (${kw.size} given)`);
    for (const k of kw.keys()) if (!keywords.includes(k)) throw typeErr(`'${k}' is an invalid keyword argument for ${owner}()`);
  }
  e.args = args;
  e.text = undefined;
  const f = fieldsOf(e);
  const put = (name: string, v: Py | undefined) => (v === undefined ? f.delete(name) : f.set(name, v));
  for (const k of keywords) put(k, kw?.get(k));
  if (kind === 'stop' || kind === 'exit') put(SIMPLE[kind].fields[0], derived(e, kind));
  else if (kind === 'import') put('msg', args.length === 1 ? args[0] : undefined);
  else if (kind === 'syntax') {
    if (args.length >= 1) put('msg', args[0]);
    if (args.length !== 2) return;
    const info = infoItems(args[1]);
    if (info.length < 4) throw typeErr(`function takes at least 4 arguments (${info.length} given)`);
    ['filename', 'lineno', 'offset', 'text', 'end_lineno', 'end_offset'].forEach((name, i) => put(name, info[i]));
    if (info.length === 5) throw typeErr('end_offset must be provided when end_lineno is provided');
  }
}

/** SyntaxError_str: the message, with the file's base name and the line where they are a str and an exact int. */
function syntaxStr(f: Map<string, Py>, str: ItemRepr): string {
  const file = f.get('filename');
  const filename = typeof file === 'string' ? file.slice(file.lastIndexOf('/') + 1) : file instanceof PyStrBox ? file.value.slice(file.value.lastIndexOf('/') + 1) : undefined;
  const lineno = f.get('lineno');
  // PyLong_AsLongAndOverflow: past a C long, -1
  const line = typeof lineno === 'number' ? String(lineno) : typeof lineno === 'bigint' ? (lineno >= -(2n ** 63n) && lineno < 2n ** 63n ? String(lineno) : '-1') : undefined;
  const msg = str(f.get('msg') ?? null);
  if (filename === undefined && line === undefined) return msg;
  return `${msg} (${filename === undefined ? '' : filename}${filename !== undefined && line !== undefined ? ', ' : ''}${line === undefined ? '' : `line ${line}`})`;
}

/** The subclass OSError(errno, strerror) makes itself into, by Linux's errno (PyErr_SetFromErrno's table). */
const BY_ERRNO = new Map<number, PyType>([
  [11, BlockingIOError], [114, BlockingIOError], [115, BlockingIOError], [10, ChildProcessError], [32, BrokenPipeError], [108, BrokenPipeError],
  [103, ConnectionAbortedError], [111, ConnectionRefusedError], [104, ConnectionResetError], [17, FileExistsError], [2, FileNotFoundError],
  [21, IsADirectoryError], [20, NotADirectoryError], [4, InterruptedError], [13, PermissionError], [1, PermissionError], [3, ProcessLookupError],
  [110, TimeoutError],
]);

/** PyNumber_Check: what BlockingIOError takes as its count of characters written. */
const isNumber = (v: Py): boolean =>
  typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' || v instanceof PyIntBox || v instanceof PyFloat || v instanceof PyComplex;

/**
 * oserror_parse_args and oserror_init: with 2 to 5 arguments they are errno, strerror,
 * filename, winerror (unused off Windows) and filename2; given a filename, args keeps the first
 * two. BlockingIOError's third, a number, is the count of characters written instead.
 */
function osInit(e: PyException, args: Py[]): void {
  const f = fieldsOf(e);
  e.text = undefined;
  const parsed = args.length >= 2 && args.length <= 5;
  const [errno, strerror, filename, , filename2] = parsed ? args : [];
  let kept = args;
  if (filename !== undefined && filename !== null) {
    if (e.type === BlockingIOError && isNumber(filename)) {
      const n = asSsize(filename, ValueError, "cannot fit 'int' into an index-sized integer");
      if (n === -1) f.delete(WRITTEN);
      else f.set(WRITTEN, n);
    } else {
      f.set('filename', filename);
      if (filename2 !== undefined && filename2 !== null) f.set('filename2', filename2);
      kept = args.slice(0, 2);
    }
  }
  for (const [name, v] of [['errno', errno], ['strerror', strerror]] as const) {
    if (v === undefined) f.delete(name);
    else f.set(name, v);
  }
  e.args = kept;
}

/** OSError(...) or a subclass called: OSError_new, whose errno may name the subclass OSError makes. */
function osNew(type: PyType, args: Py[]): PyException {
  if (type === OSError && args.length >= 2 && args.length <= 5) {
    const errno = indexOfInt(args[0]);
    if (errno !== undefined) type = BY_ERRNO.get(errno) ?? OSError;
  }
  const e = new PyException(type, args);
  osInit(e, args);
  return e;
}

/** An int's value (PyLong_Check: bools and an int subclass's instances too) as a key of BY_ERRNO, else undefined. */
const indexOfInt = (v: Py): number | undefined =>
  typeof v === 'number' ? v : typeof v === 'boolean' ? +v : v instanceof PyIntBox && typeof v.value === 'number' ? v.value : undefined;

setFielded((type, args, kw) => {
  const kind = kindOf(type)!;
  if (kind === 'os') return osNew(type, args);
  const e = new PyException(type, args);
  if (isSimple(kind)) simpleInit(e, kind, args, kw);
  else unicodeInit(e, kind, args);
  return e;
});

/** The AttributeError of a missing attribute, and the NameError of a missing name: their name (and obj) set, as CPython's lookups set them. */
setWithFields((e, fields) => {
  const f = fieldsOf(e);
  for (const [name, v] of fields) f.set(name, v);
  return e;
});

/** A condition's subclass's instance made by its builtin base (an exception group's): the base's fields are its own. */
export function copyFields(from: PyException, to: PyException): void {
  if (from.fields !== null) to.fields = new Map(from.fields);
}

/**
 * An instance of a condition's subclass, made with its arguments as args (BaseException_new):
 * OSError_new parses them unless the class has its own __init__ (then args is empty until
 * OSError.__init__ is called); a codec error's base __init__ runs if the class has none.
 */
export function fieldsNew(e: PyException, ownInit: boolean, kw: Map<string, Py> | null): void {
  const kind = kindOf(e.type);
  if (kind !== null && !isSimple(kind) && !ownInit && kw !== null && kw.size > 0) throw typeErr(`${typeName(e)}() takes no keyword arguments`);
  if (kind === 'os') {
    if (ownInit) e.args = [];
    else osInit(e, e.args);
  } else if (kind !== null && !ownInit) {
    if (isSimple(kind)) simpleInit(e, kind, e.args, kw);
    else unicodeInit(e, kind, e.args);
  } else if (kind !== null) e.fields = new Map();
}

/**
 * `t.__init__(e, *args)` of a builtin exception type t (super().__init__ included): BaseException's
 * keeps args; OSError's parses them only for a class with its own __init__ (OSError_new did
 * otherwise); a codec error's parses them.
 */
export function fieldsInit(t: PyType, e: PyException, args: Py[], kw: Map<string, Py> | null, ownInit: boolean): void {
  const kind = kindOf(t);
  if (kind !== null && isSimple(kind)) return simpleInit(e, kind, args, kw);
  // BaseException_init names the instance's type
  if (kw !== null && kw.size > 0) throw typeErr(`${typeName(e)}() takes no keyword arguments`);
  if (kind === 'os') {
    if (ownInit) osInit(e, args);
  } else if (kind !== null && kind !== 'group') unicodeInit(e, kind, args);
  else e.args = args;
}

/** "\xe9", "\u0100", "\U0001f600": a code point as the codec errors' __str__ shows it. */
function charEscape(cp: number): string {
  const [prefix, width] = cp <= 0xff ? ['x', 2] : cp <= 0xffff ? ['u', 4] : ['U', 8];
  return `\\${prefix}${cp.toString(16).padStart(width, '0')}`;
}

const SYSTEM_ERROR = EXCEPTION_TYPES.get('SystemError')!;

/**
 * OSError_str and the codec errors' __str__, from the fields as they are now; undefined where
 * BaseException's str of args serves (an OSError with neither a filename nor errno and strerror).
 */
export function fieldStr(e: PyException, repr: ItemRepr, str: ItemRepr): string | undefined {
  const kind = kindOf(e.type);
  if (kind === null) return undefined;
  const f = e.fields ?? new Map<string, Py>();
  if (kind === 'import') {
    const msg = f.get('msg');
    return typeof msg === 'string' ? msg : undefined;
  }
  if (kind === 'syntax') return e.fields !== null ? syntaxStr(f, str) : undefined;
  if (isSimple(kind) || kind === 'group') return undefined;
  if (kind === 'os') {
    const filename = f.get('filename');
    const errno = f.get('errno');
    const strerror = f.get('strerror');
    if (filename !== undefined) {
      const filename2 = f.get('filename2');
      return `[Errno ${str(errno ?? null)}] ${str(strerror ?? null)}: ${repr(filename)}` + (filename2 === undefined ? '' : ` -> ${repr(filename2)}`);
    }
    return errno !== undefined && strerror !== undefined ? `[Errno ${str(errno)}] ${str(strerror)}` : undefined;
  }
  const object = f.get('object');
  // not initialised (a subclass whose __init__ did not call its base's)
  if (object === undefined) return '';
  // PyObject_Str(NULL) is "<NULL>"
  const reason = f.has('reason') ? str(f.get('reason')!) : '<NULL>';
  const encoding = kind === 'translate' ? '' : f.has('encoding') ? str(f.get('encoding')!) : '<NULL>';
  const start = BigInt(f.get('start') as Int ?? 0);
  const end = BigInt(f.get('end') as Int ?? 0);
  const text = object instanceof PyStrBox ? object.value : object;
  // CPython reads an object of another type (set after the error was made) as raw memory; taken here to be empty
  const length = BigInt(kind === 'decode' ? (object instanceof PyBytes ? object.data.length : 0) : typeof text === 'string' ? cpLen(text) : 0);
  const head = kind === 'translate' ? "can't translate" : `'${encoding}' codec can't ${kind}`;
  if (start < length && end === start + 1n) {
    // a negative start reads before the object: PyUnicode_ReadChar's IndexError, left set under a result
    if (start < 0n) throw pyErr(SYSTEM_ERROR, "<class 'str'> returned a result with an exception set");
    const at = Number(start);
    if (kind === 'decode') return `${head} byte 0x${(object as PyBytes).data[at].toString(16).padStart(2, '0')} in position ${start}: ${reason}`;
    return `${head} character '${charEscape(cpAt(text as string, at).codePointAt(0)!)}' in position ${start}: ${reason}`;
  }
  return `${head} ${kind === 'decode' ? 'bytes' : 'characters'} in position ${start}-${end - 1n}: ${reason}`;
}
