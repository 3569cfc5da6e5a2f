import { boundNames, forEachChild, targetNames, walk, type Expr, type Node, type Stmt } from '../ast.js';
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
  constructor(readonly parent: Scope | null, readonly globals: Map<string, number>) {
    this.level = parent === null ? 0 : parent.level + 1;
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

/** `global x` anywhere adds x to the module's names. */
function collectGlobals(body: Stmt[], globals: Map<string, number>): void {
  walk(body, (n) => {
    if (n.k === 'Global') for (const name of n.names) if (!globals.has(name)) globals.set(name, globals.size);
  });
}

/**
 * CPython's check of `global x` (symtable.c): x must not be used or assigned earlier in the
 * envelope's own scope, which assigns its locals (log, text) in its first lines. Lambda
 * bodies and comprehensions (but for the first iterable) are scopes of their own; lambda
 * defaults are not. An import does not count, as in CPython.
 */
function checkGlobals(body: Stmt[], envelopeLocals: readonly string[], source: string): void {
  const used = new Set<string>();
  const assigned = new Set<string>(envelopeLocals);
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
      case 'For':
        store(n.target);
        break;
      case 'Handler':
        if (n.name !== null) assigned.add(n.name);
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
        for (const name of n.names) {
          // a use wins over an assignment, as in CPython
          const prior = used.has(name) ? 'is used prior to' : assigned.has(name) ? 'is assigned to before' : null;
          if (prior !== null) throw new ConditionError('SyntaxError', `name '${name}' ${prior} global declaration`, source, n.s, n.e);
        }
        break;
    }
  });
}

/** Python's rule: a name bound anywhere in a function is local to all of it, unless declared global. */
function declareLocals(body: Stmt[], scope: Scope): void {
  walk(body, (n) => {
    if (n.k === 'Global') for (const name of n.names) scope.declaredGlobal.add(name);
  });
  const bind = (name: string) => {
    if (!scope.declaredGlobal.has(name)) scope.local(name);
  };
  const bindTarget = (t: Expr): void => boundNames(t).forEach(bind);
  // statements and handlers are all the envelope's: lambdas and comprehensions hold only expressions
  walk(body, (n) => {
    switch (n.k) {
      case 'Assign':
      case 'Del':
        n.targets.forEach(bindTarget);
        break;
      case 'AugAssign':
      case 'For':
        bindTarget(n.target);
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

/**
 * The envelope's scope for a condition: its module-level names (the envelope's first, in
 * order, then any `global x`), and its locals (the envelope's first, in order, then every
 * name the body binds), after CPython's checks of `global`.
 */
export function envelopeScope(body: Stmt[], source: string, envelope: Envelope): Scope {
  const globals = new Map<string, number>();
  for (const name of envelope.globals) globals.set(name, globals.size);
  checkGlobals(body, envelope.locals, source);
  collectGlobals(body, globals);
  const scope = new Scope(null, globals);
  for (const name of envelope.declared) scope.declaredGlobal.add(name);
  for (const name of envelope.locals) scope.local(name);
  declareLocals(body, scope);
  return scope;
}
