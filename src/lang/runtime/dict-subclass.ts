import { callValue } from './call.js';
import { instanceAttr, type PyClass } from './class-values.js';
import { bindAttr } from './descriptors.js';
import { typeErr } from './exceptions.js';
import { DICT_METHODS, updateDict } from './methods-dict.js';
import { DICT } from './types/dict.js';
import type { PyTypeSlots } from './types/protocol.js';
import { registerType } from './types/table.js';
import { PyDict, PyFunc, typeName, type Py } from './values.js';

/**
 * An instance of a condition's class whose bases include dict: a PyDict, so that every
 * dict operation, isinstance(d, dict), json.dumps and the context's round trip take it as
 * the dict it is, with attributes of its own and its class's methods before dict's.
 */
export class PyDictInstance extends PyDict {
  readonly dict = new Map<string, Py>();
  constructor(readonly cls: PyClass) {
    super();
  }
}

/**
 * The dunders a dict subclass may define: those its slots below ask. The others (__getitem__,
 * __len__, ...) are read by dict's own fast paths, which would pass them by: refused when the
 * class is made, rather than silently unused.
 */
const OWN = new Set(['__init__', '__repr__', '__str__', '__match_args__']);

export function checkDictSubclass(cls: PyClass): void {
  for (const t of cls.mro) {
    if (!('attrs' in t)) continue;
    for (const name of (t as PyClass).attrs.keys()) {
      if (name.startsWith('__') && !OWN.has(name)) throw typeErr(`a subclass of dict in a condition may define only ${[...OWN].join(', ')}: '${name}' is not supported`);
    }
  }
}

/** dict.__init__(self, source=(), **kw), as super().__init__ or a class with no __init__ of its own calls it. */
export function dictInit(self: PyDict, args: Py[], kw: Map<string, Py> | null): null {
  if (args.length > 1) throw typeErr(`dict expected at most 1 argument, got ${args.length}`);
  updateDict(self, args[0], kw);
  return null;
}

/** A method of dict, bound to a subclass's instance: what super().get or d.get reaches when the class has none of that name. */
export function dictMethod(self: PyDict, name: string): PyFunc | undefined {
  const m = DICT_METHODS.get(name);
  return m === undefined ? undefined : new PyFunc(name, (args, kw) => m(self, args, kw), 'method');
}

/** The class's own dunder, bound, or undefined. */
function own(v: PyDictInstance, name: string): Py | undefined {
  const fn = v.cls.lookup(name);
  return fn === undefined ? undefined : bindAttr(fn, v, v.cls, name);
}

function stringResult(s: Py, name: string): string {
  if (typeof s !== 'string') throw typeErr(`${name} returned non-string (type ${typeName(s)})`);
  return s;
}

/** The instances whose repr is being made: met again inside, each is {...}. */
const inRepr = new Set<PyDictInstance>();

const DICT_INSTANCE: PyTypeSlots<PyDictInstance> = {
  ...DICT,
  name: (v) => v.cls.name,
  classOf: (v) => v.cls,
  // the class's repr, or dict's: a dict within itself is {...}, as Py_ReprEnter has it
  repr: (v, item) => {
    const fn = own(v, '__repr__');
    if (fn !== undefined) return stringResult(callValue(fn, [], null), '__repr__');
    if (inRepr.has(v)) return '{...}';
    inRepr.add(v);
    try {
      const parts: string[] = [];
      for (const [nk, value] of v.m) parts.push(item(v.key(nk)) + ': ' + item(value));
      return '{' + parts.join(', ') + '}';
    } finally {
      inRepr.delete(v);
    }
  },
  str: (v, repr) => {
    const fn = own(v, '__str__');
    return fn === undefined ? repr(v) : stringResult(callValue(fn, [], null), '__str__');
  },
  // the class's attributes first, then dict's methods: not dict's method table, which getattr reads before this slot
  methods: undefined,
  classMethods: undefined,
  getattr: (v, name) => instanceAttr(v.cls, v.dict, v, name) ?? dictMethod(v, name),
};

registerType(PyDictInstance, DICT_INSTANCE);
