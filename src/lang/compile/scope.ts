import { boundNames, forEachChild, patternNames, targetNames, walk, type Expr, type Node, type Stmt, type StmtOf } from '../ast.js';
import { ConditionError } from '../errors.js';
import { BUILTINS } from '../runtime/builtins.js';
import { EXCEPTION_TYPES } from '../runtime/exceptions.js';
import type { Py } from '../runtime/values.js';
import type { Envelope } from './envelope.js';

/** Where a name lives, decided at compile time. */
export type Place = { at: 'local'; depth: number; slot: number } | { at: 'global'; slot: number } | { at: 'builtin'; value: Py } | { at: 'missing' };

export class Scope {
  readonly slots = new Map<string, number>();
  readonly declaredGlobal = new Set<string>();
  /** How many scopes enclose this one: a local found this many scopes up is the envelope's. */
  readonly level: number;
  /** CPython's __qualname__ prefix of what is defined here: envelope, envelope.<locals>.f, ... */
  readonly qualname: string;
  /** A class body's scope: its names are the class's attributes, which its methods do not see. */
  isClass = false;
  /** A function's positional parameters (co_argcount; a comprehension's is its iterator's): where super() looks for its second argument. */
  argCount = 0;
  /** A comprehension's or generator expression's: its one argument is the iterator of its first iterable. */
  isComprehension = false;
  /** A function's own nodes (a def's body, a lambda's, the envelope's), its parameters (the first slots) and the envelope's first locals: what locals() reads (locals.ts). */
  nodes: readonly Node[] | null = null;
  params: readonly string[] = [];
  prologue: readonly string[] = [];
  constructor(readonly parent: Scope | null, readonly globals: Map<string, number>, qualname?: string) {
    this.level = parent === null ? 0 : parent.level + 1;
    this.qualname = qualname ?? parent?.qualname ?? 'envelope';
  }

  local(name: string): number {
    let slot = this.slots.get(name);
    if (slot === undefined) this.slots.set(name, (slot = this.slots.size));
    return slot;
  }

  resolve(name: string): Place {
    if (!this.declaredGlobal.has(name)) {
      let depth = 0;
      for (let s: Scope | null = this; s !== null; s = s.parent, depth++) {
        if (s.declaredGlobal.has(name)) break;
        if (s.isClass && s !== this) continue;
        const slot = s.slots.get(name);
        if (slot !== undefined) return { at: 'local', depth, slot };
      }
    }
    const slot = this.globals.get(name);
    if (slot !== undefined) return { at: 'global', slot };
    const value = BUILTINS.get(name) ?? EXCEPTION_TYPES.get(name);
    return value === undefined ? { at: 'missing' } : { at: 'builtin', value };
  }
}

/**
 * A walk of the nodes that belong to one function's scope: a def's decorators, defaults and
 * annotations but not its body, a lambda's defaults but not its body; comprehensions are
 * walked whole, since a walrus in one binds in the function around it (PEP 572).
 */
export function walkScope(nodes: readonly Node[], visit: (n: Node) => void, skipMore?: (n: Node, skip: (x: Node) => void) => void): void {
  const skip = new Set<Node>();
  const skipOne = (x: Node) => void skip.add(x);
  walk(nodes, (n) => {
    if (skip.has(n)) {
      forEachChild(n, (c) => skip.add(c));
      return;
    }
    visit(n);
    if (n.k === 'FunctionDef' || n.k === 'ClassDef') n.body.forEach((b) => skip.add(b));
    else if (n.k === 'Lambda') skip.add(n.body);
    else skipMore?.(n, skipOne);
  });
}

/** `global x` anywhere adds x to the module's names. */
function collectGlobals(body: Stmt[], globals: Map<string, number>): void {
  walk(body, (n) => {
    if (n.k === 'Global') for (const name of n.names) if (!globals.has(name)) globals.set(name, globals.size);
  });
}

/**
 * CPython's checks of `global x` and `nonlocal x` (symtable.c): x must not be used or
 * assigned earlier in the function's own scope, which for the envelope assigns its locals
 * (log, text) in its first lines, and must not be a parameter. Lambda and def bodies and
 * comprehensions (but for the first iterable) are scopes of their own; lambda defaults are
 * not. An import does not count, as in CPython.
 */
function checkDeclarations(body: Stmt[], assignedFirst: readonly string[], params: readonly string[], source: string): void {
  const used = new Set<string>();
  const assigned = new Set<string>(assignedFirst);
  const stores = new Set<Node>();
  const inner = new Set<Node>();
  const store = (t: Expr) => targetNames(t).forEach((n) => stores.add(n));
  walk(body, (n) => {
    if (inner.has(n)) {
      forEachChild(n, (c) => inner.add(c));
      return;
    }
    switch (n.k) {
      case 'Name':
        (stores.has(n) ? assigned : used).add(n.id);
        break;
      case 'Assign':
      case 'Del':
        n.targets.forEach(store);
        break;
      case 'AugAssign':
      case 'AnnAssign':
      case 'For':
        store(n.target);
        break;
      case 'WithItem':
        if (n.target !== null) store(n.target);
        break;
      case 'NamedExpr':
        stores.add(n.target);
        break;
      case 'Handler':
        if (n.name !== null) assigned.add(n.name);
        break;
      case 'FunctionDef':
      case 'ClassDef':
        assigned.add(n.name);
        n.body.forEach((b) => inner.add(b));
        break;
      case 'MatchCase':
        patternNames(n.pattern).forEach((name) => assigned.add(name));
        break;
      case 'Lambda':
        inner.add(n.body);
        break;
      case 'ListComp':
      case 'SetComp':
      case 'GenExp':
      case 'DictComp':
        if (n.k === 'DictComp') inner.add(n.key).add(n.value);
        else inner.add(n.elt);
        n.gens.forEach((g, i) => (i === 0 ? [g.target, ...g.ifs] : [g]).forEach((x) => inner.add(x)));
        break;
      case 'Global':
      case 'Nonlocal': {
        const what = n.k === 'Global' ? 'global' : 'nonlocal';
        for (const name of n.names) {
          if (params.includes(name)) throw new ConditionError('SyntaxError', `name '${name}' is parameter and ${what}`, source, n.s, n.e);
          // a use wins over an assignment, as in CPython
          const prior = used.has(name) ? 'is used prior to' : assigned.has(name) ? 'is assigned to before' : null;
          if (prior !== null) throw new ConditionError('SyntaxError', `name '${name}' ${prior} ${what} declaration`, source, n.s, n.e);
        }
        break;
      }
    }
  });
}

/**
 * Python's rule: a name bound anywhere in a function is local to all of it, unless declared
 * global or nonlocal. `nonlocal x` needs x bound in an enclosing function: the envelope is
 * one, the module around it is not.
 */
function declareLocals(body: Stmt[], scope: Scope, source: string): void {
  const nonlocal = new Set<string>();
  walkScope(body, (n) => {
    if (n.k === 'Global') for (const name of n.names) scope.declaredGlobal.add(name);
    else if (n.k === 'Nonlocal') {
      for (const name of n.names) {
        if (scope.declaredGlobal.has(name)) throw new ConditionError('SyntaxError', `name '${name}' is nonlocal and global`, source, n.s, n.e);
        let found = false;
        for (let s = scope.parent; s !== null && !found; s = s.parent) found = s.slots.has(name) && !s.declaredGlobal.has(name);
        if (!found) throw new ConditionError('SyntaxError', `no binding for nonlocal '${name}' found`, source, n.s, n.e);
        nonlocal.add(name);
      }
    }
  });
  const bind = (name: string) => {
    if (!scope.declaredGlobal.has(name) && !nonlocal.has(name)) scope.local(name);
  };
  const bindTarget = (t: Expr): void => boundNames(t).forEach(bind);
  walkScope(body, (n) => {
    switch (n.k) {
      case 'Assign':
      case 'Del':
        n.targets.forEach(bindTarget);
        break;
      case 'AugAssign':
      case 'For':
        bindTarget(n.target);
        break;
      case 'WithItem':
        if (n.target !== null) bindTarget(n.target);
        break;
      case 'AnnAssign':
        if (n.target.k === 'Name' && (scope.declaredGlobal.has(n.target.id) || nonlocal.has(n.target.id))) {
          const what = scope.declaredGlobal.has(n.target.id) ? 'global' : 'nonlocal';
          throw new ConditionError('SyntaxError', `annotated name '${n.target.id}' can't be ${what}`, source, n.target.s, n.target.e);
        }
        // `x: int` alone makes x local too, as in CPython
        bindTarget(n.target);
        break;
      case 'NamedExpr':
        bind(n.target.id);
        break;
      case 'FunctionDef':
      case 'ClassDef':
        bind(n.name);
        break;
      case 'MatchCase':
        patternNames(n.pattern).forEach(bind);
        break;
      case 'ImportName':
      case 'ImportFromName':
        bind(n.as);
        break;
      case 'Handler':
        if (n.name !== null) bind(n.name);
        break;
    }
  });
}

/** A def's scope: its parameters first, in order (the binder fills them so), then what its body binds. */
export function functionScope(def: StmtOf<'FunctionDef'>, parent: Scope, source: string): Scope {
  const names = def.params.map((p) => p.name);
  checkDeclarations(def.body, names, names, source);
  const scope = new Scope(parent, parent.globals, childQualname(parent, def.name));
  for (const name of names) scope.local(name);
  scope.argCount = positionalCount(def.params);
  scope.nodes = def.body;
  scope.params = varnames(def.params);
  declareLocals(def.body, scope, source);
  return scope;
}

/** A function's parameters as co_varnames lists them: the named ones in order, then `*args`, then `**kwargs`. */
export const varnames = (params: readonly { readonly name: string; readonly star: string }[]): string[] =>
  [...params.filter((p) => p.star === ''), ...params.filter((p) => p.star === '*' && p.name !== ''), ...params.filter((p) => p.star === '**')].map((p) => p.name);

/** co_argcount: the parameters before the first star (`*args`, or the bare `*` of keyword-only ones). */
export function positionalCount(params: readonly { readonly star: string }[]): number {
  const star = params.findIndex((p) => p.star !== '');
  return star < 0 ? params.length : star;
}

/** The slot of a class body's scope that holds the class once made, for its methods' super(). */
export const CLASS_CELL = '__class__';
/** A class body's `__annotations__` dict, made before the body runs where it annotates a name (SETUP_ANNOTATIONS). */
export const ANNOTATIONS = '__annotations__';

/** Whether a class body annotates a name of its own (`x: int`), outside its defs and classes, as CPython's find_ann looks. */
function annotatesName(body: Stmt[]): boolean {
  let found = false;
  walkScope(body, (n) => {
    if (n.k === 'AnnAssign' && n.target.k === 'Name') found = true;
  });
  return found;
}

/**
 * The __qualname__ of what is defined in `parent`: a function's (and a lambda's) locals are
 * `<locals>`, a class's or a comprehension's are not (compiler_set_qualname, 3.11).
 */
export function childQualname(parent: Scope, name: string): string {
  return `${parent.qualname}${parent.isClass || parent.isComprehension ? '' : '.<locals>'}.${name}`;
}

/** A class body's scope: the names it binds become the class's attributes. */
export function classScope(def: StmtOf<'ClassDef'>, parent: Scope, source: string): Scope {
  checkDeclarations(def.body, [], [], source);
  const scope = new Scope(parent, parent.globals, childQualname(parent, def.name));
  scope.isClass = true;
  scope.local(CLASS_CELL);
  // the namespace holds it before the body's names, as SETUP_ANNOTATIONS runs first
  if (annotatesName(def.body)) scope.local(ANNOTATIONS);
  declareLocals(def.body, scope, source);
  return scope;
}

/** A lambda's walrus binds in the lambda. */
export function declareLambdaLocals(body: Expr, scope: Scope): void {
  walkScope([body], (n) => {
    if (n.k === 'NamedExpr') scope.local(n.target.id);
  });
}

/**
 * The envelope's scope for a condition: its module-level names (the envelope's first, in
 * order, then any `global x`), and its locals (the envelope's first, in order, then every
 * name the body binds), after CPython's checks of `global`.
 */
export function envelopeScope(body: Stmt[], source: string, envelope: Envelope): Scope {
  const globals = new Map<string, number>();
  for (const name of envelope.globals) globals.set(name, globals.size);
  checkDeclarations(body, envelope.locals, [], source);
  collectGlobals(body, globals);
  const scope = new Scope(null, globals);
  for (const name of envelope.declared) scope.declaredGlobal.add(name);
  for (const name of envelope.locals) scope.local(name);
  scope.nodes = body;
  scope.prologue = envelope.locals;
  declareLocals(body, scope, source);
  return scope;
}
