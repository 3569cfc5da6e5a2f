import { every, type Expr, type Node } from '../ast.js';
import { ELLIPSIS, PySet, type Py } from '../runtime/values.js';

/**
 * A frozenset constant as CPython 3.11's compiler makes it: the members added in order,
 * then (merge_consts_recursive) added again, in the first set's order, into a second set,
 * and once more (intern_string_constants) if interning replaced one of its strings.
 */
export function frozenConstant(members: Py[]): PySet {
  let set = new PySet();
  for (const x of members) set.add(x);
  for (let rebuilds = members.some(reinterned) ? 2 : 1; rebuilds > 0; rebuilds--) {
    const again = new PySet();
    for (const x of set.values()) again.add(x);
    set = again;
  }
  return set;
}

/**
 * Whether interning replaces this string constant by another object: an identifier-like
 * string of two or more characters always (the literal is a new object); of one character,
 * only those that the deep-frozen startup modules of CPython 3.11 interned first as their
 * own objects rather than as the one-character singletons (measured one by one).
 */
const reinterned = (v: Py): boolean => typeof v === 'string' && /^[A-Za-z0-9_]+$/.test(v) && (v.length > 1 || 'abcdefhijklmnopqrstvwxyBCLST_'.includes(v));

/**
 * Whether CPython 3.11's AST optimizer (Python/ast_opt.c) folds e to a constant: literals,
 * and unary and binary operators, tuples and indexes of constants. (It leaves `str % x`
 * alone, and folding fails quietly on an error, which then raises at run time either way.)
 * It folds a node when its children fold: e folds when every node of it does.
 */
export const folds = (e: Expr): boolean => every(e, foldsHere);

/** Whether a node folds once its children do: its own kind and operator decide. */
function foldsHere(n: Node): boolean {
  switch (n.k) {
    case 'Const':
      // Ellipsis hashes by its address: no constant set holds it in any order of CPython's
      return n.v !== ELLIPSIS;
    case 'Not':
    case 'Unary':
    case 'Tuple':
      return true;
    case 'BinOp':
      return n.op !== '@' && !(n.op === '%' && n.left.k === 'Const' && typeof n.left.v === 'string') && !tooBigToFold(n);
    case 'Subscript':
      // fold_subscr wants a constant index: a slice is a Slice node, not folded
      return n.index.k !== 'Slice';
    default:
      return false;
  }
}

/** ast_opt.c's MAX_INT_SIZE: it folds no *, ** or << of ints whose result may pass 128 bits. */
const MAX_INT_SIZE = 128n;

function tooBigToFold(e: Expr & { k: 'BinOp' }): boolean {
  if (e.op !== '*' && e.op !== '**' && e.op !== '<<') return false;
  const v = intConstant(e.left);
  const w = intConstant(e.right);
  if (v === undefined || w === undefined || v === 0n) return false;
  const bits = (n: bigint): bigint => BigInt((n < 0n ? -n : n).toString(2).length);
  // safe_multiply, safe_power, safe_lshift
  if (e.op === '*') return w !== 0n && bits(v) + bits(w) > MAX_INT_SIZE;
  if (e.op === '**') return w > 0n && bits(v) * w > MAX_INT_SIZE;
  return w !== 0n && (w > MAX_INT_SIZE || bits(v) > MAX_INT_SIZE - w);
}

/** intConstant's answers by node (null: none), so that a chain of n operators is read once, not 2**n times. */
const intConstants = new WeakMap<Expr, bigint | null>();

/**
 * The value of a constant int expression as ast_opt.c folds it, or undefined (not an int,
 * not folded, or an error left for run time). Folding keeps ints within MAX_INT_SIZE
 * bits but for + and -, so this stays small.
 */
function intConstant(e: Expr): bigint | undefined {
  let v = intConstants.get(e);
  if (v === undefined) intConstants.set(e, (v = foldInt(e) ?? null));
  return v ?? undefined;
}

function foldInt(e: Expr): bigint | undefined {
  switch (e.k) {
    case 'Const':
      return typeof e.v === 'number' || typeof e.v === 'bigint' ? BigInt(e.v) : undefined;
    case 'Unary': {
      const v = intConstant(e.operand);
      return v === undefined ? undefined : e.op === '-' ? -v : e.op === '~' ? ~v : v;
    }
    case 'BinOp': {
      if (tooBigToFold(e)) return undefined;
      const v = intConstant(e.left);
      const w = intConstant(e.right);
      if (v === undefined || w === undefined) return undefined;
      switch (e.op) {
        case '+': return v + w;
        case '-': return v - w;
        case '*': return v * w;
        case '**': return w >= 0n ? v ** w : undefined;
        case '<<': return w >= 0n ? v << w : undefined;
        // a shift past the value's bits leaves its sign (a BigInt shift by 2**30 or more throws)
        case '>>': return w < 0n ? undefined : w > 4096n ? (v < 0n ? -1n : 0n) : v >> w;
        case '&': return v & w;
        case '|': return v | w;
        case '^': return v ^ w;
        case '//': return w === 0n ? undefined : v / w - (v % w !== 0n && v < 0n !== w < 0n ? 1n : 0n);
        case '%': return w === 0n ? undefined : ((v % w) + w) % w;
        default: return undefined;
      }
    }
    default:
      return undefined;
  }
}
