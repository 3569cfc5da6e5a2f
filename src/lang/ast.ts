/** The syntax tree of a condition. Every node has its source range [s, e). */
import type { PyFloat } from './runtime/values.js';

interface At {
  s: number;
  e: number;
}

export type Expr =
  | (At & { k: 'Const'; v: string | number | boolean | null | PyFloat })
  | (At & { k: 'FString'; parts: (string | FormattedValue)[] })
  | (At & { k: 'Name'; id: string })
  | (At & { k: 'List' | 'Tuple' | 'Set'; elts: Expr[] })
  | (At & { k: 'Dict'; keys: (Expr | null)[]; values: Expr[] })
  | (At & { k: 'ListComp' | 'SetComp' | 'GenExp'; elt: Expr; gens: Comprehension[] })
  | (At & { k: 'DictComp'; key: Expr; value: Expr; gens: Comprehension[] })
  | (At & { k: 'Lambda'; params: Param[]; body: Expr })
  | (At & { k: 'IfExp'; test: Expr; body: Expr; orelse: Expr })
  | (At & { k: 'BoolOp'; op: 'and' | 'or'; values: Expr[] })
  | (At & { k: 'Not'; operand: Expr })
  | (At & { k: 'Unary'; op: '-' | '+' | '~'; operand: Expr })
  | (At & { k: 'BinOp'; op: string; left: Expr; right: Expr })
  | (At & { k: 'Compare'; left: Expr; ops: string[]; comparators: Expr[] })
  | (At & { k: 'Call'; func: Expr; args: Expr[]; keywords: Keyword[] })
  | (At & { k: 'Attribute'; value: Expr; attr: string })
  | (At & { k: 'Subscript'; value: Expr; index: Expr })
  | (At & { k: 'Slice'; lower: Expr | null; upper: Expr | null; step: Expr | null })
  | (At & { k: 'Starred'; value: Expr });

export interface FormattedValue extends At {
  value: Expr;
  conversion: '' | 'r' | 's' | 'a';
  /** The format spec, itself an f-string (it may hold {fields}). */
  spec: (string | FormattedValue)[];
  /** The text of `{expr=}`, printed before the value. */
  selfDoc: string;
}

export interface Comprehension {
  target: Expr;
  iter: Expr;
  ifs: Expr[];
}

export interface Param {
  name: string;
  default: Expr | null;
  /** `*args` or `**kwargs`. */
  star: '' | '*' | '**';
}

export interface Keyword extends At {
  /** null for `**mapping`. */
  name: string | null;
  value: Expr;
}

export interface Handler extends At {
  types: Expr | null;
  name: string | null;
  body: Stmt[];
}

export type Stmt =
  | (At & { k: 'Expr'; value: Expr })
  | (At & { k: 'Assign'; targets: Expr[]; value: Expr })
  | (At & { k: 'AugAssign'; target: Expr; op: string; value: Expr })
  | (At & { k: 'If'; test: Expr; body: Stmt[]; orelse: Stmt[] })
  | (At & { k: 'For'; target: Expr; iter: Expr; body: Stmt[]; orelse: Stmt[] })
  | (At & { k: 'While'; test: Expr; body: Stmt[]; orelse: Stmt[] })
  | (At & { k: 'Break' | 'Continue' | 'Pass' })
  | (At & { k: 'Return'; value: Expr | null })
  | (At & { k: 'Del'; targets: Expr[] })
  | (At & { k: 'Try'; body: Stmt[]; handlers: Handler[]; orelse: Stmt[]; finalbody: Stmt[] })
  | (At & { k: 'Import'; names: { module: string; as: string }[] })
  | (At & { k: 'ImportFrom'; module: string; names: { name: string; as: string; s: number; e: number }[] })
  | (At & { k: 'Global'; names: string[] })
  | (At & { k: 'Raise'; exc: Expr | null })
  | (At & { k: 'Assert'; test: Expr; msg: Expr | null });

export type ExprOf<K extends Expr['k']> = Extract<Expr, { k: K }>;
export type StmtOf<K extends Stmt['k']> = Extract<Stmt, { k: K }>;

/** Calls visit on every node below `node` (statements, expressions, handlers, comprehensions, params); constants' values are not entered. */
export function walk(node: unknown, visit: (n: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) for (const x of node) walk(x, visit);
  else if (node !== null && typeof node === 'object') {
    const n = node as Record<string, unknown>;
    visit(n);
    for (const key in n) if (key !== 'v') walk(n[key], visit);
  }
}

/** The names an assignment target binds: x, (a, b), [first, *rest]; subscripts and attributes bind none. */
export function boundNames(t: Expr, out: string[] = []): string[] {
  if (t.k === 'Name') out.push(t.id);
  else if (t.k === 'Tuple' || t.k === 'List') for (const e of t.elts) boundNames(e, out);
  else if (t.k === 'Starred') boundNames(t.value, out);
  return out;
}
