import { forEachChild, type Node, type Stmt } from '../ast.js';
import { ConditionError } from '../errors.js';

/**
 * CPython 3.11's AST optimizer and symbol table count every statement, expression and pattern
 * on the way down from the module, and raise RecursionError past the recursion limit times
 * COMPILER_STACK_FRAME_SCALE: 1,000 × 3 in the original's `python3 -c`, where no frame lies
 * below the compile. The envelope's def is the first of them.
 */
const MAX_COMPILE_DEPTH = 3000;

/** CPython's CO_MAXBLOCKS: blocks (loops, try, with) one code object may nest. */
const CO_MAXBLOCKS = 20;

/** The nodes that are no statement, expression or pattern of CPython's AST, which its passes walk through without counting. */
const UNCOUNTED = new Set(['Comprehension', 'Param', 'Keyword', 'Handler', 'ImportName', 'ImportFromName', 'WithItem', 'MatchCase']);

/**
 * The two limits of CPython's compiler on nesting, checked after parsing as CPython checks them
 * after its parser: the depth of the tree first (its optimizer runs before the compiler), then
 * the blocks of each code object. One walk with a stack, not recursion: the tree may be a chain
 * of thousands of operators.
 */
export function checkNesting(tree: readonly Stmt[], source: string): void {
  // each node with the depth of its parent: the envelope's def for the condition's statements
  const nodes: Node[] = tree.slice().reverse();
  const depths: number[] = nodes.map(() => 1);
  let depth = 0;
  const push = (c: Node) => {
    nodes.push(c);
    depths.push(depth);
  };
  while (nodes.length > 0) {
    const n = nodes.pop()!;
    depth = depths.pop()!;
    if (!UNCOUNTED.has(n.k) && ++depth > MAX_COMPILE_DEPTH) {
      const at = n as Node & { s: number; e: number };
      throw new ConditionError('RecursionError', 'maximum recursion depth exceeded during compilation', source, at.s, at.e);
    }
    forEachChild(n, push);
  }
  checkBlocks(tree, 0, source);
}

/**
 * compile.c's compiler_push_fblock: a loop's body is one block deeper, a with's one per item, a
 * try's body one (two with both except and finally), a handler's two more (EXCEPTION_HANDLER,
 * HANDLER_CLEANUP), a finally one; the 21st is refused where the statement (for a handler's, the
 * handler) stands. Only statements hold blocks; a def or class starts its own count, as does
 * a lambda or comprehension (CPython 3.11 makes each its own code object, and neither holds one).
 */
function checkBlocks(body: readonly Stmt[], blocks: number, source: string): void {
  // nested statements are at most a hundred deep (the tokenizer's MAXINDENT): recursion is safe
  const refuse = (at: { s: number; e: number }) => new ConditionError('SyntaxError', 'too many statically nested blocks', source, at.s, at.e);
  for (const s of body) {
    switch (s.k) {
      case 'For':
      case 'While':
        if (blocks + 1 > CO_MAXBLOCKS) throw refuse(s);
        checkBlocks(s.body, blocks + 1, source);
        checkBlocks(s.orelse, blocks, source);
        break;
      case 'With':
        if (blocks + s.items.length > CO_MAXBLOCKS) throw refuse(s);
        checkBlocks(s.body, blocks + s.items.length, source);
        break;
      case 'If':
        checkBlocks(s.body, blocks, source);
        checkBlocks(s.orelse, blocks, source);
        break;
      case 'Match':
        for (const c of s.cases) checkBlocks(c.body, blocks, source);
        break;
      case 'Try': {
        const outer = s.finalbody.length > 0 ? blocks + 1 : blocks;
        const inner = s.handlers.length > 0 ? outer + 1 : outer;
        if (inner > CO_MAXBLOCKS) throw refuse(s);
        // in the order CPython compiles them: the body, the else, the handlers, the finally
        checkBlocks(s.body, inner, source);
        checkBlocks(s.orelse, outer, source);
        for (const h of s.handlers) {
          if (outer + 2 > CO_MAXBLOCKS) throw refuse(h);
          checkBlocks(h.body, outer + 2, source);
        }
        // CPython compiles a finally twice, for the normal path and (one block deeper) for an
        // exception's: walked once, at the deeper; twice would double at each nested finally
        checkBlocks(s.finalbody, blocks + 1, source);
        break;
      }
      case 'FunctionDef':
      case 'ClassDef':
        checkBlocks(s.body, 0, source);
        break;
    }
  }
}
