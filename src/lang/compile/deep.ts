import { forEachChild, type Expr, type Node } from '../ast.js';

/** Nodes along the tallest path between two compiled ahead: each compile of one recurses no deeper than this. */
const SPACING = 50;

/** Kinds whose closure expr() makes alone, whatever their parent: a starred item or a slice is compiled by its parent's own route. */
const AHEAD = new Set(['BinOp', 'Unary', 'Not', 'BoolOp', 'Compare', 'IfExp', 'Attribute', 'Call', 'Subscript', 'List', 'Tuple', 'Set', 'Dict']);

/** A lambda or comprehension compiles its body in a scope of its own: the walk stops there. */
const SCOPES = new Set(['Lambda', 'ListComp', 'SetComp', 'DictComp', 'GenExp']);

/**
 * The nodes of e to compile first, bottom up, so that compiling e recurses no deeper than a few
 * SPACINGs: every SPACING-th along its tallest path. CPython compiles a chain of 2,997 calls,
 * subscripts or operators (parse/nesting.ts), where recursion through the compiler's closures
 * would pass V8's stack. None when e holds a yield: a generator's yields are numbered in the
 * order they compile.
 */
export function compileFirst(e: Expr): Expr[] {
  const height = new Map<Node, number>();
  const parent = new Map<Node, Node>();
  // post-order with a stack: a node is seen twice, its height known the second time
  const stack: Node[] = [e];
  const entered = new Set<Node>();
  while (stack.length > 0) {
    const n = stack[stack.length - 1];
    if (n.k === 'Yield' || n.k === 'YieldFrom') return [];
    if (!entered.has(n) && !SCOPES.has(n.k)) {
      entered.add(n);
      forEachChild(n, (c) => {
        parent.set(c, n);
        stack.push(c);
      });
      continue;
    }
    stack.pop();
    let h = 0;
    if (!SCOPES.has(n.k)) forEachChild(n, (c) => (h = Math.max(h, height.get(c)!)));
    height.set(n, h + 1);
  }
  const path: Node[] = [];
  for (let n: Node | undefined = e; n !== undefined; ) {
    path.push(n);
    let next: Node | undefined;
    if (!SCOPES.has(n.k)) forEachChild(n, (c) => (next = next === undefined || height.get(c)! > height.get(next)! ? c : next));
    n = next;
  }
  const first: Expr[] = [];
  let since = 0;
  for (let i = path.length - 1; i > 0; i--) {
    const n = path[i];
    const up = parent.get(n)!;
    // a method call compiles its object, not the attribute
    const skipped = up.k === 'Call' && up.func === n && n.k === 'Attribute';
    if (++since >= SPACING && AHEAD.has(n.k) && !skipped) {
      first.push(n as Expr);
      since = 0;
    }
  }
  return first;
}
