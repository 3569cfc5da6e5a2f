import { clinic } from '../args.js';
import { step } from '../budget.js';
import { callValue } from '../call.js';
import { typeErr } from '../exceptions.js';
import { isIterable, iterate } from '../iteration.js';
import { PyFunc, PyModule, type NativeFn, type Py } from '../values.js';

/** functools.reduce(function, iterable[, initial]): a left fold, one step per item. */
const reduce: NativeFn = (a, k) => {
  const [f, items, initial] = clinic('reduce', a, k, 2, 3);
  let acc: Py = initial;
  let empty = initial === undefined;
  if (!isIterable(items)) throw typeErr('reduce() arg 2 must support iteration');
  for (const x of iterate(items)) {
    step();
    if (empty) {
      acc = x;
      empty = false;
    } else acc = callValue(f, [acc, x], null);
  }
  if (empty) throw typeErr('reduce() of empty iterable with no initial value');
  return acc;
};

/** functools.partial(func, *args, **keywords): the call's keywords override the stored ones. */
const partial: NativeFn = (a, k) => {
  if (a.length === 0) throw typeErr("type 'partial' takes at least one argument");
  const [f, ...stored] = a;
  if (!(f instanceof PyFunc)) throw typeErr('the first argument must be callable');
  const storedKw = k;
  return new PyFunc('partial', (args, kw) => {
    let merged = storedKw;
    if (kw !== null && kw.size > 0) merged = new Map([...(storedKw ?? []), ...kw]);
    return callValue(f, [...stored, ...args], merged);
  });
};

export const FUNCTOOLS = new PyModule(
  'functools',
  new Map<string, Py>([
    ['reduce', new PyFunc('reduce', reduce)],
    ['partial', new PyFunc('partial', partial)],
  ]),
);
