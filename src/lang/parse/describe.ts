import type { Expr } from '../ast.js';

/** How CPython names an expression in "cannot assign to ..." and friends. */
export function describeExpr(e: Expr): string {
  switch (e.k) {
    case 'Const':
      return e.v === null || typeof e.v === 'boolean' ? String(e.v === null ? 'None' : e.v ? 'True' : 'False') : 'literal';
    case 'Call':
      return 'function call';
    case 'BinOp':
    case 'Unary':
      return 'expression';
    case 'Compare':
      return 'comparison';
    case 'BoolOp':
    case 'Not':
      return 'expression';
    case 'Lambda':
      return 'lambda';
    case 'IfExp':
      return 'conditional expression';
    case 'FString':
      return 'f-string expression';
    case 'Dict':
      return 'dict literal';
    case 'Set':
      return 'set display';
    case 'ListComp':
      return 'list comprehension';
    case 'GenExp':
      return 'generator expression';
    case 'Yield':
    case 'YieldFrom':
      return 'yield expression';
    default:
      return e.k.toLowerCase();
  }
}
