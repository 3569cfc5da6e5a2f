/**
 * A def's or lambda's `__defaults__` and `__kwdefaults__` as CPython's function object keeps
 * them: read, the same tuple and the same dict each time; set, what later calls take. The
 * defaults a call takes are the def's `defs` array (RunDef), which its call closure holds: a
 * tuple set is written into it at once; the dict, which the condition may change at any time
 * (`f.__kwdefaults__['k'] = 5`), is read into it before each call, by a wrapper put on only a
 * function whose dict was read or set. A def no condition asked is called as before, unwrapped.
 */
import { typeErr } from './exceptions.js';
import { PyDict, PyFunc, PyTuple, type NativeFn, type Py, type RunDef } from './values.js';

/** What was read or set of a function: its tuple and its dict (null: None), undefined until then. */
interface Given {
  pos?: PyTuple | null;
  kw?: PyDict | null;
  /** Whether its call reads the dict first. */
  wrapped?: boolean;
}
const GIVEN = new WeakMap<PyFunc, Given>();

const givenOf = (f: PyFunc): Given => {
  let g = GIVEN.get(f);
  if (g === undefined) GIVEN.set(f, (g = {}));
  return g;
};

/** Where the positional parameters end: the first `*`, `*args` or `**kw`. */
const positionalEnd = (rd: RunDef): number => {
  const i = rd.params.findIndex((p) => p.star !== '');
  return i < 0 ? rd.params.length : i;
};

/** `f.__defaults__` or `f.__kwdefaults__` of a def or lambda of the condition. */
export function readDefaults(f: PyFunc, rd: RunDef, name: '__defaults__' | '__kwdefaults__'): Py {
  const g = givenOf(f);
  const end = positionalEnd(rd);
  if (name === '__defaults__') {
    if (g.pos === undefined) {
      const positional: Py[] = [];
      for (let i = 0; i < end; i++) if (rd.defs[i] !== undefined) positional.push(rd.defs[i]);
      g.pos = positional.length === 0 ? null : new PyTuple(positional);
    }
    return g.pos;
  }
  if (g.kw === undefined) {
    const keyword = new PyDict();
    rd.params.forEach((p, i) => {
      if (i > end && p.star === '' && rd.defs[i] !== undefined) keyword.set(p.name, rd.defs[i]);
    });
    g.kw = keyword.m.size === 0 ? null : keyword;
    // the dict read is the function's: what the condition puts in it, later calls take
    if (g.kw !== null) wrap(f, rd, g);
  }
  return g.kw;
}

/** `f.__defaults__ = v` or `f.__kwdefaults__ = v` (v undefined: `del`, which sets None) on a def or lambda of the condition. */
export function setDefaults(f: PyFunc, rd: RunDef, name: '__defaults__' | '__kwdefaults__', v: Py | undefined): void {
  const g = givenOf(f);
  const none = v === undefined || v === null;
  if (name === '__defaults__') {
    if (!none && !(v instanceof PyTuple)) throw typeErr('__defaults__ must be set to a tuple object');
    const items = none ? [] : (v as PyTuple).items;
    const end = positionalEnd(rd);
    // func_set_defaults: the tuple's last value is the last positional parameter's
    for (let i = 0; i < end; i++) rd.defs[i] = undefined;
    // from the first value that meets a parameter: a tuple longer than the parameters costs nothing more
    for (let j = Math.max(0, items.length - end); j < items.length; j++) rd.defs[end - items.length + j] = items[j];
    g.pos = none ? null : (v as PyTuple);
    return;
  }
  if (!none && !(v instanceof PyDict)) throw typeErr('__kwdefaults__ must be set to a dict object');
  g.kw = none ? null : (v as PyDict);
  sync(rd, g.kw, positionalEnd(rd));
  wrap(f, rd, g);
}

/** The keyword-only parameters' defaults, as the dict holds them now. */
function sync(rd: RunDef, kw: PyDict | null, end: number): void {
  const params = rd.params;
  for (let i = end + 1; i < params.length; i++) {
    const p = params[i];
    if (p.star === '') rd.defs[i] = kw === null ? undefined : kw.get(p.name);
  }
}

/** f's call reads its dict into its defaults first, from now on. */
function wrap(f: PyFunc, rd: RunDef, g: Given): void {
  if (g.wrapped === true) return;
  g.wrapped = true;
  const end = positionalEnd(rd);
  const call = f.fn;
  (f as { fn: NativeFn }).fn = (args, kw) => {
    sync(rd, g.kw ?? null, end);
    return call(args, kw);
  };
}

/** The defaults of a function the runtime makes as CPython's library makes a def (a dataclass's __init__): what `__defaults__` and `__kwdefaults__` answer. */
const DECLARED = new WeakMap<PyFunc, { readonly pos: PyTuple | null; readonly kw: PyDict | null }>();

export function declareDefaults(f: PyFunc, pos: PyTuple | null, kw: PyDict | null): PyFunc {
  DECLARED.set(f, { pos, kw });
  return f;
}

/** `__defaults__` or `__kwdefaults__` of such a function, undefined for one that declared none. */
export function declaredDefaults(f: PyFunc, name: '__defaults__' | '__kwdefaults__'): Py | undefined {
  const d = DECLARED.get(f);
  return d === undefined ? undefined : name === '__defaults__' ? d.pos : d.kw;
}
