/**
 * enum.verify and EnumCheck (UNIQUE, CONTINUOUS, NAMED_FLAGS), as Lib/enum.py (3.11) writes
 * them: verify is a class, whose instance, called on an enumeration, checks it and answers it;
 * each of its loops is the Python's, paid a step an item.
 */
import { step } from '../../budget.js';
import { BUILTINS } from '../../builtins.js';
import { callValue } from '../../call.js';
import { moduleClass, OBJECT_CLASS, PyInstance } from '../../classes.js';
import { PyClass } from '../../class-values.js';
import { typeErr, valueErr } from '../../exceptions.js';
import { getattr } from '../../attributes.js';
import * as ops from '../../ops.js';
import { repr, str } from '../../repr.js';
import { PyTuple, type Py } from '../../values.js';
import { pyDef } from '../python-def.js';
import { EnumDict, ENUM, ENUM_TYPE, FLAG, makeEnum, STR_ENUM } from './enum.js';
import { fileSharedObject } from '../../shared-objects.js';
import { freeze } from '../frozen-instances.js';

const call = (name: string, ...args: Py[]): Py => callValue(BUILTINS.get(name)!, args, null);
const CHECKS = [['CONTINUOUS', 'no skipped integer values'], ['NAMED_FLAGS', 'multi-flag aliases may not contain unnamed flags'], ['UNIQUE', 'one name per value']] as const;
let UNIQUE: Py, CONTINUOUS: Py, NAMED_FLAGS: Py;

export const VERIFY = moduleClass('verify', [OBJECT_CLASS], null);
VERIFY.module = 'enum';
VERIFY.attrs.set('__init__', pyDef('verify.__init__', ['self', '*checks'], {}, (self, checks) => {
  (self as PyInstance).dict.set('checks', checks);
  return null;
}));
VERIFY.attrs.set('__call__', pyDef('verify.__call__', ['self', 'enumeration'], {}, (self, enumeration) => {
  const checks = getattr(self, 'checks');
  const clsName = getattr(enumeration, '__name__');
  let enumType: string;
  if (ops.truthy(call('issubclass', enumeration, FLAG))) enumType = 'flag';
  else if (ops.truthy(call('issubclass', enumeration, ENUM))) enumType = 'enum';
  else throw typeErr("the 'verify' decorator only works with Enum and Flag");
  for (const check of ops.iterate(checks)) {
    step();
    if (check === UNIQUE) unique(enumeration);
    else if (check === CONTINUOUS) continuous(enumeration, enumType, clsName);
    else if (check === NAMED_FLAGS) namedFlags(enumeration, clsName);
  }
  return enumeration;
}));

function unique(enumeration: Py): void {
  const duplicates: string[] = [];
  for (const item of ops.iterate(callValue(getattr(getattr(enumeration, '__members__'), 'items'), [], null))) {
    step();
    const [name, member] = ops.toList(item);
    const memberName = getattr(member, 'name');
    if (!ops.truthy(ops.eqValue(name, memberName))) duplicates.push(`${str(name)} -> ${str(memberName)}`);
  }
  if (duplicates.length > 0) throw valueErr(`aliases found in ${repr(enumeration)}: ${duplicates.join(', ')}`);
}

/** _high_bit: value.bit_length() - 1. */
const highBit = (v: Py): Py => ops.sub(callValue(getattr(v, 'bit_length'), [], null), 1);

function continuous(enumeration: Py, enumType: string, clsName: Py): void {
  const values = call('set', [...ops.iterate(enumeration)].map((e) => (step(), getattr(e, 'value'))));
  if (ops.lt(ops.len(values), 2)) return;
  const [low, high] = [call('min', values), call('max', values)];
  const missing: Py[] = [];
  // the flags' missing powers of two, or the enum's missing integers: each a step, as the Python's loop
  const steps = enumType === 'flag' ? call('range', ops.add(highBit(low), 1), highBit(high)) : call('range', ops.add(low, 1), high);
  for (const i of ops.iterate(steps)) {
    step();
    const v = enumType === 'flag' ? ops.pow(2, i) : i;
    if (!ops.contains(values, v)) missing.push(v);
  }
  if (missing.length === 0) return;
  // limited to 256 characters, as the Python limits it
  const text = `invalid ${enumType} ${repr(clsName)}: missing values ${missing.map((m) => (step(), str(m))).join(', ')}`;
  throw valueErr(text.slice(0, 256));
}

function namedFlags(enumeration: Py, clsName: Py): void {
  const memberNames = getattr(enumeration, '_member_names_');
  const memberValues = [...ops.iterate(enumeration)].map((m) => (step(), getattr(m, 'value')));
  const missingNames: Py[] = [];
  let missingValue: Py = 0;
  for (const item of ops.iterate(callValue(getattr(getattr(enumeration, '_member_map_'), 'items'), [], null))) {
    step();
    const [name, alias] = ops.toList(item);
    if (ops.contains(memberNames, name)) continue;
    const value = getattr(alias, 'value');
    if (ops.lt(value, 0)) continue;
    // _iter_bits_lsb, then those of no member (reduce(_or_, missed))
    const missed: Py[] = [];
    for (let num = value; ops.truthy(num); ) {
      step();
      const b = ops.bitop('&', num, ops.add(ops.invert(num), 1));
      if (!memberValues.some((m) => (step(), ops.truthy(ops.eqValue(m, b))))) missed.push(b);
      num = ops.bitop('^', num, b);
    }
    if (missed.length > 0) {
      missingNames.push(name);
      missingValue = missed.reduce((a, b) => ops.bitop('|', a, b), missingValue);
    }
  }
  if (missingNames.length === 0) return;
  const names = missingNames.map((n) => str(n));
  const alias = names.length === 1 ? `alias ${names[0]} is missing` : `aliases ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} are missing`;
  // _is_single_bit
  const single = ops.truthy(missingValue) && !ops.truthy(ops.bitop('&', missingValue, ops.sub(missingValue, 1)));
  const hex = (ops.mod('%x', missingValue) as string);
  const value = single ? `value 0x${hex}` : `combined values of 0x${hex}`;
  throw valueErr(`invalid Flag ${repr(clsName)}: ${alias} ${value} [use enum.show_flag_values(value) for details]`);
}

/** Once the builtin types are registered: EnumCheck made as a StrEnum (as FlagBoundary is), and its members the module's constants. */
export function registerChecks(module: Map<string, Py>): void {
  const ns = new EnumDict('EnumCheck', STR_ENUM);
  for (const [n, v] of CHECKS) ns.set(n, v);
  ns.set('__module__', 'enum');
  const cls = makeEnum(ENUM_TYPE, 'EnumCheck', 'EnumCheck', new PyTuple([STR_ENUM]), ns, null, null) as PyClass;
  cls.module = 'enum';
  // its tables are the class's own in CPython; here the class is every condition's, so they are not shown
  for (const n of ['_member_names_', '_member_map_', '_value2member_map_', '_unhashable_values_']) cls.attrs.delete(n);
  fileSharedObject(cls, 'enum.EnumCheck');
  [CONTINUOUS, NAMED_FLAGS, UNIQUE] = CHECKS.map(([n]) => cls.attrs.get(n)!);
  for (const [n] of CHECKS) freeze(cls.attrs.get(n) as unknown as PyInstance, `enum.${n}`);
  module.set('EnumCheck', cls);
  for (const [n] of CHECKS) module.set(n, cls.attrs.get(n)!);
}
