import { forEachChild, type Node } from '../ast.js';
import { walkScope } from './scope.js';

/** Whether the nodes yield in their own function (not in a def, class or lambda inside): a def whose body does is a generator function. */
export function yieldsIn(nodes: readonly Node[]): boolean {
  let found = false;
  walkScope(nodes, (n) => {
    if (n.k === 'Yield' || n.k === 'YieldFrom') found = true;
  });
  return found;
}

/**
 * Every node of a generator's body that holds one of its yields, in one pass: the
 * generator route asks it of each statement at each level of nesting, which walks of each
 * subtree would make quadratic in the depth. A stack rather than recursion, as ast.ts's walk.
 */
export function yieldingNodes(body: readonly Node[]): Set<Node> {
  const parents = new Map<Node, Node>();
  const order: Node[] = [];
  const stack = body.slice();
  while (stack.length > 0) {
    const n = stack.pop()!;
    order.push(n);
    // a def's, class's or lambda's body is its own function; the rest of it (defaults, decorators, bases) is evaluated here
    const own = n.k === 'FunctionDef' || n.k === 'ClassDef' ? new Set<Node>(n.body) : n.k === 'Lambda' ? new Set<Node>([n.body]) : null;
    forEachChild(n, (c) => {
      if (own?.has(c)) return;
      parents.set(c, n);
      stack.push(c);
    });
  }
  const found = new Set<Node>();
  for (const n of order) {
    if (n.k !== 'Yield' && n.k !== 'YieldFrom') continue;
    for (let p: Node | undefined = n; p !== undefined && !found.has(p); p = parents.get(p)) found.add(p);
  }
  return found;
}
