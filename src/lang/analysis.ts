import { boundNames, walk, type Expr, type Stmt } from './ast.js';

/** Methods that read a dict without changing it (and whose results share nothing mutable with a flat dict). */
const READING_METHODS = new Set(['get', 'keys', 'values', 'items', 'copy']);
/** Builtins that only read their argument. */
const READING_BUILTINS = new Set(['len', 'str', 'repr', 'sorted', 'list', 'tuple', 'set', 'dict', 'bool', 'any', 'all', 'min', 'max', 'isinstance', 'print', 'type']);

/**
 * Whether a condition may change the dict bound to `name` (log or data): true unless
 * every use of the name only reads it: log[k], log.get(k), log.keys(), k in log, log == x,
 * len(log), for k in log, f'{log}'. Over-approximate: when in doubt, it may.
 * A flat dict (no nested containers) that a condition only reads can be shared with it.
 */
export function mayChange(body: Stmt[], name: string): boolean {
  const assigned = assignedNames(body);
  let changes = false;

  const expr = (e: Expr | null, safe: boolean): void => {
    if (e === null || changes) return;
    switch (e.k) {
      case 'Name':
        if (e.id === name && !safe) changes = true;
        return;
      case 'Subscript':
        expr(e.value, true);
        expr(e.index, false);
        return;
      case 'Attribute':
        expr(e.value, false);
        return;
      case 'Call': {
        if (e.func.k === 'Attribute' && READING_METHODS.has(e.func.attr)) expr(e.func.value, true);
        else expr(e.func, false);
        const readingCall = e.func.k === 'Name' && READING_BUILTINS.has(e.func.id) && !assigned.has(e.func.id);
        for (const a of e.args) expr(a, readingCall);
        for (const k of e.keywords) expr(k.value, false);
        return;
      }
      case 'Compare': {
        const operands = [e.left, ...e.comparators];
        operands.forEach((o, i) => {
          const before = e.ops[i - 1];
          const after = e.ops[i];
          const reads = (op: string | undefined) => op === undefined || op === 'in' || op === 'not in' || op === '==' || op === '!=';
          expr(o, reads(before) && reads(after));
        });
        return;
      }
      case 'FString':
        for (const p of e.parts) if (typeof p !== 'string') expr(p.value, true);
        return;
      case 'ListComp':
      case 'SetComp':
      case 'GenExp':
      case 'DictComp':
        e.gens.forEach((g) => {
          expr(g.iter, true);
          target(g.target);
          g.ifs.forEach((c) => expr(c, false));
        });
        if (e.k === 'DictComp') {
          expr(e.key, false);
          expr(e.value, false);
        } else expr(e.elt, false);
        return;
      default:
        for (const child of children(e)) expr(child, false);
    }
  };

  // a target that is the name itself is a rebinding, which changes nothing shared
  const target = (t: Expr): void => {
    if (t.k === 'Name') return;
    if (t.k === 'Subscript') {
      expr(t.value, false);
      expr(t.index, false);
    } else if (t.k === 'Tuple' || t.k === 'List') t.elts.forEach(target);
    else if (t.k === 'Starred') target(t.value);
    else expr(t, false);
  };

  const stmts = (list: Stmt[]): void => {
    for (const s of list) {
      if (changes) return;
      switch (s.k) {
        case 'Expr':
          expr(s.value, false);
          break;
        case 'Assign':
          s.targets.forEach(target);
          expr(s.value, false);
          break;
        case 'AugAssign':
          target(s.target);
          expr(s.value, false);
          break;
        case 'Return':
          expr(s.value, false);
          break;
        case 'If':
        case 'While':
          expr(s.test, false);
          stmts(s.body);
          stmts(s.orelse);
          break;
        case 'For':
          target(s.target);
          expr(s.iter, true);
          stmts(s.body);
          stmts(s.orelse);
          break;
        case 'Del':
          s.targets.forEach(target);
          break;
        case 'Try':
          stmts(s.body);
          for (const h of s.handlers) {
            expr(h.types, false);
            stmts(h.body);
          }
          stmts(s.orelse);
          stmts(s.finalbody);
          break;
        case 'Raise':
          expr(s.exc, false);
          break;
        case 'Assert':
          expr(s.test, false);
          expr(s.msg, false);
          break;
        case 'Global':
          if (s.names.includes(name)) changes = true;
          break;
      }
    }
  };
  stmts(body);
  return changes;
}

/** The expressions directly inside an expression, for the default case of a walk. */
function children(e: Expr): Expr[] {
  const out: Expr[] = [];
  for (const value of Object.values(e)) {
    if (Array.isArray(value)) {
      for (const v of value) if (v !== null && typeof v === 'object' && 'k' in v) out.push(v as Expr);
    } else if (value !== null && typeof value === 'object' && 'k' in value) out.push(value as Expr);
  }
  // lambda defaults and bodies, dict keys and values, slices: all covered above as fields
  return out;
}

/**
 * Every name the condition binds anywhere: assignments, loops, imports, `global`, and
 * also lambda parameters, comprehension variables and `except ... as` names, since any of
 * them can shadow a builtin (`(lambda len: len(log))(...)`).
 */
function assignedNames(body: Stmt[]): Set<string> {
  const names = new Set<string>();
  const add = (x: string) => names.add(x);
  walk(body, (n) => {
    if (n.k === 'Assign') for (const t of n.targets as Expr[]) boundNames(t).forEach(add);
    else if (n.k === 'AugAssign' || n.k === 'For') boundNames(n.target as Expr).forEach(add);
    else if (n.k === 'Import' || n.k === 'ImportFrom') for (const x of n.names as { as: string }[]) add(x.as);
    else if (n.k === 'Global') (n.names as string[]).forEach(add);
    else if (n.k === 'Lambda') for (const p of n.params as { name: string }[]) add(p.name);
    else if (n.k === undefined && 'target' in n && 'iter' in n) boundNames(n.target as Expr).forEach(add);
    else if (n.k === undefined && 'types' in n && typeof n.name === 'string') add(n.name);
  });
  return names;
}
