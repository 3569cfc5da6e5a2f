import { checkSize } from '../runtime/budget.js';
import { indexValue } from '../runtime/args.js';
import { typeErr } from '../runtime/exceptions.js';
import { PyHookedCollection } from '../runtime/hooked-collection.js';
import { counterInplace, PyCounter } from '../runtime/modules/collections/counter.js';
import { isInstance, PyDictInstance } from '../runtime/class-values.js';
import { classInplace } from '../runtime/class-inplace.js';
import { NOT_IMPLEMENTED } from '../runtime/types/protocol.js';
import { dictInplace } from '../runtime/dict-subclass.js';
import { updateDict } from '../runtime/methods-dict.js';
import * as ops from '../runtime/ops.js';
import { setInPlace, type SetOp } from '../runtime/sets.js';
import { PyDict, PyException, PyFrozenSet, PySet, typeName, type Py } from '../runtime/values.js';

export const BINARY: Record<string, (a: Py, b: Py) => Py> = {
  '+': ops.add,
  '-': ops.sub,
  '*': ops.mul,
  '/': ops.truediv,
  '//': ops.floordiv,
  '%': ops.mod,
  '**': ops.pow,
  '&': (a, b) => ops.bitop('&', a, b),
  '|': (a, b) => ops.bitop('|', a, b),
  '^': (a, b) => ops.bitop('^', a, b),
  '<<': (a, b) => ops.bitop('<<', a, b),
  '>>': (a, b) => ops.bitop('>>', a, b),
  // no value of the dialect has a matrix product: CPython's TypeError, once both operands are evaluated
  '@': ops.matmul,
};

/**
 * `a += b` and friends: a class's own __iadd__ (and the rest) first (class-inplace.ts); lists,
 * dicts and sets change in place, as in Python. Otherwise the plain operator, whose
 * "unsupported operand" error names `+=`, as CPython's does.
 */
export function inplace(op: string): (a: Py, b: Py) => Py {
  const own = classInplace(op);
  const builtin = builtinInplace(op);
  const fallback = plainOperator(op);
  return (a, b) => {
    if (typeof a === 'object' && a !== null) {
      const r = own(a, b);
      // NotImplemented: the binary operator, as binary_iop1 goes on; a base's in-place change was the slot the class's method replaced
      if (r === NOT_IMPLEMENTED) return fallback(a, b);
      if (r !== undefined) return r;
    }
    return builtin(a, b);
  };
}

/** The plain operator, its "unsupported operand" error worded for the augmented one. */
function plainOperator(op: string): (a: Py, b: Py) => Py {
  const plain = BINARY[op];
  return (a, b) => {
    try {
      return plain(a, b);
    } catch (e) {
      throw augmentedError(e, op);
    }
  };
}

function builtinInplace(op: string): (a: Py, b: Py) => Py {
  const plain = BINARY[op];
  const fallback = plainOperator(op);
  switch (op) {
    case '+':
      return (a, b) => {
        if (Array.isArray(a)) {
          const items = ops.toList(b);
          checkSize(a.length + items.length);
          for (const x of items) a.push(x);
          return a;
        }
        // a type that changes in place (a deque), or a Counter or its subclass's instance (Counter.__iadd__)
        if (a !== null && typeof a === 'object') {
          if (typeof a.pyInplaceAdd === 'function') return a.pyInplaceAdd(b);
          const r = a instanceof PyDictInstance ? dictInplace(op, a, b) : a instanceof PyCounter ? counterInplace(op, a, b) : undefined;
          if (r !== undefined) return r;
        }
        // a list subclass's hooked instance: list's __iadd__, which its class cannot replace, extends it
        if (a instanceof PyHookedCollection && Array.isArray(a.value)) return extendHeld(a, ops.toList(b));
        return fallback(a, b);
      };
    case '*':
      return (a, b) => {
        if (Array.isArray(a) && (typeof b === 'number' || typeof b === 'boolean')) {
          const r = plain(a, b) as Py[];
          a.length = 0;
          for (const x of r) a.push(x);
          return a;
        }
        if (a !== null && typeof a === 'object' && typeof a.pyInplaceMul === 'function') return a.pyInplaceMul(b) ?? fallback(a, b);
        // list's __imul__ likewise, its count taken as an index
        if (a instanceof PyHookedCollection && Array.isArray(a.value)) {
          const n = indexValue(b);
          if (n === undefined) throw typeErr(`'${typeName(b)}' object cannot be interpreted as an integer`);
          const r = plain(a.value, n) as Py[];
          a.value.length = 0;
          return extendHeld(a, r);
        }
        try {
          return plain(a, b);
        } catch (e) {
          if (e instanceof PyException && e.text?.startsWith("can't multiply sequence by non-int") && repeatsNot(a)) throw typeErr(`${UNSUPPORTED}*=: '${typeName(a)}' and '${typeName(b)}'`);
          throw augmentedError(e, '*');
        }
      };
    case '|':
    case '&':
    case '-':
    case '^':
      return (a, b) => {
        // Counter's __ior__ and friends, of a Counter or a subclass's instance; OrderedDict's __ior__ (its __setitem__ called) of a subclass's
        const r = a instanceof PyDictInstance ? dictInplace(op, a, b) : a instanceof PyCounter ? counterInplace(op, a, b) : undefined;
        if (r !== undefined) return r;
        // set_ior and friends take only a set; `s |= d.keys()` makes a new set, as `s | d.keys()` does
        // a frozenset is never changed: `fs |= s` makes a new one
        if (a instanceof PySet && !(a instanceof PyFrozenSet) && b instanceof PySet) return setInPlace(op as SetOp, a, b);
        // a type that changes in place (a ChainMap's __ior__)
        if (op === '|' && a !== null && typeof a === 'object' && typeof a.pyInplaceOr === 'function') return a.pyInplaceOr(b);
        // dict_ior takes what dict.update takes
        if (op === '|' && a instanceof PyDict) {
          updateDict(a, b, null);
          checkSize(a.m.size);
          return a;
        }
        return fallback(a, b);
      };
    default:
      return fallback;
  }
}

/** The hooked list's own list extended by the items, within the size limit: the instance is the result. */
function extendHeld(a: PyHookedCollection, items: Py[]): Py {
  const list = a.value as Py[];
  checkSize(list.length + items.length);
  for (const x of items) list.push(x);
  return a;
}

const UNSUPPORTED = 'unsupported operand type(s) for ';

/** The plain operator's "unsupported operand type(s) for +: ..." as the augmented one's "for +=: ...". */
function augmentedError(e: unknown, op: string): unknown {
  if (!(e instanceof PyException) || e.text === undefined || !e.text.startsWith(UNSUPPORTED)) return e;
  return typeErr(UNSUPPORTED + op + '=' + e.text.slice(e.text.indexOf(':', UNSUPPORTED.length)));
}

/**
 * Whether a's type has sequence slots but no repeat: PyNumber_InPlaceMultiply then tries no
 * repeat of b's and words its TypeError for *= (`s *= 'ab'`, a set or a dict, a view, a range, a
 * memoryview, and every class of a condition, whose heap type has the slots), where `a * 'ab'`
 * says "can't multiply sequence by non-int".
 */
const SEQUENCE_NO_REPEAT = new Set(['range', 'dict_keys', 'dict_values', 'dict_items', 'odict_keys', 'odict_values', 'odict_items', 'memoryview']);
const repeatsNot = (a: Py): boolean => a instanceof PySet || a instanceof PyDict || isInstance(a) || SEQUENCE_NO_REPEAT.has(typeName(a));


/** The comparison operators' values: a bool, but for a condition's class whose method answered otherwise. */
export const COMPARE: Record<string, (a: Py, b: Py) => Py> = {
  '==': ops.eqValue,
  '!=': ops.neValue,
  '<': ops.ltValue,
  '<=': ops.leValue,
  '>': ops.gtValue,
  '>=': ops.geValue,
  in: (a, b) => ops.contains(b, a),
  'not in': (a, b) => !ops.contains(b, a),
  is: (a, b) => a === b,
  'is not': (a, b) => a !== b,
};
