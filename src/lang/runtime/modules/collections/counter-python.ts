/**
 * The methods of Counter that Lib/collections/__init__.py writes in Python, run as that code
 * runs: through the instance's own items() and values() (a subclass's, if it has them), with
 * the builtins and itertools they call, so a subclass's overrides and odd counts answer as in
 * CPython. A plain Counter goes the same way: its items() is dict's. Each takes self first, as
 * the function does through the class (Counter.total(d) of any mapping).
 */
import { getattr } from '../../attributes.js';
import { BUILTINS } from '../../builtins.js';
import { callValue } from '../../call.js';
import { TypeError_ } from '../../exceptions.js';
import { truthy } from '../../iteration.js';
import { nlargest } from '../heapq.js';
import * as ops from '../../ops.js';
import { passReprLevels, withReprLevels } from '../../repr.js';
import { bindArgs, Signature } from '../../signature.js';
import type { ItemRepr } from '../../types/protocol.js';
import { PyDict, PyException, PyFunc, typeName, type Py } from '../../values.js';
import { ITERTOOLS } from '../itertools.js';

const call = (self: Py, name: string): Py => callValue(getattr(self, name), [], null);
const builtin = (name: string): Py => BUILTINS.get(name)!;
const itertool = (name: string): Py => ITERTOOLS.attrs.get(name)!;

/** _itemgetter(1): an item's count. */
const COUNT = new PyFunc('itemgetter', ([item]) => ops.getitem(item, 1));

const MOST_COMMON = new Signature('Counter.most_common', [{ name: 'self', star: '' }, { name: 'n', star: '' }], 'python');
const SELF_ONLY = (name: string) => new Signature(`Counter.${name}`, [{ name: 'self', star: '' }], 'python');
const ELEMENTS = SELF_ONLY('elements');
const TOTAL = SELF_ONLY('total');

/** most_common(self, n=None): sorted(self.items(), key=_itemgetter(1), reverse=True), or heapq.nlargest(n, ...). */
export function mostCommon(args: Py[], kw: Map<string, Py> | null): Py {
  const [self, n] = bindArgs(MOST_COMMON, args, kw, [undefined, null]);
  if (n === null) return callValue(builtin('sorted'), [call(self, 'items')], new Map<string, Py>([['key', COUNT], ['reverse', true]]));
  return nlargest(n, call(self, 'items'), COUNT);
}

/** elements(self): _chain.from_iterable(_starmap(_repeat, self.items())). */
export function elements(args: Py[], kw: Map<string, Py> | null): Py {
  const [self] = bindArgs(ELEMENTS, args, kw, [undefined]);
  const pairs = callValue(itertool('starmap'), [itertool('repeat'), call(self, 'items')], null);
  return callValue(getattr(itertool('chain'), 'from_iterable'), [pairs], null);
}

/** total(self): sum(self.values()). */
export function total(args: Py[], kw: Map<string, Py> | null): Py {
  const [self] = bindArgs(TOTAL, args, kw, [undefined]);
  return callValue(builtin('sum'), [call(self, 'values')], null);
}

/** most_common's frame and a C call under it that CPython counts (itemgetter's), both closed before the dict is printed. */
const MOST_COMMON_LEVELS = ['', 'while calling a Python object'];

/**
 * __repr__: the class's name around dict(self.most_common()), or dict(self) where that raised a
 * TypeError (counts that do not order). A def in CPython: its frame, and most_common's levels
 * below it, count toward the recursion limit besides PyObject_Repr's, met before the dict's repr.
 */
export function counterRepr(self: PyDict, item: ItemRepr): string {
  const name = typeName(self);
  if (!truthy(self)) return `${name}()`;
  return withReprLevels([''], () => {
    passReprLevels(MOST_COMMON_LEVELS);
    const dict = builtin('dict');
    let d: Py;
    try {
      d = callValue(dict, [callValue(getattr(self, 'most_common'), [], null)], null);
    } catch (e) {
      if (!(e instanceof PyException) || e.fatal || !e.type.isSubclassOf(TypeError_)) throw e;
      d = callValue(dict, [self], null);
    }
    return `${name}(${item(d)})`;
  });
}
