import { READING_BUILTINS, READING_METHODS, SharedNames } from './analysis.js';
import { boundNames, forEachChild, targetNames, walk, type Comprehension, type Expr, type ExprOf, type FormattedValue, type Handler, type Node, type Param, type Stmt, type StmtOf } from './ast.js';
import { ConditionError } from './errors.js';
import { getattr, methodCaller } from './runtime/attributes.js';
import { checkSize, enterCall, exitCall, step, work } from './runtime/budget.js';
import { BUILTINS, callValue } from './runtime/builtins.js';
import {
  AssertionError_, EXCEPTION_TYPES, ImportError, NameError, RuntimeError, UnboundLocalError, attrErr, pyErr, typeErr, valueErr,
} from './runtime/exceptions.js';
import { formatValue } from './runtime/format.js';
import { updateDict } from './runtime/methods-dict.js';
import { MODULES } from './runtime/modules.js';
import * as ops from './runtime/ops.js';
import { asciiRepr, repr, str } from './runtime/repr.js';
import { setInPlace, type SetOp } from './runtime/sets.js';
import { toPyException } from './runtime/trap.js';
import { EMPTY_TUPLE, PyDict, PyException, PyFloat, PyFunc, PyIterator, PySet, PyTuple, PyType, typeName, type Py } from './runtime/values.js';

/** A compiled expression. */
type Ev = (f: Frame) => Py;
/** A compiled statement; it answers how control leaves it. */
type Ex = (f: Frame) => number;

/** CPython's qualified name for a lambda defined in the original's envelope function. */
const LAMBDA_NAME = 'envelope.<locals>.<lambda>';

const NORMAL = 0;
const BREAK = 1;
const CONTINUE = 2;
const RETURN = 3;

/** The variables of one function activation: the condition's envelope, a lambda or a comprehension. */
export class Frame {
  ret: Py = null;
  /** The exception an `except` clause is handling, for a bare `raise`. */
  exc: PyException | null = null;
  constructor(readonly s: Py[], readonly up: Frame | null, readonly g: Py[]) {}
}


/** Where a name lives, decided at compile time. */
type Place = { at: 'local'; depth: number; slot: number } | { at: 'global'; slot: number } | { at: 'builtin'; value: Py } | { at: 'missing' };

class Scope {
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

/** What a compiled condition needs from the caller. */
export interface Program {
  /**
   * Runs the condition's body. g0.. are the first module-level names, l0 and l1 the
   * envelope's first locals, in the orders given to compileProgram; the rest start unbound.
   * Runs are never nested, so each program keeps and reuses its one frame.
   */
  readonly run: (g0: Py, g1: Py, g2: Py, l0: Py, l1: Py) => Py;
  /** Slot of each global name (data, json, context, launch, and any `global x`). */
  readonly globals: ReadonlyMap<string, number>;
  /** The condition's text, to name it (by its hash) when a run meets a bug of ours. */
  readonly source: string;
  /** The module-level names after a run (data is read back from slot 0); the caller clears them once read. */
  readonly globalValues: Py[];
  /** Whether the condition loads the envelope's `log` or `data` at all: if not, the caller need not copy them. */
  readonly usesLog: boolean;
  readonly usesData: boolean;
  /** Whether the condition may change `log` or `data` (see analysis.ts): if not, a flat one can be shared. */
  readonly changesLog: boolean;
  readonly changesData: boolean;
}

/**
 * Compiles a condition's statements into closures. `globalNames` are the names the
 * original's envelope defines at module level (data and json for /eval; context,
 * launch and json for /eval-launch); `localNames` the envelope's own locals (log, text).
 */
export function compileProgram(body: Stmt[], source: string, globalNames: readonly string[], localNames: readonly string[], globalDecls: readonly string[]): Program {
  const globals = new Map<string, number>();
  for (const name of globalNames) globals.set(name, globals.size);
  checkGlobals(body, localNames, source);
  collectGlobals(body, globals);
  const scope = new Scope(null, globals);
  for (const name of globalDecls) scope.declaredGlobal.add(name);
  for (const name of localNames) scope.local(name);
  declareLocals(body, scope);
  const c = new Compiler(source);
  const block = c.block(body, scope);
  const g: Py[] = new Array(globals.size).fill(undefined);
  const frame = new Frame(new Array(scope.slots.size).fill(undefined), null, g);
  return {
    globals,
    globalValues: g,
    usesLog: c.shared.uses('log'),
    usesData: c.shared.uses('data'),
    changesLog: c.shared.mayChange('log'),
    changesData: c.shared.mayChange('data'),
    source,
    run(g0, g1, g2, l0, l1) {
      // the globals are as the caller left them after the last run: cleared
      g[0] = g0;
      g[1] = g1;
      if (g.length > 2 && globalNames.length > 2) g[2] = g2;
      const s = frame.s;
      s[0] = l0;
      s[1] = l1;
      try {
        return block(frame) === RETURN ? frame.ret : null;
      } finally {
        // cleared after the run, so that a cached program keeps none of its values alive and the next run starts clean
        clearSlots(s);
        frame.ret = null;
        frame.exc = null;
      }
    },
  };
}

/** Unbinds every slot: a loop V8 inlines, where Array#fill is a call that costs more than a run of a small condition. */
export function clearSlots(slots: Py[]): void {
  for (let i = 0; i < slots.length; i++) slots[i] = undefined;
}

// ---------------------------------------------------------------- scope analysis

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

// ---------------------------------------------------------------- code generation

const BINARY: Record<string, (a: Py, b: Py) => Py> = {
  '+': ops.add,
  '-': ops.sub,
  '*': ops.mul,
  '/': ops.truediv,
  '//': ops.floordiv,
  '%': ops.mod,
  '**': ops.pow,
  '&': (a, b) => ops.bitop('&', a, b),
  '|': (a, b) => ops.bitop('|', a, b),
  '^': (a, b) => ops.bitop('^', a, b),
  '<<': (a, b) => ops.bitop('<<', a, b),
  '>>': (a, b) => ops.bitop('>>', a, b),
  // no value of the dialect has a matrix product: CPython's TypeError, once both operands are evaluated
  '@': ops.matmul,
};

/**
 * `a += b` and friends: lists, dicts and sets change in place, as in Python. Otherwise
 * the plain operator, whose "unsupported operand" error names `+=`, as CPython's does.
 */
function inplace(op: string): (a: Py, b: Py) => Py {
  const plain = BINARY[op];
  const fallback = (a: Py, b: Py): Py => {
    try {
      return plain(a, b);
    } catch (e) {
      throw augmentedError(e, op);
    }
  };
  switch (op) {
    case '+':
      return (a, b) => {
        if (Array.isArray(a)) {
          const items = ops.toList(b);
          checkSize(a.length + items.length);
          for (const x of items) a.push(x);
          return a;
        }
        return fallback(a, b);
      };
    case '*':
      return (a, b) => {
        if (Array.isArray(a) && (typeof b === 'number' || typeof b === 'boolean')) {
          const r = plain(a, b) as Py[];
          a.length = 0;
          for (const x of r) a.push(x);
          return a;
        }
        return fallback(a, b);
      };
    case '|':
    case '&':
    case '-':
    case '^':
      return (a, b) => {
        // set_ior and friends take only a set; `s |= d.keys()` makes a new set, as `s | d.keys()` does
        if (a instanceof PySet && b instanceof PySet) return setInPlace(op as SetOp, a, b);
        // dict_ior takes what dict.update takes
        if (op === '|' && a instanceof PyDict) {
          updateDict(a, b, null);
          checkSize(a.m.size);
          return a;
        }
        return fallback(a, b);
      };
    default:
      return fallback;
  }
}

const UNSUPPORTED = 'unsupported operand type(s) for ';

/** The plain operator's "unsupported operand type(s) for +: ..." as the augmented one's "for +=: ...". */
function augmentedError(e: unknown, op: string): unknown {
  if (!(e instanceof PyException) || !e.text.startsWith(UNSUPPORTED)) return e;
  return typeErr(UNSUPPORTED + op + '=' + e.text.slice(e.text.indexOf(':', UNSUPPORTED.length)));
}

/**
 * A frozenset constant as CPython 3.11's compiler makes it: the members added in order,
 * then (merge_consts_recursive) added again, in the first set's order, into a second set,
 * and once more (intern_string_constants) if interning replaced one of its strings.
 */
function frozenConstant(members: Py[]): PySet {
  let set = new PySet();
  for (const x of members) set.add(x);
  for (let rebuilds = members.some(reinterned) ? 2 : 1; rebuilds > 0; rebuilds--) {
    const again = new PySet();
    for (const x of set.values()) again.add(x);
    set = again;
  }
  return set;
}

/**
 * Whether interning replaces this string constant by another object: an identifier-like
 * string of two or more characters always (the literal is a new object); of one character,
 * only those that the deep-frozen startup modules of CPython 3.11 interned first as their
 * own objects rather than as the one-character singletons (measured one by one).
 */
const reinterned = (v: Py): boolean => typeof v === 'string' && /^[A-Za-z0-9_]+$/.test(v) && (v.length > 1 || 'abcdefhijklmnopqrstvwxyBCLST_'.includes(v));

/**
 * Whether CPython 3.11's AST optimizer (Python/ast_opt.c) folds e to a constant: literals,
 * and unary and binary operators, tuples and indexes of constants. (It leaves `str % x`
 * alone, and folding fails quietly on an error, which then raises at run time either way.)
 */
function folds(e: Expr): boolean {
  switch (e.k) {
    case 'Const':
      return true;
    case 'Not':
    case 'Unary':
      return folds(e.operand);
    case 'BinOp':
      return e.op !== '@' && !(e.op === '%' && e.left.k === 'Const' && typeof e.left.v === 'string') && folds(e.left) && folds(e.right) && !tooBigToFold(e);
    case 'Tuple':
      return e.elts.every(folds);
    case 'Subscript':
      // fold_subscr wants a constant index: a slice is a Slice node, not folded
      return e.index.k !== 'Slice' && folds(e.value) && folds(e.index);
    default:
      return false;
  }
}

/** ast_opt.c's MAX_INT_SIZE: it folds no *, ** or << of ints whose result may pass 128 bits. */
const MAX_INT_SIZE = 128n;

function tooBigToFold(e: Expr & { k: 'BinOp' }): boolean {
  if (e.op !== '*' && e.op !== '**' && e.op !== '<<') return false;
  const v = intConstant(e.left);
  const w = intConstant(e.right);
  if (v === undefined || w === undefined || v === 0n) return false;
  const bits = (n: bigint): bigint => BigInt((n < 0n ? -n : n).toString(2).length);
  // safe_multiply, safe_power, safe_lshift
  if (e.op === '*') return w !== 0n && bits(v) + bits(w) > MAX_INT_SIZE;
  if (e.op === '**') return w > 0n && bits(v) * w > MAX_INT_SIZE;
  return w !== 0n && (w > MAX_INT_SIZE || bits(v) > MAX_INT_SIZE - w);
}

/** intConstant's answers by node (null: none), so that a chain of n operators is read once, not 2**n times. */
const intConstants = new WeakMap<Expr, bigint | null>();

/**
 * The value of a constant int expression as ast_opt.c folds it, or undefined (not an int,
 * not folded, or an error left for run time). Folding keeps ints within MAX_INT_SIZE
 * bits but for + and -, so this stays small.
 */
function intConstant(e: Expr): bigint | undefined {
  let v = intConstants.get(e);
  if (v === undefined) intConstants.set(e, (v = foldInt(e) ?? null));
  return v ?? undefined;
}

function foldInt(e: Expr): bigint | undefined {
  switch (e.k) {
    case 'Const':
      return typeof e.v === 'number' || typeof e.v === 'bigint' ? BigInt(e.v) : undefined;
    case 'Unary': {
      const v = intConstant(e.operand);
      return v === undefined ? undefined : e.op === '-' ? -v : e.op === '~' ? ~v : v;
    }
    case 'BinOp': {
      if (tooBigToFold(e)) return undefined;
      const v = intConstant(e.left);
      const w = intConstant(e.right);
      if (v === undefined || w === undefined) return undefined;
      switch (e.op) {
        case '+': return v + w;
        case '-': return v - w;
        case '*': return v * w;
        case '**': return w >= 0n ? v ** w : undefined;
        case '<<': return w >= 0n ? v << w : undefined;
        // a shift past the value's bits leaves its sign (a BigInt shift by 2**30 or more throws)
        case '>>': return w < 0n ? undefined : w > 4096n ? (v < 0n ? -1n : 0n) : v >> w;
        case '&': return v & w;
        case '|': return v | w;
        case '^': return v ^ w;
        case '//': return w === 0n ? undefined : v / w - (v % w !== 0n && v < 0n !== w < 0n ? 1n : 0n);
        case '%': return w === 0n ? undefined : ((v % w) + w) % w;
        default: return undefined;
      }
    }
    default:
      return undefined;
  }
}

const COMPARE: Record<string, (a: Py, b: Py) => boolean> = {
  '==': ops.eqOperator,
  '!=': (a, b) => !ops.eqOperator(a, b),
  '<': ops.lt,
  '<=': ops.le,
  '>': ops.gt,
  '>=': ops.ge,
  in: (a, b) => ops.contains(b, a),
  'not in': (a, b) => !ops.contains(b, a),
  is: (a, b) => a === b,
  'is not': (a, b) => a !== b,
};

function unbound(name: string, local: boolean): PyException {
  return local
    ? pyErr(UnboundLocalError, `cannot access local variable '${name}' where it is not associated with a value`)
    : pyErr(NameError, `name '${name}' is not defined`);
}

class Compiler {
  constructor(readonly source: string) {}

  /** Every load of the envelope's log and data, and whether it only reads. */
  readonly shared = new SharedNames();

  /** Float constants by value, one object each, as CPython merges a code's constants: `1.0 is 1.0`. */
  private readonly floats = new Map<string, PyFloat>();

  private unsupported(message: string, node: { s: number; e: number }): ConditionError {
    return new ConditionError('UnsupportedError', message, this.source, node.s, node.e);
  }

  // ------------------------------------------------------------ statements

  block(body: Stmt[], scope: Scope): Ex {
    const stmts = body.map((s) => this.stmt(s, scope));
    switch (stmts.length) {
      case 0:
        return () => NORMAL;
      case 1:
        return stmts[0];
      case 2: {
        const [a, b] = stmts;
        return (f) => {
          const r = a(f);
          return r !== NORMAL ? r : b(f);
        };
      }
      default:
        return (f) => {
          for (let i = 0; i < stmts.length; i++) {
            const r = stmts[i](f);
            if (r !== NORMAL) return r;
          }
          return NORMAL;
        };
    }
  }

  private stmt(s: Stmt, scope: Scope): Ex {
    switch (s.k) {
      case 'Expr': {
        const ev = this.expr(s.value, scope);
        return (f) => {
          ev(f);
          return NORMAL;
        };
      }
      case 'Assign':
        return this.assign(s, scope);
      case 'AugAssign':
        return this.augAssign(s, scope);
      case 'Return': {
        if (s.value === null) {
          return (f) => {
            f.ret = null;
            return RETURN;
          };
        }
        const ev = this.expr(s.value, scope);
        return (f) => {
          f.ret = ev(f);
          return RETURN;
        };
      }
      case 'If': {
        const test = this.test(s.test, scope);
        const body = this.block(s.body, scope);
        const orelse = this.block(s.orelse, scope);
        return (f) => (test(f) ? body(f) : orelse(f));
      }
      case 'For':
        return this.forLoop(s, scope);
      case 'While': {
        const test = this.test(s.test, scope);
        const body = this.block(s.body, scope);
        const orelse = s.orelse.length > 0 ? this.block(s.orelse, scope) : null;
        return (f) => {
          while (test(f)) {
            step();
            const r = body(f);
            if (r === BREAK) return NORMAL;
            if (r === RETURN) return RETURN;
          }
          return orelse === null ? NORMAL : orelse(f);
        };
      }
      case 'Break':
        return () => BREAK;
      case 'Continue':
        return () => CONTINUE;
      case 'Pass':
      case 'Global':
        return () => NORMAL;
      case 'Del': {
        const dels = s.targets.map((t) => this.deleter(t, scope));
        return (f) => {
          for (const d of dels) d(f);
          return NORMAL;
        };
      }
      case 'Try':
        return this.tryStmt(s, scope);
      case 'Import': {
        const stores = s.names.map((n) => {
          const module = MODULES.get(n.module)!;
          const store = this.storeName(n.as, scope);
          return (f: Frame) => store(f, module);
        });
        return (f) => {
          for (const st of stores) st(f);
          return NORMAL;
        };
      }
      case 'ImportFrom': {
        const module = MODULES.get(s.module)!;
        const stores = s.names.map((n) => {
          const value = module.attrs.get(n.name);
          const store = this.storeName(n.as, scope);
          return (f: Frame) => {
            if (value === undefined) throw pyErr(ImportError, `cannot import name '${n.name}' from '${s.module}'`);
            store(f, value);
          };
        });
        return (f) => {
          for (const st of stores) st(f);
          return NORMAL;
        };
      }
      case 'Raise':
        return this.raise(s, scope);
      case 'Assert': {
        const test = this.test(s.test, scope);
        const msg = s.msg === null ? null : this.expr(s.msg, scope);
        return (f) => {
          if (!test(f)) throw msg === null ? pyErr(AssertionError_) : new PyException(AssertionError_, [msg(f)], str(msg(f)));
          return NORMAL;
        };
      }
    }
  }

  private assign(s: StmtOf<'Assign'>, scope: Scope): Ex {
    const value = this.expr(s.value, scope);
    const stores = s.targets.map((t) => this.store(t, scope));
    if (stores.length === 1) {
      const store = stores[0];
      return (f) => {
        store(f, value(f));
        return NORMAL;
      };
    }
    return (f) => {
      const v = value(f);
      for (const st of stores) st(f, v);
      return NORMAL;
    };
  }

  private augAssign(s: StmtOf<'AugAssign'>, scope: Scope): Ex {
    const op = inplace(s.op);
    const value = this.expr(s.value, scope);
    const t = s.target;
    if (t.k === 'Name') {
      const load = this.expr(t, scope);
      const store = this.storeName(t.id, scope);
      return (f) => {
        store(f, op(load(f), value(f)));
        return NORMAL;
      };
    }
    if (t.k === 'Subscript') {
      const obj = this.expr(t.value, scope);
      if (t.index.k === 'Slice') {
        const [lo, hi, st] = this.sliceParts(t.index, scope);
        return (f) => {
          const o = obj(f);
          const a = lo(f);
          const b = hi(f);
          const c = st(f);
          ops.setslice(o, a, b, c, op(ops.getslice(o, a, b, c), value(f)));
          return NORMAL;
        };
      }
      const key = this.expr(t.index, scope);
      return (f) => {
        const o = obj(f);
        const k = key(f);
        ops.setitem(o, k, op(ops.getitem(o, k), value(f)));
        return NORMAL;
      };
    }
    const store = this.store(t, scope);
    const load = this.expr(t, scope);
    return (f) => {
      store(f, op(load(f), value(f)));
      return NORMAL;
    };
  }

  private forLoop(s: StmtOf<'For'>, scope: Scope): Ex {
    const iter = this.iterable(s.iter, scope);
    const store = this.store(s.target, scope);
    const body = this.block(s.body, scope);
    const orelse = s.orelse.length > 0 ? this.block(s.orelse, scope) : null;
    return (f) => {
      const it = iter(f);
      if (Array.isArray(it)) {
        for (let i = 0; i < it.length; i++) {
          step();
          store(f, it[i]);
          const r = body(f);
          if (r === BREAK) return NORMAL;
          if (r === RETURN) return RETURN;
        }
      } else {
        for (const x of ops.iterate(it)) {
          step();
          store(f, x);
          const r = body(f);
          if (r === BREAK) return NORMAL;
          if (r === RETURN) return RETURN;
        }
      }
      return orelse === null ? NORMAL : orelse(f);
    };
  }

  private tryStmt(s: StmtOf<'Try'>, scope: Scope): Ex {
    const body = this.block(s.body, scope);
    const handlers = s.handlers.map((h) => this.handler(h, scope));
    const orelse = s.orelse.length > 0 ? this.block(s.orelse, scope) : null;
    const finalbody = s.finalbody.length > 0 ? this.block(s.finalbody, scope) : null;
    const guarded: Ex =
      handlers.length === 0
        ? body
        : (f) => {
            let r: number;
            try {
              r = body(f);
            } catch (err) {
              const exc = toPyException(err);
              if (exc.fatal) throw exc;
              for (const h of handlers) {
                if (h.matches(f, exc)) return h.run(f, exc);
              }
              throw exc;
            }
            return r === NORMAL && orelse !== null ? orelse(f) : r;
          };
    if (finalbody === null) return guarded;
    return (f) => {
      let r: number;
      try {
        r = guarded(f);
      } catch (err) {
        const exc = toPyException(err);
        if (exc.fatal) throw exc;
        const fr = finalbody(f);
        if (fr !== NORMAL) return fr;
        throw exc;
      }
      const fr = finalbody(f);
      return fr !== NORMAL ? fr : r;
    };
  }

  private handler(h: Handler, scope: Scope): { matches: (f: Frame, e: PyException) => boolean; run: (f: Frame, e: PyException) => number } {
    const types = h.types === null ? null : this.expr(h.types, scope);
    const store = h.name === null ? null : this.storeName(h.name, scope);
    const unbind = h.name === null ? null : this.deleter({ k: 'Name', id: h.name, s: h.s, e: h.e }, scope, true);
    const body = this.block(h.body, scope);
    return {
      matches: (f, e) => types === null || exceptionMatches(types(f), e),
      run: (f, e) => {
        const outer = f.exc;
        f.exc = e;
        store?.(f, e);
        try {
          return body(f);
        } finally {
          f.exc = outer;
          unbind?.(f);
        }
      },
    };
  }

  private raise(s: StmtOf<'Raise'>, scope: Scope): Ex {
    const exc = s.exc === null ? null : this.expr(s.exc, scope);
    return (f) => {
      if (exc === null) {
        for (let fr: Frame | null = f; fr !== null; fr = fr.up) if (fr.exc !== null) throw fr.exc;
        throw pyErr(RuntimeError, 'No active exception to reraise');
      }
      const v = exc(f);
      if (v instanceof PyException) throw v;
      if (v instanceof PyType && v.isException) throw v.fn([], null);
      throw typeErr('exceptions must derive from BaseException');
    };
  }

  // ------------------------------------------------------------ targets

  private storeName(name: string, scope: Scope): (f: Frame, v: Py) => void {
    const place = scope.resolve(name);
    if (place.at === 'global') {
      const slot = place.slot;
      return (f, v) => {
        f.g[slot] = v;
      };
    }
    if (place.at !== 'local') throw new Error(`internal: '${name}' was not declared`);
    const { depth, slot } = place;
    if (depth === 0) {
      return (f, v) => {
        f.s[slot] = v;
      };
    }
    return (f, v) => {
      let fr = f;
      for (let d = 0; d < depth; d++) fr = fr.up!;
      fr.s[slot] = v;
    };
  }

  private store(t: Expr, scope: Scope): (f: Frame, v: Py) => void {
    switch (t.k) {
      case 'Name':
        return this.storeName(t.id, scope);
      case 'Subscript': {
        const obj = this.expr(t.value, scope);
        if (t.index.k === 'Slice') {
          const [lo, hi, st] = this.sliceParts(t.index, scope);
          return (f, v) => ops.setslice(obj(f), lo(f), hi(f), st(f), v);
        }
        const key = this.expr(t.index, scope);
        return (f, v) => ops.setitem(obj(f), key(f), v);
      }
      case 'Attribute': {
        const obj = this.expr(t.value, scope);
        return (f) => {
          throw attrErr(obj(f), t.attr);
        };
      }
      case 'Tuple':
      case 'List': {
        const star = t.elts.findIndex((e) => e.k === 'Starred');
        const stores = t.elts.map((e) => this.store(e.k === 'Starred' ? e.value : e, scope));
        const n = t.elts.length;
        return (f, v) => {
          if (!ops.isIterable(v)) throw typeErr(`cannot unpack non-iterable ${typeName(v)} object`);
          const items = Array.isArray(v) ? v : v instanceof PyTuple ? v.items : ops.toList(v);
          if (star < 0) {
            if (items.length !== n) {
              throw valueErr(items.length > n ? `too many values to unpack (expected ${n})` : `not enough values to unpack (expected ${n}, got ${items.length})`);
            }
            for (let i = 0; i < n; i++) stores[i](f, items[i]);
            return;
          }
          if (items.length < n - 1) throw valueErr(`not enough values to unpack (expected at least ${n - 1}, got ${items.length})`);
          const tail = n - 1 - star;
          for (let i = 0; i < star; i++) stores[i](f, items[i]);
          stores[star](f, items.slice(star, items.length - tail));
          for (let i = 0; i < tail; i++) stores[star + 1 + i](f, items[items.length - tail + i]);
        };
      }
      default:
        throw this.unsupported('cannot assign to this expression', t);
    }
  }

  private deleter(t: Expr, scope: Scope, quiet = false): (f: Frame) => void {
    switch (t.k) {
      case 'Name': {
        const store = this.storeName(t.id, scope);
        // the value is only looked at, to raise when unbound
        const load = this.load(t.id, scope, true);
        return (f) => {
          // `del x` of an unbound x raises, as reading it does; leaving an except clause does not
          if (!quiet) load(f);
          store(f, undefined);
        };
      }
      case 'Subscript': {
        const obj = this.expr(t.value, scope);
        if (t.index.k === 'Slice') {
          const [lo, hi, st] = this.sliceParts(t.index, scope);
          return (f) => ops.delslice(obj(f), lo(f), hi(f), st(f));
        }
        const key = this.expr(t.index, scope);
        return (f) => ops.delitem(obj(f), key(f));
      }
      case 'Tuple':
      case 'List': {
        const dels = t.elts.map((e) => this.deleter(e, scope));
        return (f) => dels.forEach((d) => d(f));
      }
      default: {
        const obj = t.k === 'Attribute' ? this.expr(t.value, scope) : null;
        return (f) => {
          throw attrErr(obj?.(f), t.k === 'Attribute' ? t.attr : '?');
        };
      }
    }
  }

  // ------------------------------------------------------------ expressions

  /**
   * An expression whose value is only read where it stands: tested, compared, looked up in,
   * walked, formatted, or passed to a reading method or builtin. A bare name there is a
   * read; anything else is compiled as usual, so its own loads decide.
   */
  private read(e: Expr, scope: Scope): Ev {
    return e.k === 'Name' ? this.load(e.id, scope, true) : this.expr(e, scope);
  }

  /** An expression used as a condition (if, while, and, or, not): yields a JS boolean. */
  private test(e: Expr, scope: Scope): (f: Frame) => boolean {
    if (e.k === 'Compare' || e.k === 'Not') return this.expr(e, scope) as (f: Frame) => boolean;
    const ev = this.read(e, scope);
    return (f) => ops.truthy(ev(f));
  }

  expr(e: Expr, scope: Scope): Ev {
    switch (e.k) {
      case 'Const': {
        let v = e.v;
        if (v instanceof PyFloat) {
          const key = Object.is(v.v, -0) ? '-0' : String(v.v);
          v = this.floats.get(key) ?? (this.floats.set(key, v), v);
        }
        const constant = v;
        return () => constant;
      }
      case 'Name':
        return this.load(e.id, scope);
      case 'FString':
        return this.fstring(e.parts, scope);
      case 'List': {
        const items = this.items(e.elts, scope);
        return (f) => items(f);
      }
      case 'Tuple': {
        // () is one object in CPython
        if (e.elts.length === 0) return () => EMPTY_TUPLE;
        const items = this.items(e.elts, scope);
        return (f) => new PyTuple(items(f));
      }
      case 'Set': {
        if (e.elts.length > 2 && e.elts.every(folds)) {
          // CPython compiles this to BUILD_SET and SET_UPDATE of a frozenset constant:
          // the members are laid out in the frozenset, then merged into the new set
          const frozen = this.constantSet(e, scope);
          return (f) => {
            const set = new PySet();
            set.merge(frozen(f));
            return set;
          };
        }
        const items = this.items(e.elts, scope);
        return (f) => {
          const set = new PySet();
          for (const x of items(f)) set.add(x);
          return set;
        };
      }
      case 'Dict':
        return this.dict(e, scope);
      case 'ListComp':
      case 'SetComp':
      case 'GenExp':
      case 'DictComp':
        return this.comprehension(e, scope);
      case 'Lambda':
        return this.lambda(e, scope);
      case 'IfExp': {
        const test = this.test(e.test, scope);
        const body = this.expr(e.body, scope);
        const orelse = this.expr(e.orelse, scope);
        return (f) => (test(f) ? body(f) : orelse(f));
      }
      case 'BoolOp': {
        const values = e.values.map((v) => this.expr(v, scope));
        if (e.op === 'and') {
          return (f) => {
            let v: Py;
            for (let i = 0; i < values.length; i++) if (!ops.truthy((v = values[i](f)))) return v;
            return v;
          };
        }
        return (f) => {
          let v: Py;
          for (let i = 0; i < values.length; i++) if (ops.truthy((v = values[i](f)))) return v;
          return v;
        };
      }
      case 'Not': {
        const test = this.test(e.operand, scope);
        return (f) => !test(f);
      }
      case 'Unary': {
        const operand = this.expr(e.operand, scope);
        const op = e.op === '-' ? ops.neg : e.op === '+' ? ops.pos : ops.invert;
        return (f) => op(operand(f));
      }
      case 'BinOp': {
        const left = this.expr(e.left, scope);
        const right = this.expr(e.right, scope);
        const op = BINARY[e.op];
        if (e.op === '+') {
          return (f) => {
            const a = left(f);
            const b = right(f);
            return typeof a === 'number' && typeof b === 'number' ? ops.intAdd(a, b) : ops.add(a, b);
          };
        }
        return (f) => op(left(f), right(f));
      }
      case 'Compare':
        return this.compare(e, scope);
      case 'Call':
        return this.call(e, scope);
      case 'Attribute': {
        const obj = this.expr(e.value, scope);
        const attr = e.attr;
        return (f) => getattr(obj(f), attr);
      }
      case 'Subscript':
        return this.subscript(e, scope);
      case 'Slice':
        throw this.unsupported('a slice is only allowed inside []', e);
      case 'Starred':
        throw this.unsupported('a starred expression is only allowed in a call, a display or an assignment target', e);
    }
  }

  /**
   * What a `for` or a comprehension walks. CPython folds a set display of constants there
   * to a frozenset constant, whatever their number.
   */
  private iterable(e: Expr, scope: Scope): Ev {
    return e.k === 'Set' && e.elts.every(folds) ? this.constantSet(e, scope) : this.read(e, scope);
  }

  /**
   * A set display of constants as the frozenset constant CPython makes of it, made at its
   * first evaluation and then kept: callers only read it (look up, walk, or merge a copy).
   */
  private constantSet(e: { elts: Expr[] }, scope: Scope): (f: Frame) => PySet {
    const items = this.items(e.elts, scope);
    let frozen: PySet | null = null;
    return (f) => (frozen ??= frozenConstant(items(f)));
  }

  /** A load of a name; `reads` when the value is only read there (see read()). */
  private load(name: string, scope: Scope, reads = false): Ev {
    const place = scope.resolve(name);
    if (place.at === 'global' || (place.at === 'local' && place.depth === scope.level)) this.shared.load(name, reads);
    switch (place.at) {
      case 'local': {
        const { depth, slot } = place;
        if (depth === 0) {
          return (f) => {
            const v = f.s[slot];
            if (v === undefined) throw unbound(name, true);
            return v;
          };
        }
        return (f) => {
          let fr = f;
          for (let d = 0; d < depth; d++) fr = fr.up!;
          const v = fr.s[slot];
          if (v === undefined) throw pyErr(NameError, `cannot access free variable '${name}' where it is not associated with a value in enclosing scope`);
          return v;
        };
      }
      case 'global': {
        const slot = place.slot;
        const fallback = BUILTINS.get(name) ?? EXCEPTION_TYPES.get(name);
        return (f) => {
          const v = f.g[slot];
          if (v !== undefined) return v;
          if (fallback !== undefined) return fallback;
          throw unbound(name, false);
        };
      }
      case 'builtin': {
        const v = place.value;
        return () => v;
      }
      case 'missing':
        return () => {
          throw unbound(name, false);
        };
    }
  }

  /** The values of a list, tuple or set display or of call arguments, with `*iterable` spread; `reads`: arguments only read. */
  private items(elts: Expr[], scope: Scope, reads = false): (f: Frame) => Py[] {
    const evs = elts.map((x) => (x.k === 'Starred' ? this.expr(x.value, scope) : reads ? this.read(x, scope) : this.expr(x, scope)));
    const starred = elts.map((x) => x.k === 'Starred');
    if (!starred.includes(true)) {
      switch (evs.length) {
        case 0:
          return () => [];
        case 1: {
          const [a] = evs;
          return (f) => [a(f)];
        }
        case 2: {
          const [a, b] = evs;
          return (f) => [a(f), b(f)];
        }
        default:
          return (f) => evs.map((ev) => ev(f));
      }
    }
    return (f) => {
      const out: Py[] = [];
      for (let i = 0; i < evs.length; i++) {
        if (starred[i]) ops.spread(out, evs[i](f));
        else out.push(evs[i](f));
      }
      checkSize(out.length);
      return out;
    };
  }

  private dict(e: ExprOf<'Dict'>, scope: Scope): Ev {
    const keys = e.keys.map((k) => (k === null ? null : this.expr(k, scope)));
    const values = e.values.map((v) => this.expr(v, scope));
    return (f) => {
      const d = new PyDict();
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        if (k === null) {
          const other = values[i](f);
          if (!(other instanceof PyDict)) throw typeErr(`'${typeName(other)}' object is not a mapping`);
          updateDict(d, other, null);
        } else {
          const key = k(f);
          d.set(key, values[i](f));
        }
      }
      return d;
    };
  }

  private fstring(parts: (string | FormattedValue)[], scope: Scope): (f: Frame) => string {
    const pieces = parts.map((p): ((f: Frame) => string) => {
      if (typeof p === 'string') return () => p;
      const value = this.read(p.value, scope);
      const spec = p.spec.length === 0 ? null : this.fstring(p.spec, scope);
      const conv = p.conversion;
      const doc = p.selfDoc;
      return (f) => {
        let v = value(f);
        if (conv === 'r') v = repr(v);
        else if (conv === 'a') v = asciiRepr(v);
        else if (conv === 's') v = str(v);
        const text = spec === null ? str(v) : formatValue(v, spec(f));
        return doc + text;
      };
    });
    return (f) => {
      let out = '';
      for (let i = 0; i < pieces.length; i++) out += pieces[i](f);
      checkSize(out.length);
      return out;
    };
  }

  private compare(e: ExprOf<'Compare'>, scope: Scope): Ev {
    // comparing only reads its operands
    const left = this.read(e.left, scope);
    // `x in {constants}` is a frozenset constant in CPython: built once, looked up in place
    const rights = e.comparators.map((c, i) => ((e.ops[i] === 'in' || e.ops[i] === 'not in') && c.k === 'Set' && c.elts.every(folds) ? this.constantSet(c, scope) : this.read(c, scope)));
    const fns = e.ops.map((op) => COMPARE[op]);
    if (fns.length === 1) {
      const right = rights[0];
      const op = e.ops[0];
      if (op === 'in' || op === 'not in') {
        const negate = op === 'not in';
        return (f) => {
          const a = left(f);
          const b = right(f);
          // a log line's substring test inline; a long text is searched by contains, which pays for it
          const r = typeof b === 'string' && typeof a === 'string' && b.length <= 1024 ? b.includes(a) : ops.contains(b, a);
          return negate ? !r : r;
        };
      }
      if (op === '==' || op === '!=') {
        const negate = op === '!=';
        return (f) => {
          const a = left(f);
          const b = right(f);
          // the same object is equal to itself, but for a NaN float (float_richcompare)
          const r = a === b ? !(a instanceof PyFloat && a.v !== a.v) : (typeof a !== 'string' || typeof b !== 'string') && ops.eq(a, b);
          return negate ? !r : r;
        };
      }
      const fn = fns[0];
      return (f) => fn(left(f), right(f));
    }
    return (f) => {
      let a = left(f);
      for (let i = 0; i < fns.length; i++) {
        const b = rights[i](f);
        if (!fns[i](a, b)) return false;
        a = b;
      }
      return true;
    };
  }

  private sliceParts(sl: ExprOf<'Slice'>, scope: Scope): [Ev, Ev, Ev] {
    const none: Ev = () => null;
    return [sl.lower ? this.expr(sl.lower, scope) : none, sl.upper ? this.expr(sl.upper, scope) : none, sl.step ? this.expr(sl.step, scope) : none];
  }

  private subscript(e: ExprOf<'Subscript'>, scope: Scope): Ev {
    const obj = this.read(e.value, scope);
    if (e.index.k === 'Slice') {
      const [lo, hi, st] = this.sliceParts(e.index, scope);
      return (f) => ops.getslice(obj(f), lo(f), hi(f), st(f));
    }
    if (e.index.k === 'Const' && typeof e.index.v === 'string') {
      const key = e.index.v;
      return (f) => {
        const o = obj(f);
        if (o instanceof PyDict) {
          const v = o.m.get(key);
          if (v !== undefined) return v;
        }
        return ops.getitem(o, key);
      };
    }
    const key = this.expr(e.index, scope);
    return (f) => ops.getitem(obj(f), key(f));
  }

  private call(e: ExprOf<'Call'>, scope: Scope): Ev {
    const readingBuiltin = e.func.k === 'Name' && READING_BUILTINS.has(e.func.id) && scope.resolve(e.func.id).at === 'builtin';
    const args = this.items(e.args, scope, readingBuiltin);
    const kws = e.keywords.map((k) => ({ name: k.name, value: this.expr(k.value, scope) }));
    const kwargs =
      kws.length === 0
        ? null
        : (f: Frame): Map<string, Py> => {
            const m = new Map<string, Py>();
            for (const k of kws) {
              const v = k.value(f);
              if (k.name !== null) m.set(k.name, v);
              else {
                if (!(v instanceof PyDict)) throw typeErr(`argument after ** must be a mapping, not ${typeName(v)}`);
                work(v.m.size);
                for (const [nk, x] of v.m) {
                  const key = v.key(nk);
                  if (typeof key !== 'string') throw typeErr('keywords must be strings');
                  if (m.has(key)) throw typeErr(`got multiple values for keyword argument '${key}'`);
                  m.set(key, x);
                }
              }
            }
            return m;
          };
    if (e.func.k === 'Attribute') {
      const obj = READING_METHODS.has(e.func.attr) ? this.read(e.func.value, scope) : this.expr(e.func.value, scope);
      const invoke = methodCaller(e.func.attr);
      if (kwargs === null) return (f) => invoke(obj(f), args(f), null);
      return (f) => invoke(obj(f), args(f), kwargs(f));
    }
    const fn = this.expr(e.func, scope);
    if (kwargs === null) return (f) => callValue(fn(f), args(f), null);
    return (f) => callValue(fn(f), args(f), kwargs(f));
  }

  private lambda(e: ExprOf<'Lambda'>, parent: Scope): Ev {
    const scope = new Scope(parent, parent.globals);
    for (const p of e.params) scope.local(p.name);
    const defaults = e.params.map((p) => (p.default === null ? null : this.expr(p.default, parent)));
    const body = this.expr(e.body, scope);
    const params = e.params;
    return (f) => {
      const defs = defaults.map((d) => (d === null ? undefined : d(f)));
      return new PyFunc(
        LAMBDA_NAME,
        (args, kw) => {
          enterCall();
          try {
            const lf = new Frame(new Array(scope.slots.size), f, f.g);
            bindParams(LAMBDA_NAME, params, defs, args, kw, lf.s);
            return body(lf);
          } finally {
            exitCall();
          }
        },
        'function',
      );
    };
  }

  private comprehension(e: ExprOf<'ListComp' | 'SetComp' | 'GenExp' | 'DictComp'>, parent: Scope): Ev {
    const scope = new Scope(parent, parent.globals);
    for (const g of e.gens) for (const name of boundNames(g.target)) scope.local(name);
    // The first iterable is evaluated in the enclosing scope, the rest inside.
    const first = this.iterable(e.gens[0].iter, parent);
    const gens = e.gens.map((g: Comprehension, i) => ({
      iter: i === 0 ? null : this.iterable(g.iter, scope),
      store: this.store(g.target, scope),
      ifs: g.ifs.map((c) => this.test(c, scope)),
    }));
    const slotCount = () => scope.slots.size;
    const loop = function* (cf: Frame, level: number, it: Py): Generator<void> {
      const g = gens[level];
      for (const x of ops.iterate(it)) {
        step();
        g.store(cf, x);
        let ok = true;
        for (let i = 0; i < g.ifs.length; i++) {
          if (!g.ifs[i](cf)) {
            ok = false;
            break;
          }
        }
        if (!ok) continue;
        if (level + 1 === gens.length) yield;
        else yield* loop(cf, level + 1, gens[level + 1].iter!(cf));
      }
    };
    if (e.k === 'GenExp') {
      const elt = this.expr(e.elt, scope);
      return (f) => {
        const cf = new Frame(new Array(slotCount()), f, f.g);
        const it = loop(cf, 0, first(f));
        const gen = (function* () {
          for (const _ of it) yield elt(cf);
        })();
        return new PyIterator(gen);
      };
    }
    if (e.k === 'DictComp') {
      const key = this.expr(e.key, scope);
      const value = this.expr(e.value, scope);
      return (f) => {
        const cf = new Frame(new Array(slotCount()), f, f.g);
        const d = new PyDict();
        for (const _ of loop(cf, 0, first(f))) {
          d.set(key(cf), value(cf));
          checkSize(d.m.size);
        }
        return d;
      };
    }
    const elt = this.expr(e.elt, scope);
    // A single `for` over a list without nested loops is the common case: no generator.
    const simple = gens.length === 1;
    const g0 = gens[0];
    if (e.k === 'ListComp') {
      return (f) => {
        const cf = new Frame(new Array(slotCount()), f, f.g);
        const out: Py[] = [];
        const it = first(f);
        if (simple) {
          next: for (const x of Array.isArray(it) || typeof it === 'string' ? it : ops.iterate(it)) {
            step();
            g0.store(cf, x);
            for (let i = 0; i < g0.ifs.length; i++) if (!g0.ifs[i](cf)) continue next;
            out.push(elt(cf));
            if ((out.length & 1023) === 0) checkSize(out.length);
          }
        } else {
          for (const _ of loop(cf, 0, it)) {
            out.push(elt(cf));
            if ((out.length & 1023) === 0) checkSize(out.length);
          }
        }
        checkSize(out.length);
        return out;
      };
    }
    return (f) => {
      const cf = new Frame(new Array(slotCount()), f, f.g);
      const set = new PySet();
      for (const _ of loop(cf, 0, first(f))) {
        set.add(elt(cf));
        checkSize(set.size);
      }
      return set;
    };
  }
}

function exceptionMatches(types: Py, e: PyException): boolean {
  if (types instanceof PyType) {
    if (!types.isException) throw typeErr('catching classes that do not inherit from BaseException is not allowed');
    return e.type.isSubclassOf(types);
  }
  // CPython 3.11 checks every item first, and a tuple may hold only classes (no nested tuple)
  if (types instanceof PyTuple) {
    work(types.items.length);
    for (const t of types.items) if (!(t instanceof PyType && t.isException)) throw typeErr('catching classes that do not inherit from BaseException is not allowed');
    return types.items.some((t) => e.type.isSubclassOf(t as PyType));
  }
  throw typeErr('catching classes that do not inherit from BaseException is not allowed');
}

/** Binds a lambda's parameters from positional and keyword arguments, with CPython's errors. */
function bindParams(name: string, params: Param[], defaults: Py[], args: Py[], kw: Map<string, Py> | null, slots: Py[]): void {
  const starAt = params.findIndex((p) => p.star === '*');
  const kwAt = params.findIndex((p) => p.star === '**');
  const positional = params.filter((p, i) => p.star === '' && (starAt < 0 || i < starAt)).length;
  // a bare * takes no arguments: the parameters after it are keyword-only
  const bare = starAt >= 0 && params[starAt].name === '';
  if (args.length > positional && (starAt < 0 || bare)) {
    // too_many_positional: defaults of positional parameters only, and keyword-only ones given
    const withDefault = params.filter((p, i) => p.star === '' && i < positional && defaults[i] !== undefined).length;
    const takes = withDefault > 0 ? `from ${positional - withDefault} to ${positional}` : `${positional}`;
    const plural = withDefault > 0 || positional !== 1 ? 's' : '';
    const keywordsGiven = params.filter((p, i) => starAt >= 0 && i > starAt && p.star === '' && kw?.has(p.name)).length;
    const also = keywordsGiven > 0 ? ` positional argument${args.length !== 1 ? 's' : ''} (and ${keywordsGiven} keyword-only argument${keywordsGiven !== 1 ? 's' : ''})` : '';
    throw typeErr(`${name}() takes ${takes} positional argument${plural} but ${args.length}${also} ${args.length === 1 && keywordsGiven === 0 ? 'was' : 'were'} given`);
  }
  const extraKw = kwAt < 0 ? null : new PyDict();
  if (kw !== null) {
    for (const [k, v] of kw) {
      const i = params.findIndex((p) => p.name === k && p.star === '');
      if (i < 0) {
        if (extraKw === null) throw typeErr(`${name}() got an unexpected keyword argument '${k}'`);
        extraKw.set(k, v);
      } else if (i < positional && i < args.length) throw typeErr(`${name}() got multiple values for argument '${k}'`);
    }
  }
  const missing: string[] = [];
  const missingKeywords: string[] = [];
  let ai = 0;
  for (let i = 0; i < params.length; i++) {
    const p = params[i];
    if (p.star === '*') {
      if (!bare) slots[i] = new PyTuple(args.slice(ai));
      ai = args.length;
    } else if (p.star === '**') slots[i] = extraKw;
    else if (i < positional && ai < args.length) slots[i] = args[ai++];
    else if (kw?.has(p.name)) slots[i] = kw.get(p.name);
    else if (defaults[i] !== undefined) slots[i] = defaults[i];
    else (starAt >= 0 && i > starAt ? missingKeywords : missing).push(`'${p.name}'`);
  }
  // positional ones are reported first, as CPython does
  const [absent, kind] = missing.length > 0 ? [missing, 'positional'] : [missingKeywords, 'keyword-only'];
  if (absent.length > 0) {
    const names = absent.length === 1 ? absent[0] : `${absent.slice(0, -1).join(', ')} and ${absent[absent.length - 1]}`;
    throw typeErr(`${name}() missing ${absent.length} required ${kind} argument${absent.length === 1 ? '' : 's'}: ${names}`);
  }
}
