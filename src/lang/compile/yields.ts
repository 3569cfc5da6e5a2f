import type { Node } from '../ast.js';
import { walkScope } from './scope.js';

/** Whether the nodes yield in their own function (not in a def, class or lambda inside): a def whose body does is a generator function. */
export function yieldsIn(nodes: readonly Node[]): boolean {
  let found = false;
  walkScope(nodes, (n) => {
    if (n.k === 'Yield' || n.k === 'YieldFrom') found = true;
  });
  return found;
}
