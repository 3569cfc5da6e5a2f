/**
 * Python's operators and the protocols every value takes part in, for the compiler and
 * builtins: one name to import (`ops.add`), each defined in the module of its concern.
 */
export { add, bitop, divmodSlots, unarySlot, floatDivMod, floordiv, intAdd, invert, matmul, mod, mul, neg, pos, pow, sub, truediv } from './arith.js';
export { compare, contains, eq, eqOperator, eqValue, ge, geValue, gt, gtValue, le, leValue, lt, ltValue, neOperator, neValue } from './compare.js';
export { copyDict, deepCopy } from './copy.js';
export { delitem, delslice, getitem, getslice, setitem, setslice, sliceIndices } from './items.js';
export { isIterable, iterate, len, lengthHint, spread, toList, truthy } from './iteration.js';
export { indexSized, intOf, isIntLike, num } from './numbers.js';
