/**
 * urllib.parse's result types: DefragResult, SplitResult and ParseResult, with their bytes
 * counterparts, namedtuples whose classes add _NetlocResultMixin's properties (username,
 * password, hostname, port), geturl, and encode (or decode for the bytes ones). The types
 * belong to the module, shared by every condition: their attributes are read-only here.
 */
import { allocItems, work } from '../../budget.js';
import { fatalErr, typeErr, UnsupportedError, valueErr } from '../../exceptions.js';
import { add, toList, truthy } from '../../ops.js';
import { repr } from '../../repr.js';
import { TUPLE as TUPLE_TYPE } from '../../builtins.js';
import { makeClass, OBJECT_CLASS } from '../../classes.js';
import type { PyClass } from '../../class-values.js';
import { sharedObjectRefusal } from '../../shared-objects.js';
import { Signature } from '../../signature.js';
import type { Method, PyTypeSlots } from '../../types/protocol.js';
import { registerType, slotsOfClass } from '../../types/table.js';
import { latin1, PyBytes, PyFunc, tupleOf, type Py, type PyType } from '../../values.js';
import { callMethod } from '../calendar/py.js';
import { NamedTupleType, PyNamedTuple } from '../collections/namedtuple.js';
import { bytesOf } from './text.js';

export type ResultKind = 'DefragResult' | 'SplitResult' | 'ParseResult';

/** A result type: a namedtuple's whose instances are PyUrlResults, which no condition may change. */
export class UrlResultType extends NamedTupleType {
  counterpart!: UrlResultType;
  /** Its method resolution order after itself, before object: its namedtuple base, tuple, and the mixins (set by pair()). */
  basesOrder: readonly PyType[] = [];
  /** `__module__` (introspection.ts). */
  readonly moduleName = 'urllib.parse';
  constructor(readonly result: ResultKind, readonly bytes: boolean, fields: string[]) {
    super(bytes ? `${result}Bytes` : result, fields);
    // the namedtuple's __new__, shared by the str and bytes classes, is named for it
    this.sig = new Signature(`${result}.__new__`, [{ name: '_cls', star: '' }, ...fields.map((name) => ({ name, star: '' as const }))], 'python');
    this.defaults = [undefined, ...fields.map(() => undefined)];
    this.attrs.set('_fields', tupleOf(fields));
    this.attrs.set('__match_args__', tupleOf(fields));
    this.attrs.set('_make', new PyFunc('_make', (args, kw) => {
      if (kw !== null && kw.size > 0) throw typeErr(`${this.name}._make() got an unexpected keyword argument '${[...kw.keys()][0]}'`);
      if (args.length !== 1) throw typeErr(`${this.name}._make() takes 2 positional arguments but ${args.length + 1} were given`);
      const items = toList(args[0]);
      if (items.length !== fields.length) throw typeErr(`Expected ${fields.length} arguments, got ${items.length}`);
      return this.from(items);
    }, 'method'));
  }
  override make(a: Py[], kw: Map<string, Py> | null): PyNamedTuple {
    return new PyUrlResult(this, super.make(a, kw).items);
  }
  from(items: Py[]): PyUrlResult {
    return new PyUrlResult(this, items);
  }
  override store(name: string): boolean {
    throw sharedObjectRefusal(this, name) ?? fatalErr(UnsupportedError, `cannot set 'urllib.parse.${this.name}.${name}': the modules' classes and functions are read-only in the evaluator (they are shared by every condition)`);
  }
  override get shared(): boolean {
    return true;
  }
  override isSubclassOf(other: PyType): boolean {
    return this === other || this.basesOrder.includes(other);
  }
}

export class PyUrlResult extends PyNamedTuple {
  declare readonly cls: UrlResultType;
}

const field = (v: PyUrlResult, name: string): Py => v.items[v.cls.fields.indexOf(name)];

/** The netloc as text (latin-1 for bytes, which are ASCII here), and a way back to the field's type. */
function netlocText(v: PyUrlResult): [string, (s: string) => Py] {
  const netloc = field(v, 'netloc');
  if (netloc instanceof PyBytes) return [latin1(netloc.data), bytesOf];
  if (typeof netloc !== 'string') throw typeErr(`a netloc of ${repr(netloc)} is not text`);
  work(netloc.length);
  return [netloc, (s) => s];
}

const rpartition = (s: string, sep: string): [string, boolean, string] => {
  const i = s.lastIndexOf(sep);
  return i < 0 ? ['', false, s] : [s.slice(0, i), true, s.slice(i + sep.length)];
};
const partition = (s: string, sep: string): [string, boolean, string] => {
  const i = s.indexOf(sep);
  return i < 0 ? [s, false, ''] : [s.slice(0, i), true, s.slice(i + sep.length)];
};

/** _userinfo: the username and password before the netloc's last '@'. */
function userinfo(v: PyUrlResult): [Py, Py] {
  const [netloc, back] = netlocText(v);
  const [info, have] = rpartition(netloc, '@');
  if (!have) return [null, null];
  const [user, havePassword, password] = partition(info, ':');
  return [back(user), havePassword ? back(password) : null];
}

/** _hostinfo: the host (inside brackets for IPv6) and the port text after it, or null. */
function hostinfo(v: PyUrlResult): [string, string | null, (s: string) => Py] {
  const [netloc, back] = netlocText(v);
  const host = rpartition(netloc, '@')[2];
  const [, bracket, bracketed] = partition(host, '[');
  let hostname: string;
  let port: string;
  if (bracket) {
    let rest: string;
    [hostname, , rest] = partition(bracketed, ']');
    port = partition(rest, ':')[2];
  } else [hostname, , port] = partition(host, ':');
  return [hostname, port === '' ? null : port, back];
}

function hostname(v: PyUrlResult): Py {
  const [host, , back] = hostinfo(v);
  if (host === '') return null;
  const [name, percent, zone] = partition(host, '%');
  // str.lower, or bytes.lower (ASCII only: the bytes' text is ASCII)
  return back(name.toLowerCase() + (percent ? '%' : '') + zone);
}

function port(v: PyUrlResult): Py {
  const [, text, back] = hostinfo(v);
  if (text === null) return null;
  // port.isdigit() and port.isascii()
  if (!/^[0-9]+$/.test(text)) throw valueErr(`Port could not be cast to integer value as ${repr(back(text))}`);
  const n = text.length > 10 ? Infinity : Number(text);
  if (!(n <= 65535)) throw valueErr('Port out of range 0-65535');
  return n;
}

const PROPERTIES: Record<string, (v: PyUrlResult) => Py> = {
  username: (v) => userinfo(v)[0],
  password: (v) => userinfo(v)[1],
  hostname,
  port,
};

/** geturl(), as each class writes it; urlunsplit and urlunparse are the module's, given when it is made. */
export const unsplitters: { urlunsplit?: (c: Py) => Py; urlunparse?: (c: Py) => Py } = {};

function geturl(v: PyUrlResult): Py {
  if (v.cls.result === 'SplitResult') return unsplitters.urlunsplit!(v);
  if (v.cls.result === 'ParseResult') return unsplitters.urlunparse!(v);
  const [url, fragment] = v.items;
  return truthy(fragment) ? add(add(url, v.cls.bytes ? bytesOf('#') : '#'), fragment) : url;
}

const NAMEDTUPLE_SLOTS = slotsOfClass(PyNamedTuple) as PyTypeSlots<PyNamedTuple>;
const TYPE_SLOTS = slotsOfClass(NamedTupleType) as PyTypeSlots<NamedTupleType>;

/** encode(encoding='ascii', errors='strict') of the str ones, decode of the bytes ones: each field's, in the counterpart type. */
function transcode(method: 'encode' | 'decode'): Method {
  const sig = ['encoding', 'errors'];
  return (v: PyUrlResult, args, kw) => {
    if (args.length > 2) throw typeErr(`_ResultMixin${method === 'encode' ? 'Str' : 'Bytes'}.${method}() takes from 1 to 3 positional arguments but ${args.length + 1} were given`);
    const given = [...args];
    for (const [k, x] of kw ?? []) {
      const i = sig.indexOf(k);
      if (i < 0) throw typeErr(`_ResultMixin${method === 'encode' ? 'Str' : 'Bytes'}.${method}() got an unexpected keyword argument '${k}'`);
      if (i < given.length) throw typeErr(`_ResultMixin${method === 'encode' ? 'Str' : 'Bytes'}.${method}() got multiple values for argument '${k}'`);
      given[i] = x;
    }
    const encoding = given[0] ?? 'ascii';
    const errors = given[1] ?? 'strict';
    allocItems(v.items.length);
    return v.cls.counterpart.from(v.items.map((x) => callMethod(x, method, encoding, errors)));
  };
}

const ownMethods = (bytes: boolean): Map<string, Method> => {
  const methods = new Map<string, Method>(NAMEDTUPLE_SLOTS.methods ?? []);
  methods.set('geturl', (v: PyUrlResult, args, kw) => {
    if (args.length > 0 || (kw !== null && kw.size > 0)) {
      if (kw !== null && kw.size > 0) throw typeErr(`${v.cls.name}.geturl() got an unexpected keyword argument '${[...kw.keys()][0]}'`);
      throw typeErr(`${v.cls.name}.geturl() takes 1 positional argument but ${args.length + 1} were given`);
    }
    return geturl(v);
  });
  methods.set(bytes ? 'decode' : 'encode', transcode(bytes ? 'decode' : 'encode'));
  const replace = NAMEDTUPLE_SLOTS.methods?.get('_replace');
  if (replace !== undefined) methods.set('_replace', (v: PyUrlResult, args, kw) => v.cls.from((replace(v, args, kw) as PyNamedTuple).items));
  return methods;
};
const STR_METHODS = ownMethods(false);
const BYTES_METHODS = ownMethods(true);

registerType(PyUrlResult, {
  ...NAMEDTUPLE_SLOTS,
  getattr(v: PyUrlResult, name: string) {
    if (v.cls.result !== 'DefragResult' && Object.hasOwn(PROPERTIES, name)) return PROPERTIES[name](v);
    return NAMEDTUPLE_SLOTS.getattr!(v, name);
  },
  methods: undefined,
  methodsOf: (v: PyUrlResult) => (v.cls.bytes ? BYTES_METHODS : STR_METHODS),
} as PyTypeSlots<PyUrlResult>);

registerType(UrlResultType, {
  ...TYPE_SLOTS,
  repr: (v: UrlResultType) => `<class 'urllib.parse.${v.name}'>`,
} as PyTypeSlots<UrlResultType>);

/** The classes CPython's result types mix in: empty here, for the order of their bases. */
const mixin = (name: string, bases: PyClass[] = [OBJECT_CLASS]): PyClass => {
  const cls = makeClass(name, name, bases);
  cls.module = 'urllib.parse';
  return cls;
};
const RESULT_MIXIN_STR = mixin('_ResultMixinStr');
const RESULT_MIXIN_BYTES = mixin('_ResultMixinBytes');
const NETLOC_MIXIN_BASE = mixin('_NetlocResultMixinBase');
const NETLOC_MIXIN_STR = mixin('_NetlocResultMixinStr', [NETLOC_MIXIN_BASE, RESULT_MIXIN_STR]);
const NETLOC_MIXIN_BYTES = mixin('_NetlocResultMixinBytes', [NETLOC_MIXIN_BASE, RESULT_MIXIN_BYTES]);

function pair(kind: ResultKind, fields: string): [UrlResultType, UrlResultType] {
  const names = fields.split(' ');
  const str = new UrlResultType(kind, false, names);
  const bytes = new UrlResultType(kind, true, names);
  str.counterpart = bytes;
  bytes.counterpart = str;
  // class SplitResult(_SplitResultBase, _NetlocResultMixinStr), _SplitResultBase a namedtuple named 'SplitResult'
  const base = new NamedTupleType(kind, names);
  const netloc = kind !== 'DefragResult';
  str.basesOrder = [base, TUPLE_TYPE, ...(netloc ? [NETLOC_MIXIN_STR, NETLOC_MIXIN_BASE] : []), RESULT_MIXIN_STR];
  bytes.basesOrder = [base, TUPLE_TYPE, ...(netloc ? [NETLOC_MIXIN_BYTES, NETLOC_MIXIN_BASE] : []), RESULT_MIXIN_BYTES];
  return [str, bytes];
}

export const [DEFRAG_RESULT, DEFRAG_RESULT_BYTES] = pair('DefragResult', 'url fragment');
export const [SPLIT_RESULT, SPLIT_RESULT_BYTES] = pair('SplitResult', 'scheme netloc path query fragment');
export const [PARSE_RESULT, PARSE_RESULT_BYTES] = pair('ParseResult', 'scheme netloc path params query fragment');
