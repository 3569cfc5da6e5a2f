import type { Expr } from '../ast.js';
import * as ops from '../runtime/ops.js';
import { ELLIPSIS, EMPTY_TUPLE, PyBytes, PyComplex, PyFloat, PyTuple, tupleOf, type Py } from '../runtime/values.js';
import { BINARY } from './operators.js';

/** What a fold answers for an expression CPython's AST optimizer leaves as it is. */
const NOT_FOLDED = Symbol('not folded');

/** ast_opt.c's bounds on what it folds. */
const MAX_INT_SIZE = 128n;
const MAX_COLLECTION_SIZE = 256;
const MAX_STR_SIZE = 4096;
const MAX_TOTAL_ITEMS = 1024;
/** compile.c's STACK_USE_GUIDELINE: a longer tuple display is built through a list, which its peephole pass does not fold. */
const STACK_USE_GUIDELINE = 30;

/** Octets, characters and items all folds of one condition may make: past it, nothing more is folded. */
const FOLD_BUDGET = 1 << 20;

/**
 * The constants CPython 3.11's AST optimizer (Python/ast_opt.c) folds a condition's
 * expressions into: literals, and unary and binary operators, tuples and constant indexes of
 * constants, each within the optimizer's bounds (safe_multiply, safe_power, safe_lshift,
 * safe_mod). An error leaves the expression to raise at run time, as folding does. Folding is
 * not charged to a run, so it has its own bound: a condition's folds make at most FOLD_BUDGET
 * octets, characters and items between them (a chain of tuple sums is quadratic), and past
 * it an expression is left to the run, whose limits then hold as before.
 */
class Folder {
  private readonly values = new Map<Expr, Py | typeof NOT_FOLDED>();
  /**
   * The nodes that are constants of the compiler's peephole pass only, not of the AST
   * optimizer: an f-string without fields (a JoinedStr, loaded as a str constant), and a tuple
   * display holding one (fold_tuple_on_constants). No operator folds them.
   */
  private readonly late = new Set<Expr>();
  private spent = 0;

  release(): void {
    this.values.clear();
    this.late.clear();
  }

  /** Whether e is a Constant node once the AST optimizer is done with it. */
  constant(e: Expr): boolean {
    return this.value(e) !== NOT_FOLDED && !this.late.has(e);
  }

  /** The constant e folds into, or NOT_FOLDED; each node is folded once, so a chain of n operators costs n folds. */
  value(e: Expr): Py | typeof NOT_FOLDED {
    let v = this.values.get(e);
    if (v === undefined) this.values.set(e, (v = this.fold(e)));
    return v;
  }

  private fold(e: Expr): Py | typeof NOT_FOLDED {
    switch (e.k) {
      case 'Const':
        return e.v;
      case 'FString': {
        // an f-string without fields compiles to a load of a str constant (compiler_joined_str), but for an empty one
        const text = e.parts.every((p) => typeof p === 'string') ? e.parts.join('') : '';
        if (text === '') return NOT_FOLDED;
        this.late.add(e);
        return text;
      }
      case 'Not':
      case 'Unary': {
        const v = this.value(e.operand);
        if (v === NOT_FOLDED || this.late.has(e.operand)) return NOT_FOLDED;
        return this.attempt(() => (e.k === 'Not' ? !ops.truthy(v) : e.op === '-' ? ops.neg(v) : e.op === '+' ? ops.pos(v) : ops.invert(v)));
      }
      case 'BinOp': {
        // `@` has no constant operand
        if (e.op === '@') return NOT_FOLDED;
        // value() before late: this recursion is as deep as the expression (a chain of 2,997 operators)
        const a = this.value(e.left);
        const b = this.value(e.right);
        if (a === NOT_FOLDED || b === NOT_FOLDED || this.late.has(e.left) || this.late.has(e.right) || !withinBounds(e.op, a, b)) return NOT_FOLDED;
        return this.attempt(() => BINARY[e.op](a, b));
      }
      case 'Tuple': {
        const items: Py[] = [];
        for (const x of e.elts) {
          const v = x.k === 'Starred' ? NOT_FOLDED : this.value(x);
          if (v === NOT_FOLDED) return NOT_FOLDED;
          items.push(v);
        }
        if (e.elts.some((x) => this.late.has(x))) {
          if (e.elts.length > STACK_USE_GUIDELINE) return NOT_FOLDED;
          this.late.add(e);
        }
        return this.attempt(() => tupleOf(items));
      }
      case 'Subscript': {
        // fold_subscr wants a constant index: a slice is a Slice node
        if (e.index.k === 'Slice') return NOT_FOLDED;
        const obj = this.value(e.value);
        const key = this.value(e.index);
        if (obj === NOT_FOLDED || key === NOT_FOLDED || this.late.has(e.value) || this.late.has(e.index)) return NOT_FOLDED;
        return this.attempt(() => ops.getitem(obj, key));
      }
      default:
        return NOT_FOLDED;
    }
  }

  private attempt(f: () => Py): Py | typeof NOT_FOLDED {
    if (this.spent > FOLD_BUDGET) return NOT_FOLDED;
    try {
      const v = f();
      this.spent += 1 + sizeOf(v);
      return this.spent > FOLD_BUDGET ? NOT_FOLDED : v;
    } catch {
      return NOT_FOLDED;
    }
  }
}

const sizeOf = (v: Py): number => (typeof v === 'string' ? v.length : v instanceof PyBytes ? v.data.length : v instanceof PyTuple ? v.items.length : 0);

const isInt = (v: Py): v is number | bigint => (typeof v === 'number' && Number.isInteger(v)) || typeof v === 'bigint' || typeof v === 'boolean';

const bits = (v: number | bigint | boolean): bigint => {
  const n = BigInt(v);
  return BigInt((n < 0n ? -n : n).toString(2).length) - (n === 0n ? 1n : 0n);
};

/** safe_multiply, safe_power, safe_lshift and safe_mod: whether ast_opt.c computes a op b at all. */
function withinBounds(op: string, a: Py, b: Py): boolean {
  if (op === '%') return typeof a !== 'string' && !(a instanceof PyBytes);
  if (op === '*') return multiplies(a, b);
  if (op === '**') return !(isInt(a) && isInt(b) && BigInt(a) !== 0n && BigInt(b) > 0n) || bits(a) <= MAX_INT_SIZE / BigInt(b);
  if (op === '<<') return !(isInt(a) && isInt(b) && BigInt(a) !== 0n && BigInt(b) !== 0n) || (BigInt(b) >= 0n && BigInt(b) <= MAX_INT_SIZE && bits(a) <= MAX_INT_SIZE - BigInt(b));
  return true;
}

function multiplies(v: Py, w: Py): boolean {
  if (isInt(v) && isInt(w)) return BigInt(v) === 0n || BigInt(w) === 0n || bits(v) + bits(w) <= MAX_INT_SIZE;
  if (isInt(v) && w instanceof PyTuple) {
    const size = w.items.length;
    if (size === 0) return true;
    const n = BigInt(v);
    if (n < 0n || n > BigInt(Math.floor(MAX_COLLECTION_SIZE / size))) return false;
    return n === 0n || complexity(w, Math.floor(MAX_TOTAL_ITEMS / Number(n))) >= 0;
  }
  if (isInt(v) && (typeof w === 'string' || w instanceof PyBytes)) {
    const size = typeof w === 'string' ? [...w].length : w.data.length;
    if (size === 0) return true;
    const n = BigInt(v);
    return n >= 0n && n <= BigInt(Math.floor(MAX_STR_SIZE / size));
  }
  if (isInt(w) && (v instanceof PyTuple || typeof v === 'string' || v instanceof PyBytes)) return multiplies(w, v);
  return true;
}

/** check_complexity: the items of a tuple and of the tuples inside it, counted down from limit. */
function complexity(v: Py, limit: number): number {
  if (!(v instanceof PyTuple)) return limit;
  limit -= v.items.length;
  for (let i = 0; limit >= 0 && i < v.items.length; i++) limit = complexity(v.items[i], limit);
  return limit;
}

/**
 * A condition's constants, one object each by value and type, as CPython's compiler merges
 * them across all the code objects of one compilation (merge_consts_recursive): `(1, 2) is
 * (1, 2)`, `b'ab' is b'ab'`, `1.0 is 1.0`; a tuple's items are merged first. Ints and strs
 * are JavaScript values, with no identity to share.
 */
export class Constants {
  private readonly folder = new Folder();
  /** The merged objects by _PyCode_ConstantKey: the value with its type, so that 1, 1.0, True and -0.0 stay apart. */
  private readonly byKey = new Map<string, Py>();
  /** A number for each merged object and each str in a tuple, so that a tuple's key is as short as its items are many. */
  private readonly ids = new Map<Py, number>();
  /** Each folded object's merged one: a folded tuple repeats its items' objects (`(t,) * 4`, `a + b`), each merged once. */
  private readonly merged = new Map<Py, Py>();

  /** The constant CPython folds e into, merged, if it is an object with an identity (float, complex, tuple, bytes). */
  folded(e: Expr): Py | undefined {
    const v = this.folder.value(e);
    return v instanceof PyFloat || v instanceof PyComplex || v instanceof PyTuple || v instanceof PyBytes ? this.merge(v) : undefined;
  }

  /**
   * Whether e is a constant after CPython's AST optimizer, as a member of a set display of
   * constants, which CPython compiles to a frozenset constant, must be. Not Ellipsis, nor a
   * tuple holding it: it hashes by its address, so no such set is in any order of CPython's.
   */
  folds(e: Expr): boolean {
    return this.folder.constant(e) && !holdsEllipsis(this.folder.value(e) as Py);
  }

  /**
   * Once the condition is compiled: a compiled closure may hold the compiler, and with it
   * these tables, as long as the cache keeps the condition; the constants live on in the closures.
   */
  release(): void {
    this.folder.release();
    this.byKey.clear();
    this.ids.clear();
    this.merged.clear();
  }

  /** The one object of v's value among the condition's constants. */
  private merge(v: Py): Py {
    let m = this.merged.get(v);
    if (m === undefined) this.merged.set(v, (m = this.mergeOnce(v)));
    return m;
  }

  private mergeOnce(v: Py): Py {
    // the first of a value is the one: a literal b'' is CPython's shared one, b'ab' * 0 folded a new one
    if (v instanceof PyBytes) return this.one(`y${v.latin1()}`, v);
    // a NaN is equal to nothing, so no key finds it again: each stays its own object
    if (v instanceof PyFloat) return Number.isNaN(v.v) ? v : this.one(`f${numberKey(v.v)}`, v);
    if (v instanceof PyComplex) return Number.isNaN(v.re) || Number.isNaN(v.im) ? v : this.one(`c${numberKey(v.re)},${numberKey(v.im)}`, v);
    if (v instanceof PyTuple) {
      if (v.items.length === 0) return EMPTY_TUPLE;
      const t = new PyTuple(v.items.map((x) => this.merge(x)));
      return this.one(`(${t.items.map((x) => this.key(x)).join(',')})`, t);
    }
    return v;
  }

  private one(k: string, v: Py): Py {
    const known = this.byKey.get(k);
    if (known !== undefined) return known;
    this.byKey.set(k, v);
    this.ids.set(v, this.ids.size);
    return v;
  }

  /** A merged item's key within its tuple's. */
  private key(v: Py): string {
    if (v === null) return 'N';
    if (v === ELLIPSIS) return 'E';
    if (typeof v === 'boolean') return v ? 'T' : 'F';
    if (typeof v === 'number' || typeof v === 'bigint') return `i${v}`;
    let id = this.ids.get(v);
    if (id === undefined) this.ids.set(v, (id = this.ids.size));
    return `${typeof v === 'string' ? 's' : 'o'}${id}`;
  }
}

const holdsEllipsis = (v: Py): boolean => v === ELLIPSIS || (v instanceof PyTuple && v.items.some(holdsEllipsis));

const numberKey = (x: number): string => (Object.is(x, -0) ? '-0' : String(x));
