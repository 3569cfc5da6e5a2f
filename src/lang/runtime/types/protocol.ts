import type { Py } from '../values.js';

/**
 * What the runtime knows of one Python type, as skulpt keeps it in tp$ slots: one table per
 * type, in a module of its own (types/int.ts, types/dict.ts, ...), found for a value by
 * registry.ts. Operators, comparison, repr and json still switch on the representation
 * in their own modules (arith.ts, compare.ts, repr.ts, json.ts); methods are in
 * methods-*.ts, reached through attributes.ts.
 */
export interface PyTypeSlots<T = any> {
  /** type(v).__name__: a function, as one class may hold several types (views, iterators, exceptions). */
  name(v: T): string;
  /** nb_bool, or sq_length where there is no nb_bool: the value's truth. */
  truthy(v: T): boolean;
  /** sq_length, or null: "object of type 'int' has no len()". */
  len: ((v: T) => number) | null;
  /** tp_iter, or null: "'int' object is not iterable". */
  iter: ((v: T) => Iterable<Py>) | null;
}
