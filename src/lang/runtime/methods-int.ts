import { bind, indexValue } from './args.js';
import { checkedMethods } from './arity.js';
import { octetsOf } from './bytes-like.js';
import { typeErr } from './exceptions.js';
import { classBytes } from './bytes-dunder.js';
import { octetsOfItems } from './bytes.js';
import { iterableOr, toList, truthy } from './iteration.js';
import { bit_count, bit_length, checkOrder, from_bytes, to_bytes, type Int } from './int/index.js';
import { bytesBeyondMemory, widthArg } from './sizes.js';
import type { Method } from './types/protocol.js';
import { argTypeName, freshBytes, PyStrBox, PyTuple, typeName, type Py } from './values.js';

/** from_bytes' and to_bytes' `*, signed=False`. */
const KW_SIGNED = { kwOnly: 1 };

const asInt = (n: Py): Int => (typeof n === 'boolean' ? Number(n) : n);

function orderArg(v: Py, fname: string): string {
  // a str subclass's instance is taken as its str, as PyUnicode_Check has it
  if (v instanceof PyStrBox) v = v.value;
  if (typeof v !== 'string') throw typeErr(`${fname}() argument 'byteorder' must be str, not ${argTypeName(v)}`);
  return v;
}

function lengthArg(v: Py): Int {
  // Argument Clinic's Py_ssize_t: PyNumber_Index, a class's __index__ too
  const i = indexValue(v);
  if (i === undefined) throw typeErr(`'${typeName(v)}' object cannot be interpreted as an integer`);
  return asInt(widthArg(i));
}

/** int.from_bytes(bytes, byteorder='big', *, signed=False): a classmethod, reached as int.from_bytes. */
export function intFromBytes(args: Py[], kw: Map<string, Py> | null): Int {
  // signed is keyword-only, and Clinic's 'p': any value's truth
  const [bytes, order = 'big', signed = false] = bind('from_bytes', args, kw, ['bytes', 'byteorder', 'signed'], 1, undefined, KW_SIGNED);
  // Clinic converts byteorder, a str, and signed, and the body reads the order, before it converts bytes
  const byteorder = orderArg(order, 'from_bytes');
  const isSigned = truthy(signed);
  checkOrder(byteorder);
  // PyObject_Bytes: a class's __bytes__ before the buffer of any but an exact bytes, then any iterable of ints but a str
  const refused = () => typeErr(`cannot convert '${typeName(bytes)}' object to bytes`);
  const octets = classBytes(bytes)?.data ?? octetsOf(bytes) ?? (typeof bytes === 'string' || bytes instanceof PyStrBox ? null : octetsOfItems(toList(iterableOr(bytes, refused))));
  if (octets === null) throw refused();
  return from_bytes(octets, byteorder, isSigned);
}

/** int's methods (bool's too, as in CPython); the integer kernel does the work. */
export const INT_METHODS = checkedMethods(
  'int',
  new Map<string, Method>([
    ['bit_length', (n) => bit_length(asInt(n))],
    ['bit_count', (n) => bit_count(asInt(n))],
    ['conjugate', (n) => asInt(n)],
    // (int(self), 1): a bool's is (1, 1)
    ['as_integer_ratio', (n) => new PyTuple([asInt(n), 1])],
    [
      'to_bytes',
      (n, args, kw) => {
        const [length = 1, order = 'big', signed = false] = bind('to_bytes', args, kw, ['length', 'byteorder', 'signed'], 0, undefined, KW_SIGNED);
        const size = lengthArg(length);
        const byteOrder = orderArg(order, 'to_bytes');
        const isSigned = truthy(signed);
        // CPython checks the order and the length, then allocates the bytes before it reads n: past memory that is its MemoryError, whatever n's sign
        checkOrder(byteOrder);
        if (size >= 0) bytesBeyondMemory(size);
        return freshBytes(to_bytes(asInt(n), size, byteOrder, isSigned));
      },
    ],
  ]),
  { bit_length: 'none', bit_count: 'none', conjugate: 'none', as_integer_ratio: 'none', to_bytes: 'own' },
);
