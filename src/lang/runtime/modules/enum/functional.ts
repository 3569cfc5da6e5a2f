/**
 * enum's functional API, EnumType._create_: `Enum('Color', 'RED GREEN')`, names as a string,
 * a list or tuple of names (valued by _generate_next_value_ from `start`), of (name, value)
 * pairs, or a mapping; then the class is made by EnumType.__new__ as a class statement's is.
 * Each name is paid for as it is stored, so a string of a million names ends at the limits.
 */
import { tick, work } from '../../budget.js';
import { callValue } from '../../call.js';
import { PyClassOfMeta } from '../../class-values.js';
import { PyStaticMethod } from '../../descriptors.js';
import { typeErr, valueErr } from '../../exceptions.js';
import * as ops from '../../ops.js';
import { PyStrBox, PyTuple, typeName, type Py } from '../../values.js';
import { EnumDict, makeEnum, mixins, setFunctional } from './enum.js';

const isStr = (v: Py): boolean => typeof v === 'string' || v instanceof PyStrBox;
const strOf = (v: Py): string => (v instanceof PyStrBox ? v.value : (v as string));


function create(cls: PyClassOfMeta, classNameV: Py, namesV: Py, opts: { module: Py; qualname: Py; type: Py; start: Py; boundary: Py }): Py {
  const { module, type, start, qualname, boundary } = opts;
  const className = isStr(classNameV) ? strOf(classNameV) : String(classNameV);
  const bases = type === null ? [cls] : [type, cls];
  const [, first] = mixins(classNameV, bases);
  const classdict = new EnumDict(className, first);
  let names: Py = namesV;
  if (isStr(names)) {
    const text = strOf(names);
    work(text.length);
    names = text.replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  }
  if ((Array.isArray(names) || names instanceof PyTuple) && (Array.isArray(names) ? names : names.items).length > 0 && isStr((Array.isArray(names) ? names : names.items)[0])) {
    const original = Array.isArray(names) ? names : names.items;
    const pairs: Py[] = [];
    const last: Py[] = [];
    const g = first.lookup('_generate_next_value_')!;
    const gen = g instanceof PyStaticMethod ? g.fn : g;
    for (let count = 0; count < original.length; count++) {
      // last_values[:], a copy a name: paid for as any list built
      work(last.length);
      const value = callValue(gen, [original[count], start, count, [...last]], null);
      last.push(value);
      pairs.push(new PyTuple([original[count], value]));
    }
    names = pairs;
  }
  if (names === null) names = [];
  for (const item of ops.iterate(names)) {
    tick();
    let name: Py;
    let value: Py;
    if (isStr(item)) {
      name = item;
      value = ops.getitem(names, item);
    } else {
      // `member_name, member_value = item`: CPython's words for an item that is no pair
      if (!ops.isIterable(item)) throw typeErr(`cannot unpack non-iterable ${typeName(item)} object`);
      const pair = ops.toList(item);
      if (pair.length !== 2) throw valueErr(pair.length > 2 ? 'too many values to unpack (expected 2)' : `not enough values to unpack (expected 2, got ${pair.length})`);
      [name, value] = pair;
    }
    ops.setitem(classdict, name, value);
  }
  // the caller's module, which sys._getframe(2).f_globals['__name__'] does not find in the envelope
  // (it has no __name__): _make_class_unpicklable's '<unknown>' then
  classdict.set('__module__', module ?? '<unknown>');
  if (qualname !== null) classdict.set('__qualname__', qualname);
  return makeEnum(cls.meta, className, classNameV, new PyTuple(bases), classdict, null, boundary);
}

setFunctional(create);
