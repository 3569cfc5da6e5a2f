/**
 * locals(), vars() and dir() without an argument, called by name in a function (the envelope, a
 * def, a lambda): CPython 3.11's frame snapshot. Each call fills the frame's one f_locals dict
 * (the same object each time: a name unbound since is taken out of it, a key the condition added
 * stays) in the order of the code object's co_localsplusnames: the parameters, then the other
 * plain locals in the order the compiler first met them, then the cells (locals an inner scope
 * reads), sorted, then the free names (an enclosing function's, read here or in an inner
 * scope), sorted; `__class__` among these where a method or a function within it names super.
 * A class body's and a comprehension's namespaces are not kept as CPython keeps them: refused.
 */
import { boundNames, forEachChild, patternNames, type Expr, type Node } from '../ast.js';
import { allocEntries, step } from '../runtime/budget.js';
import { fatalErr, UnsupportedError } from '../runtime/exceptions.js';
import { codePointOrder, sortedList } from '../runtime/dir.js';
import { PyDict } from '../runtime/values.js';
import type { Ev, Frame } from './frame.js';
import { CLASS_CELL, walkScope, type Scope } from './scope.js';

/** Where each name of the snapshot is read: a slot this many frames up. */
interface Entry {
  readonly name: string;
  readonly depth: number;
  readonly slot: number;
}

/** The entries of a scope's snapshot, in CPython's order: worked out once a scope. */
const LAYOUTS = new WeakMap<Scope, readonly Entry[]>();

/** The frame's f_locals dict: one per activation, filled again at each call. */
const SNAPSHOTS = new WeakMap<Frame, PyDict>();

/** `locals()` (and `vars()`) with no argument in this scope. */
export function localsCall(scope: Scope): Ev {
  const refused = refusal(scope, 'locals()');
  if (refused !== null) return refused;
  const layout = layoutOf(scope);
  return (f) => snapshot(f, layout);
}

/** `dir()` with no argument: the snapshot's keys, sorted. */
export function dirCall(scope: Scope): Ev {
  const refused = refusal(scope, 'dir()');
  if (refused !== null) return refused;
  const layout = layoutOf(scope);
  return (f) => sortedList(snapshot(f, layout).keyList());
}

function refusal(scope: Scope, what: string): Ev | null {
  if (!scope.isClass && !scope.isComprehension && scope.nodes !== null) return null;
  const where = scope.isClass ? 'a class body' : scope.isComprehension ? 'a comprehension' : 'this scope';
  return () => {
    throw fatalErr(UnsupportedError, `${what} in ${where} is not available in conditions: its namespace is not kept as CPython keeps it`);
  };
}

function snapshot(f: Frame, layout: readonly Entry[]): PyDict {
  step();
  allocEntries(layout.length);
  let d = SNAPSHOTS.get(f);
  if (d === undefined) SNAPSHOTS.set(f, (d = new PyDict()));
  for (const e of layout) {
    let fr = f;
    for (let i = 0; i < e.depth; i++) fr = fr.up!;
    const v = fr.s[e.slot];
    // map_to_dict: a bound name set, an unbound one taken out
    if (v !== undefined) d.set(e.name, v);
    else if (d.get(e.name) !== undefined) d.delete(e.name);
  }
  return d;
}

// ---------------------------------------------------------------- the layout

function layoutOf(scope: Scope): readonly Entry[] {
  let layout = LAYOUTS.get(scope);
  if (layout === undefined) LAYOUTS.set(scope, (layout = makeLayout(scope)));
  return layout;
}

function makeLayout(scope: Scope): Entry[] {
  const nodes = scope.nodes!;
  const locals = new Set(scope.slots.keys());
  // what the inner scopes read of this one's names (its cells) and of enclosing ones' (free here too)
  const innerFree = new Set<string>();
  for (const inner of innerScopes(nodes)) for (const n of freeOf(inner)) innerFree.add(n);
  const params = scope.params;
  const cells = [...locals].filter((n) => innerFree.has(n) && !params.includes(n)).sort(codePointOrder);
  const plain = new Set(params);
  // the envelope's own first lines (log = ..., text = ...) are the first names its code meets
  for (const n of [...scope.prologue, ...compileOrder(nodes)]) if (locals.has(n) && !innerFree.has(n)) plain.add(n);
  // a local the code never names (one the envelope binds first) still has its slot: after the rest, as no name op adds it
  for (const n of locals) if (!innerFree.has(n) || params.includes(n)) plain.add(n);
  const used = new Set<string>([...namesOf(nodes), ...innerFree]);
  const free: Entry[] = [];
  for (const n of used) {
    if (locals.has(n) || scope.declaredGlobal.has(n)) continue;
    const p = scope.resolve(n);
    if (p.at === 'local') free.push({ name: n, depth: p.depth, slot: p.slot });
  }
  const cls = classCell(scope, used.has('super'));
  if (cls !== null && !locals.has(CLASS_CELL)) free.push(cls);
  free.sort((a, b) => codePointOrder(a.name, b.name));
  return [...[...plain, ...cells].map((n) => ({ name: n, depth: 0, slot: scope.slots.get(n)! })), ...free];
}


/** `__class__`, free in a function within a class body that names super (or in one that holds such a function). */
function classCell(scope: Scope, namesSuper: boolean): Entry | null {
  if (!namesSuper) return null;
  let depth = 0;
  let s: Scope | null = scope;
  while (s !== null && s.parent !== null && !s.parent.isClass) {
    s = s.parent;
    depth++;
  }
  if (s === null || s.parent === null) return null;
  return { name: CLASS_CELL, depth: depth + 1, slot: s.parent.slots.get(CLASS_CELL)! };
}

/** An inner scope: a def's, a lambda's, a class body's, a comprehension's. */
type Inner =
  | { k: 'function'; params: string[]; nodes: Node[] }
  | { k: 'class'; nodes: Node[] }
  | { k: 'comprehension'; node: Extract<Expr, { gens: unknown }> };

/** The scopes directly within these nodes (their defaults, decorators and first iterables are the outer scope's). */
function innerScopes(nodes: readonly Node[]): Inner[] {
  const out: Inner[] = [];
  visitOwn(nodes, (n) => {
    if (n.k === 'FunctionDef') out.push({ k: 'function', params: n.params.map((p) => p.name).filter((p) => p !== ''), nodes: n.body });
    else if (n.k === 'Lambda') out.push({ k: 'function', params: n.params.map((p) => p.name).filter((p) => p !== ''), nodes: [n.body] });
    else if (n.k === 'ClassDef') out.push({ k: 'class', nodes: n.body });
    else if (n.k === 'ListComp' || n.k === 'SetComp' || n.k === 'GenExp' || n.k === 'DictComp') out.push({ k: 'comprehension', node: n });
  });
  return out;
}

/** The names an inner scope reads from outside itself (itself or through its own inner scopes), `super` included. */
function freeOf(inner: Inner): Set<string> {
  step();
  let own: readonly Node[];
  const bound = new Set<string>();
  if (inner.k === 'comprehension') {
    const c = inner.node;
    for (const g of c.gens) for (const n of boundNames(g.target)) bound.add(n);
    // the first iterable is read outside; the rest of it is the comprehension's
    own = [...(c.k === 'DictComp' ? [c.key, c.value] : [c.elt]), ...c.gens.flatMap((g, i) => (i === 0 ? [g.target, ...g.ifs] : [g.target, g.iter, ...g.ifs]))];
  } else {
    own = inner.nodes;
    if (inner.k === 'function') for (const p of inner.params) bound.add(p);
    for (const n of bindings(own)) bound.add(n);
  }
  const out = new Set<string>();
  for (const n of namesOf(own)) if (!bound.has(n)) out.add(n);
  for (const deeper of innerScopes(own)) {
    for (const n of freeOf(deeper)) {
      // a class body's names are not seen by its methods: what they read passes through it
      if (inner.k === 'class' || !bound.has(n)) out.add(n);
    }
  }
  return out;
}

/** The names these nodes bind in their own scope (declareLocals's rule), less those declared global or nonlocal. */
function bindings(nodes: readonly Node[]): Set<string> {
  const out = new Set<string>();
  const declared = new Set<string>();
  visitOwn(nodes, (n) => {
    switch (n.k) {
      case 'Global':
      case 'Nonlocal':
        n.names.forEach((x) => declared.add(x));
        break;
      case 'Assign':
      case 'Del':
        n.targets.forEach((t) => boundNames(t).forEach((x) => out.add(x)));
        break;
      case 'AugAssign':
      case 'AnnAssign':
      case 'For':
        boundNames(n.target).forEach((x) => out.add(x));
        break;
      case 'WithItem':
        if (n.target !== null) boundNames(n.target).forEach((x) => out.add(x));
        break;
      case 'NamedExpr':
        out.add(n.target.id);
        break;
      case 'FunctionDef':
      case 'ClassDef':
        out.add(n.name);
        break;
      case 'MatchCase':
        patternNames(n.pattern).forEach((x) => out.add(x));
        break;
      case 'ImportName':
      case 'ImportFromName':
        out.add(n.as);
        break;
      case 'Handler':
        if (n.name !== null) out.add(n.name);
        break;
    }
  });
  for (const d of declared) out.delete(d);
  return out;
}

/** Every name these nodes read or bind in their own scope (Name nodes, and the names defs, imports, handlers and patterns bind). */
function namesOf(nodes: readonly Node[]): Set<string> {
  const out = new Set<string>();
  visitOwn(nodes, (n) => {
    const named = nameOf(n);
    if (named !== null) named.forEach((x) => out.add(x));
  });
  return out;
}

function nameOf(n: Node): string[] | null {
  switch (n.k) {
    case 'Name':
      return [n.id];
    case 'FunctionDef':
    case 'ClassDef':
      return [n.name];
    case 'ImportName':
    case 'ImportFromName':
      return [n.as];
    case 'Handler':
      return n.name === null ? null : [n.name];
    case 'MatchAs':
    case 'MatchStar':
      return n.name === null ? null : [n.name];
    case 'MatchMapping':
      return n.rest === null ? null : [n.rest];
    default:
      return null;
  }
}

/**
 * The nodes of one scope, each before its children, in source order, without the bodies of its
 * inner scopes (a def's or class's body, a lambda's, a comprehension's but its first iterable).
 */
function visitOwn(nodes: readonly Node[], visit: (n: Node) => void): void {
  walkScope(nodes, visit, (n, skip) => {
    if (n.k === 'ListComp' || n.k === 'SetComp' || n.k === 'GenExp' || n.k === 'DictComp') {
      (n.k === 'DictComp' ? [n.key, n.value] : [n.elt]).forEach(skip);
      n.gens.forEach((g, i) => {
        skip(g.target);
        g.ifs.forEach(skip);
        if (i > 0) skip(g.iter);
      });
    }
  });
}

/**
 * The names of one scope in the order CPython's compiler first emits a name operation for
 * each (compiler_nameop adds a local to co_varnames there): a value before the targets it is
 * stored in, an iterable before its loop's target, a try's else before its handlers, a def's
 * decorators and defaults before its name.
 */
function compileOrder(nodes: readonly Node[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (x: string) => {
    if (!seen.has(x)) {
      seen.add(x);
      out.push(x);
    }
  };
  // an explicit stack of work: a chain of a few thousand operators is as deep
  const stack: (Node | string)[] = [...nodes].reverse();
  const push = (...items: (Node | string | null | undefined)[]) => {
    for (let i = items.length - 1; i >= 0; i--) if (items[i] !== null && items[i] !== undefined) stack.push(items[i]!);
  };
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (typeof n === 'string') {
      add(n);
      continue;
    }
    switch (n.k) {
      case 'Name':
        add(n.id);
        break;
      case 'Assign':
        push(n.value, ...n.targets);
        break;
      case 'AnnAssign':
        // a function does not evaluate its annotations
        push(n.value, n.target);
        break;
      case 'For':
        push(n.iter, n.target, ...n.body, ...n.orelse);
        break;
      case 'NamedExpr':
        push(n.value, n.target);
        break;
      case 'Dict':
        push(...n.keys.flatMap((k, i) => [k, n.values[i]]));
        break;
      case 'Try':
        push(...n.body, ...n.orelse, ...n.handlers, ...n.finalbody);
        break;
      case 'Handler':
        push(n.types, n.name ?? undefined, ...n.body);
        break;
      case 'FunctionDef':
        push(...n.decorators, ...n.params.map((p) => p.default), ...n.annotations, n.name);
        break;
      case 'ClassDef':
        push(...n.decorators, ...n.bases, ...n.keywords, n.name);
        break;
      case 'Lambda':
        push(...n.params.map((p) => p.default));
        break;
      case 'ListComp':
      case 'SetComp':
      case 'GenExp':
      case 'DictComp':
        push(n.gens[0].iter);
        break;
      case 'ImportName':
      case 'ImportFromName':
        add(n.as);
        break;
      case 'MatchAs':
        push(n.pattern, n.name ?? undefined);
        break;
      case 'MatchStar':
        if (n.name !== null) add(n.name);
        break;
      case 'MatchMapping':
        push(...n.keys, ...n.patterns, n.rest ?? undefined);
        break;
      default: {
        const children: Node[] = [];
        forEachChild(n, (c) => children.push(c));
        push(...children);
      }
    }
  }
  return out;
}
