/** The syntax tree of a condition. Every node has its source range [s, e). */
import type { PyBytes, PyComplex, PyEllipsis, PyFloat } from './runtime/values.js';

interface At {
  s: number;
  e: number;
}

export type Expr =
  | (At & { k: 'Const'; v: string | number | bigint | boolean | null | PyFloat | PyComplex | PyEllipsis | PyBytes })
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
  | (At & { k: 'Starred'; value: Expr })
  | (At & { k: 'NamedExpr'; target: ExprOf<'Name'>; value: Expr })
  | (At & { k: 'Yield'; value: Expr | null })
  | (At & { k: 'YieldFrom'; value: Expr });

export interface FormattedValue extends At {
  k: 'FormattedValue';
  value: Expr;
  conversion: '' | 'r' | 's' | 'a';
  /** The format spec, itself an f-string (it may hold {fields}). */
  spec: (string | FormattedValue)[];
  /** The text of `{expr=}`, printed before the value. */
  selfDoc: string;
}

export interface Comprehension {
  k: 'Comprehension';
  target: Expr;
  iter: Expr;
  ifs: Expr[];
}

export interface Param {
  k: 'Param';
  name: string;
  default: Expr | null;
  /** `*args` or `**kwargs`. */
  star: '' | '*' | '**';
  /** A def's `x: T`: its annotation is the def's next in `annotations` (functools.singledispatch reads them). */
  annotated?: true;
  /** Before a `/`: positional-only. */
  posOnly?: true;
}

export interface Keyword extends At {
  k: 'Keyword';
  /** null for `**mapping`. */
  name: string | null;
  value: Expr;
}

export interface Handler extends At {
  k: 'Handler';
  types: Expr | null;
  name: string | null;
  body: Stmt[];
  /** `except*`: the clause takes the part of an exception group its types match. */
  star?: true;
}

/** `import module as name`. */
export interface ImportName {
  k: 'ImportName';
  module: string;
  as: string;
}

/** `from module import name as other`. */
export interface ImportFromName extends At {
  k: 'ImportFromName';
  name: string;
  as: string;
}

/** A `case` pattern (PEP 634): what it matches and the names it binds. */
export type Pattern =
  | (At & { k: 'MatchValue'; value: Expr })
  | (At & { k: 'MatchSingleton'; value: boolean | null })
  | (At & { k: 'MatchSequence'; patterns: Pattern[] })
  | (At & { k: 'MatchStar'; name: string | null })
  | (At & { k: 'MatchMapping'; keys: Expr[]; patterns: Pattern[]; rest: string | null })
  | (At & { k: 'MatchClass'; cls: Expr; patterns: Pattern[]; kwdAttrs: string[]; kwdPatterns: Pattern[] })
  | (At & { k: 'MatchAs'; pattern: Pattern | null; name: string | null })
  | (At & { k: 'MatchOr'; patterns: Pattern[] });

/** One `context [as target]` of a `with` statement. */
export interface WithItem extends At {
  k: 'WithItem';
  context: Expr;
  target: Expr | null;
}

export interface MatchCase extends At {
  k: 'MatchCase';
  pattern: Pattern;
  guard: Expr | null;
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
  | (At & { k: 'Import'; names: ImportName[] })
  | (At & { k: 'ImportFrom'; module: string; names: ImportFromName[] })
  | (At & { k: 'Global' | 'Nonlocal'; names: string[] })
  | (At & { k: 'Raise'; exc: Expr | null; cause: Expr | null })
  | (At & { k: 'FunctionDef'; name: string; params: Param[]; annotations: Expr[]; body: Stmt[]; decorators: Expr[] })
  | (At & { k: 'AnnAssign'; target: Expr; annotation: Expr; value: Expr | null })
  | (At & { k: 'Match'; subject: Expr; cases: MatchCase[] })
  | (At & { k: 'ClassDef'; name: string; bases: Expr[]; keywords: Keyword[]; body: Stmt[]; decorators: Expr[] })
  | (At & { k: 'With'; items: WithItem[]; body: Stmt[] })
  | (At & { k: 'Assert'; test: Expr; msg: Expr | null });

export type ExprOf<K extends Expr['k']> = Extract<Expr, { k: K }>;
export type StmtOf<K extends Stmt['k']> = Extract<Stmt, { k: K }>;
export type PatternOf<K extends Pattern['k']> = Extract<Pattern, { k: K }>;

/** The names a pattern binds, in the order they appear. */
export function patternNames(p: Pattern, out: string[] = []): string[] {
  walk([p], (n) => {
    if ((n.k === 'MatchAs' || n.k === 'MatchStar') && n.name !== null) out.push(n.name);
    else if (n.k === 'MatchMapping' && n.rest !== null) out.push(n.rest);
  });
  return out;
}

/** Every node of the tree, told apart by its kind `k`. */
export type Node = Expr | Stmt | FormattedValue | Comprehension | Param | Keyword | Handler | ImportName | ImportFromName | Pattern | MatchCase | WithItem;

/** The node of kind K (some members share one shape between several kinds, as List, Tuple and Set). */
type NodeOf<K extends Node['k']> = Node extends infer N ? (N extends { k: infer NK } ? (K extends NK ? N : never) : never) : never;

/** Whether a field of this type can hold a node (alone, in a list, or beside strings or null). */
type Holds<V> = V extends Node ? true : V extends readonly (infer X)[] ? Holds<X> : false;

/** Exactly the fields of N that can hold a node: the type checker wants each one listed, and no other. */
type ChildFields<N> = { [F in keyof N as true extends Holds<N[F]> ? F : never]-?: true };

/**
 * The fields holding the children of each kind of node. Complete by construction: a new
 * kind, or a new field that holds nodes, does not type-check until it is listed here, so
 * no walk can silently skip it.
 */
const CHILDREN: { [K in Node['k']]: ChildFields<NodeOf<K>> } = {
  Const: {},
  FString: { parts: true },
  Name: {},
  List: { elts: true },
  Tuple: { elts: true },
  Set: { elts: true },
  Dict: { keys: true, values: true },
  ListComp: { elt: true, gens: true },
  SetComp: { elt: true, gens: true },
  GenExp: { elt: true, gens: true },
  DictComp: { key: true, value: true, gens: true },
  Lambda: { params: true, body: true },
  IfExp: { test: true, body: true, orelse: true },
  BoolOp: { values: true },
  Not: { operand: true },
  Unary: { operand: true },
  BinOp: { left: true, right: true },
  Compare: { left: true, comparators: true },
  Call: { func: true, args: true, keywords: true },
  Attribute: { value: true },
  Subscript: { value: true, index: true },
  Slice: { lower: true, upper: true, step: true },
  Starred: { value: true },
  NamedExpr: { target: true, value: true },
  Yield: { value: true },
  YieldFrom: { value: true },
  FormattedValue: { value: true, spec: true },
  Comprehension: { target: true, iter: true, ifs: true },
  Param: { default: true },
  Keyword: { value: true },
  Handler: { types: true, body: true },
  ImportName: {},
  ImportFromName: {},
  Expr: { value: true },
  Assign: { targets: true, value: true },
  AugAssign: { target: true, value: true },
  If: { test: true, body: true, orelse: true },
  For: { target: true, iter: true, body: true, orelse: true },
  While: { test: true, body: true, orelse: true },
  Break: {},
  Continue: {},
  Pass: {},
  Return: { value: true },
  Del: { targets: true },
  Try: { body: true, handlers: true, orelse: true, finalbody: true },
  Import: { names: true },
  ImportFrom: { names: true },
  Global: {},
  Nonlocal: {},
  Raise: { exc: true, cause: true },
  FunctionDef: { params: true, annotations: true, body: true, decorators: true },
  AnnAssign: { target: true, annotation: true, value: true },
  Match: { subject: true, cases: true },
  ClassDef: { bases: true, keywords: true, body: true, decorators: true },
  With: { items: true, body: true },
  WithItem: { context: true, target: true },
  MatchCase: { pattern: true, guard: true, body: true },
  MatchValue: { value: true },
  MatchSingleton: {},
  MatchSequence: { patterns: true },
  MatchStar: {},
  MatchMapping: { keys: true, patterns: true },
  MatchClass: { cls: true, patterns: true, kwdPatterns: true },
  MatchAs: { pattern: true },
  MatchOr: { patterns: true },
  Assert: { test: true, msg: true },
};

const FIELDS = new Map(Object.entries(CHILDREN).map(([k, fields]) => [k, Object.keys(fields)]));

/** Calls visit on each child of a node, in the order of the table above (f-string text parts and `**` dict keys are not nodes). */
export function forEachChild(node: Node, visit: (child: Node) => void): void {
  const n = node as unknown as Record<string, Node | null | (Node | string | null)[]>;
  for (const field of FIELDS.get(node.k)!) {
    const v = n[field];
    if (Array.isArray(v)) {
      for (const x of v) if (x !== null && typeof x !== 'string') visit(x);
    } else if (v !== null) visit(v);
  }
}

/** Calls visit on every node of the trees given, each before its children, in source order. */
export function walk(nodes: readonly Node[], visit: (n: Node) => void): void {
  // a stack rather than recursion: a chain of a few thousand operators is as deep
  const stack = nodes.slice().reverse();
  const children: Node[] = [];
  const push = (c: Node) => children.push(c);
  while (stack.length > 0) {
    const n = stack.pop()!;
    visit(n);
    forEachChild(n, push);
    while (children.length > 0) stack.push(children.pop()!);
  }
}

/** Whether every node of the tree satisfies test: a walk that stops at the first that does not. */
export function every(node: Node, test: (n: Node) => boolean): boolean {
  const stack: Node[] = [node];
  const push = (c: Node) => stack.push(c);
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (!test(n)) return false;
    forEachChild(n, push);
  }
  return true;
}

/** The name nodes an assignment target binds: x, (a, b), [first, *rest]; subscripts and attributes bind none. */
export function targetNames(t: Expr, out: ExprOf<'Name'>[] = []): ExprOf<'Name'>[] {
  if (t.k === 'Name') out.push(t);
  else if (t.k === 'Tuple' || t.k === 'List') for (const e of t.elts) targetNames(e, out);
  else if (t.k === 'Starred') targetNames(t.value, out);
  return out;
}

/** The names an assignment target binds. */
export const boundNames = (t: Expr): string[] => targetNames(t).map((n) => n.id);
