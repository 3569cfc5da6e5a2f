import { READING_BUILTINS, READING_METHODS, SharedNames } from '../analysis.js';
import { dirCall, localsCall } from './locals.js';
import { forEachChild, type Expr, type ExprOf, type FormattedValue, type Node } from '../ast.js';
import { ConditionError } from '../errors.js';
import { getattr, methodCaller } from '../runtime/attributes.js';
import { INTROSPECTED, introspect } from '../runtime/introspection.js';
import { checkSize, step, work } from '../runtime/budget.js';
import { BUILTINS, callValue } from '../runtime/builtins.js';
import { AttributeError, EXCEPTION_TYPES, NameError, pyErr, RuntimeError, typeErr } from '../runtime/exceptions.js';
import { formatValue } from '../runtime/format.js';
import { updateDict } from '../runtime/methods-dict.js';
import * as ops from '../runtime/ops.js';
import { lateCollections } from '../runtime/late-hooks.js';
import { asciiRepr, repr, str } from '../runtime/repr.js';
import { PyDict, PyException, PyFunc, PySet, tupleOf, typeName, type Py } from '../runtime/values.js';
import { includesCp, mayCut } from '../runtime/str-search.js';
import { LONG_COMPARED, payEquality } from '../runtime/codepoints.js';
import { dropped, droppedBy, GENERATOR_FUNCTIONS, madeFresh, takeFresh, type PyGenerator } from '../runtime/generator.js';
import { SET } from '../runtime/types/set.js';
import { PySlice } from '../runtime/slice.js';
import { isInstance } from '../runtime/class-values.js';
import { PyMappingProxy } from '../runtime/mappingproxy-value.js';
import { duplicate, functionStr, spreadArgs, spreadKeywords } from '../runtime/star-args.js';
import { Constants } from './constants.js';
import { compileFirst } from './deep.js';
import { frozenConstant } from './fold.js';
import { unbound, type Ev, type Frame } from './frame.js';
import { BINARY, COMPARE } from './operators.js';
import type { Scope } from './scope.js';

/** The builtins that, called by name without an argument, read the caller's frame. */
const FRAME_READERS: ReadonlySet<string> = new Set(['locals', 'vars', 'dir']);

/** Nested expr() calls past which an expression's lower parts are compiled first (compileAhead). */
const AHEAD_AT = 100;


/** The builtin super, which a call under another name hands to the call site (ExpressionCompiler.indirectSuper). */
const SUPER = BUILTINS.get('super')!;

/** Each scope's super() for a call of super under another name, made once. */
const INDIRECT_SUPER = new WeakMap<Scope, Ev>();

/** Whether a function's nodes name super or __class__, in it or in a function within it (a class body within it has a cell of its own). */
function namesSuper(nodes: readonly Node[]): boolean {
  return nodes.some(nodeNamesSuper);
}

/** Whether a class body encloses the scope: else no function of it has a __class__ cell. */
function withinClass(scope: Scope): boolean {
  for (let s = scope.parent; s !== null; s = s.parent) if (s.isClass) return true;
  return false;
}

/** Each def's and lambda's answer of nodeNamesSuper, once: a scope within scopes is walked once, not once for each. */
const NAMES_SUPER = new WeakMap<Node, boolean>();

function nodeNamesSuper(n: Node): boolean {
  if (n.k === 'Name') return n.id === 'super' || n.id === '__class__';
  const functionNode = n.k === 'FunctionDef' || n.k === 'Lambda';
  if (functionNode) {
    const known = NAMES_SUPER.get(n);
    if (known !== undefined) return known;
  }
  let found = false;
  const classBody: ReadonlySet<Node> | null = n.k === 'ClassDef' ? new Set(n.body) : null;
  forEachChild(n, (c) => {
    if (!found && classBody?.has(c) !== true) found = nodeNamesSuper(c);
  });
  if (functionNode) NAMES_SUPER.set(n, found);
  return found;
}

/**
 * Expressions: each compiles once into a closure over its operands' closures. The compiler
 * is one object across files: TargetCompiler, FunctionCompiler and StatementCompiler each
 * extend the one before with their concern.
 */
export abstract class ExpressionCompiler {
  constructor(readonly source: string) {}

  /** Every load of the envelope's log and data, and whether it only reads. */
  readonly shared = new SharedNames();

  /**
   * CPython's SyntaxError for a yield the generator route does not take (every yield of a
   * function's own body goes there): one in a class body, or in a comprehension but for its
   * first iterable, while the comprehension compiles its parts (see comprehension()).
   */
  protected yieldRefusal = "'yield' outside function";

  /**
   * The condition's folded constants, one object each by value, as CPython merges a
   * compilation's constants: `1.0 is 1.0`, `(1, 2) is (1, 2)`, `b'a' * 2 is b'aa'`.
   */
  private readonly constants = new Constants();

  /** Once the whole condition is compiled: what only compiling needed is let go. */
  finish(): void {
    this.constants.release();
  }

  protected unsupported(message: string, node: { s: number; e: number }): ConditionError {
    return new ConditionError('UnsupportedError', message, this.source, node.s, node.e);
  }


  /**
   * An expression whose value is only read where it stands: tested, compared, looked up in,
   * walked, formatted, or passed to a reading method or builtin. A bare name there is a
   * read; anything else is compiled as usual, so its own loads decide.
   */
  protected read(e: Expr, scope: Scope): Ev {
    return e.k === 'Name' ? this.load(e.id, scope, true) : this.expr(e, scope);
  }

  /** An expression used as a condition (if, while, and, or, not): yields a JS boolean. */
  protected test(e: Expr, scope: Scope): (f: Frame) => boolean {
    if (e.k === 'Compare' || e.k === 'Not') return this.expr(e, scope) as (f: Frame) => boolean;
    const ev = this.read(e, scope);
    return (f) => ops.truthy(ev(f));
  }

  /** Closures of nodes compiled ahead of their parents, bottom up (deep.ts), each taken once. */
  private readonly ahead = new Map<Expr, Ev>();
  /** expr() calls under way, one inside the other. */
  private nesting = 0;

  expr(e: Expr, scope: Scope): Ev {
    const ready = this.ahead.size === 0 ? undefined : this.ahead.get(e);
    if (ready !== undefined) {
      this.ahead.delete(e);
      return ready;
    }
    if (this.nesting === AHEAD_AT) this.compileAhead(e, scope);
    this.nesting++;
    try {
      return this.exprHere(e, scope);
    } finally {
      this.nesting--;
    }
  }

  /** A tree this deep below a statement is a chain (`f()()()...`, `a.b.c...`): its lower parts are compiled first, so that V8's stack holds CPython's 2,997 levels. */
  private compileAhead(e: Expr, scope: Scope): void {
    const nesting = this.nesting;
    this.nesting = 0;
    try {
      for (const n of compileFirst(e)) this.ahead.set(n, this.expr(n, scope));
    } finally {
      this.nesting = nesting;
    }
  }

  private exprHere(e: Expr, scope: Scope): Ev {
    switch (e.k) {
      case 'Const': {
        const constant = this.constants.folded(e) ?? e.v;
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
        const folded = this.constants.folded(e);
        if (folded !== undefined) return () => folded;
        const items = this.items(e.elts, scope);
        // (*a,) of nothing is (), one object in CPython
        return (f) => tupleOf(items(f));
      }
      case 'Set': {
        if (e.elts.length > 2 && e.elts.every((x) => this.constants.folds(x))) {
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
          // SET_UPDATE: iter()'s own error for `*x`
          for (const x of items(f, null)) set.add(x);
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
        const folded = this.constants.folded(e);
        if (folded !== undefined) return () => folded;
        const operand = this.expr(e.operand, scope);
        const op = e.op === '-' ? ops.neg : e.op === '+' ? ops.pos : ops.invert;
        return (f) => op(operand(f));
      }
      case 'BinOp': {
        const folded = this.constants.folded(e);
        if (folded !== undefined) return () => folded;
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
        // x.__class__, x.__dict__, ...: sent apart here, so that no other attribute pays a test for them
        if (INTROSPECTED.has(attr)) return (f) => introspect(obj(f), attr);
        return (f) => getattr(obj(f), attr);
      }
      case 'Subscript': {
        const folded = this.constants.folded(e);
        return folded !== undefined ? () => folded : this.subscript(e, scope);
      }
      case 'Slice': {
        // an item of a subscript's tuple, x[1:2, 3]: the parser makes no other
        const [lo, hi, st] = this.sliceParts(e, scope);
        return (f) => new PySlice(lo(f), hi(f), st(f));
      }
      case 'Starred':
        throw this.unsupported('a starred expression is only allowed in a call, a display or an assignment target', e);
      case 'Yield':
      case 'YieldFrom':
        // the generator route compiles every yield of a function's body (yield-expressions.ts)
        throw new ConditionError('SyntaxError', this.yieldRefusal, this.source, e.s, e.e);
      case 'NamedExpr': {
        const value = this.expr(e.value, scope);
        const store = this.store(e.target, scope);
        return (f) => {
          const v = value(f);
          store(f, v);
          return v;
        };
      }
    }
  }

  /**
   * What a `for` or a comprehension walks. CPython folds a set display of constants there
   * to a frozenset constant, whatever their number.
   */
  protected iterable(e: Expr, scope: Scope): Ev {
    return e.k === 'Set' && e.elts.every((x) => this.constants.folds(x)) ? this.constantSet(e, scope) : this.read(e, scope);
  }

  /**
   * What a loop or a comprehension walks, when the generator it may make is held by that
   * loop alone: a generator expression, or a call of a name that is no builtin (a call of a
   * generator function makes a generator nothing else holds). Evaluated so that takeFresh()
   * answers that generator, or null when the value is not one made fresh. Null for any
   * other expression, whose generator something else may hold.
   */
  protected owningIterable(e: Expr, scope: Scope): Ev | null {
    if (e.k === 'GenExp') {
      const ev = this.expr(e, scope);
      return (f) => {
        const g = ev(f) as PyGenerator;
        madeFresh(g);
        return g;
      };
    }
    if (e.k === 'Call' && e.func.k === 'Name' && scope.resolve(e.func.id).at !== 'builtin') return this.call(e, scope, true);
    return null;
  }

  /**
   * A call of a builtin that keeps none of its arguments (`next(g())`, `any(p(x) for x in
   * xs)`), of which some make generators nothing else holds: those are closed once the call
   * is over, as CPython drops its arguments then. Null for any other call.
   */
  private droppingCall(e: ExprOf<'Call'>, scope: Scope): Ev | null {
    if (e.func.k !== 'Name' || !KEEPS_NO_ARGUMENT.has(e.func.id) || e.keywords.length > 0 || e.args.some((a) => a.k === 'Starred')) return null;
    const place = scope.resolve(e.func.id);
    if (place.at !== 'builtin') return null;
    const owning = e.args.map((a) => this.owningIterable(a, scope));
    if (owning.every((o) => o === null)) return null;
    const callee = place.value;
    const reads = READING_BUILTINS.has(e.func.id);
    const args = e.args.map((a, i) => owning[i] ?? (reads ? this.read(a, scope) : this.expr(a, scope)));
    return (f) => {
      const values: Py[] = [];
      const made: PyGenerator[] = [];
      let r: Py;
      try {
        for (let i = 0; i < args.length; i++) {
          values.push(args[i](f));
          const g = owning[i] === null ? null : takeFresh();
          if (g !== null && g === values[i]) made.push(g);
        }
        r = callValue(callee, values, null);
      } catch (err) {
        for (const g of made) droppedBy(g, err);
        throw err;
      }
      for (const g of made) dropped(g);
      return r;
    };
  }

  /**
   * A set display of constants as the frozenset constant CPython makes of it, made at its
   * first evaluation and then kept: callers only read it (look up, walk, or merge a copy).
   */
  protected constantSet(e: { elts: Expr[] }, scope: Scope): (f: Frame) => PySet {
    const items = this.items(e.elts, scope);
    let frozen: PySet | null = null;
    return (f) => (frozen ??= frozenConstant(items(f)));
  }

  /** A load of a name; `reads` when the value is only read there (see read()). */
  protected load(name: string, scope: Scope, reads = false): Ev {
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
  protected items(elts: Expr[], scope: Scope, reads = false): (f: Frame, callee?: (() => string) | null) => Py[] {
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
    // a call's only positional argument `*x` is checked naming the function; otherwise x is a list's extension (LIST_EXTEND)
    const alone = evs.length === 1;
    return (f, callee) => {
      const out: Py[] = [];
      for (let i = 0; i < evs.length; i++) {
        if (starred[i]) spreadArgs(out, evs[i](f), alone || callee === null ? callee : undefined);
        else out.push(evs[i](f));
      }
      checkSize(out.length);
      return out;
    };
  }

  protected dict(e: ExprOf<'Dict'>, scope: Scope): Ev {
    const keys = e.keys.map((k) => (k === null ? null : this.expr(k, scope)));
    const values = e.values.map((v) => this.expr(v, scope));
    return (f) => {
      const d = new PyDict();
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        if (k === null) {
          const other = values[i](f);
          spreadMapping(d, other);
        } else {
          const key = k(f);
          d.set(key, values[i](f));
        }
      }
      return d;
    };
  }

  protected fstring(parts: (string | FormattedValue)[], scope: Scope): (f: Frame) => string {
    const pieces = parts.map((p): ((f: Frame) => string) => {
      if (typeof p === 'string') return () => p;
      const value = this.read(p.value, scope);
      const spec = p.spec.length === 0 ? null : this.fstring(p.spec, scope);
      const conv = p.conversion;
      const doc = p.selfDoc;
      return (f) => formatField(value(f), conv, spec === null ? null : spec(f), doc);
    });
    return (f) => {
      let out = '';
      for (let i = 0; i < pieces.length; i++) out += pieces[i](f);
      checkSize(out.length);
      return out;
    };
  }

  protected compare(e: ExprOf<'Compare'>, scope: Scope): Ev {
    // comparing only reads its operands
    const left = this.read(e.left, scope);
    // `x in {constants}` is a frozenset constant in CPython: built once, looked up in place
    const constant = (c: Expr, i: number): c is ExprOf<'Set'> => (e.ops[i] === 'in' || e.ops[i] === 'not in') && c.k === 'Set' && c.elts.every((x) => this.constants.folds(x));
    const rights = e.comparators.map((c, i) => (constant(c, i) ? this.constantSet(c, scope) : this.read(c, scope)));
    const fns = e.ops.map((op) => COMPARE[op]);
    if (fns.length === 1) {
      const right = rights[0];
      const op = e.ops[0];
      if (op === 'in' || op === 'not in') {
        const negate = op === 'not in';
        if (constant(e.comparators[0], 0)) {
          // the set's own membership, without asking for its type (contains's typeOf): 2,500 -> 2,200 instructions a run
          const member = SET.contains!;
          return (f) => {
            const a = left(f);
            const r = member(right(f) as PySet, a, ops.eq);
            return negate ? !r : r;
          };
        }
        const needle = e.left.k === 'Const' ? e.left.v : undefined;
        if (typeof needle === 'string' && !mayCut(needle)) {
          // a constant needle that cannot split a pair: JS's unit search is CPython's answer, with no check a run
          return (f) => {
            const b = right(f);
            const r = typeof b === 'string' && b.length <= 1024 ? b.includes(needle) : ops.contains(b, needle);
            return negate ? !r : r;
          };
        }
        return (f) => {
          const a = left(f);
          const b = right(f);
          // a log line's substring test inline; a long text is searched by contains, which pays for it
          const r = typeof b === 'string' && typeof a === 'string' && b.length <= 1024 ? includesCp(b, a) : ops.contains(b, a);
          return negate ? !r : r;
        };
      }
      if (op === '==' || op === '!=') {
        const negate = op === '!=';
        return (f) => {
          const a = left(f);
          const b = right(f);
          if (typeof a === 'string' && typeof b === 'string') {
            // a long pair of one length is paid for before V8 reads them (codepoints.ts payEquality)
            if (a.length >= LONG_COMPARED && a.length === b.length) payEquality(a.length);
            return negate ? a !== b : a === b;
          }
          if (negate) return ops.neValue(a, b);
          // the same object is equal to itself, but for a NaN float (float_richcompare) and a class's own __eq__
          if (a === b) return typeof a === 'object' && a !== null ? ops.eqValue(a, b) : true;
          // a list or tuple subclass's class that got its __eq__ late answers with any value (late-hooks.ts)
          return isInstance(a) || isInstance(b) || lateCollections() ? ops.eqValue(a, b) : ops.eq(a, b);
        };
      }
      const fn = fns[0];
      return (f) => fn(left(f), right(f));
    }
    // a chain's value is its first false comparison's, or its last's
    return (f) => {
      let a = left(f);
      let r: Py = true;
      for (let i = 0; i < fns.length; i++) {
        const b = rights[i](f);
        r = fns[i](a, b);
        if (r !== true && (r === false || !ops.truthy(r))) return r;
        a = b;
      }
      return r;
    };
  }

  protected sliceParts(sl: ExprOf<'Slice'>, scope: Scope): [Ev, Ev, Ev] {
    const none: Ev = () => null;
    return [sl.lower ? this.expr(sl.lower, scope) : none, sl.upper ? this.expr(sl.upper, scope) : none, sl.step ? this.expr(sl.step, scope) : none];
  }

  protected subscript(e: ExprOf<'Subscript'>, scope: Scope): Ev {
    const obj = this.read(e.value, scope);
    if (e.index.k === 'Slice') {
      const [lo, hi, st] = this.sliceParts(e.index, scope);
      return (f) => ops.getslice(obj(f), lo(f), hi(f), st(f));
    }
    if (e.index.k === 'Const' && typeof e.index.v === 'string') {
      const key = e.index.v;
      return (f) => {
        const o = obj(f);
        // a plain dict's item; a subclass's class may have its own __getitem__
        if (o instanceof PyDict && o.constructor === PyDict) {
          const v = o.m.get(key);
          if (v !== undefined) return v;
        }
        return ops.getitem(o, key);
      };
    }
    const key = this.expr(e.index, scope);
    return (f) => ops.getitem(obj(f), key(f));
  }

  /** `owning`: for owningIterable, a call of a name (not a method), which tells whether it made a generator fresh. */
  protected call(e: ExprOf<'Call'>, scope: Scope, owning = false): Ev {
    // super() of the builtin's name (a local or global super is the condition's own, or reaches indirectSuper below)
    if (e.func.k === 'Name' && e.func.id === 'super' && e.args.length === 0 && e.keywords.length === 0 && scope.resolve('super').at === 'builtin') {
      const sup = this.superCall(scope);
      if (sup !== null) return sup;
      // super_init_without_args outside a method: a first argument, but no __class__ cell
      if (scope.argCount > 0) return () => {
        throw pyErr(RuntimeError, 'super(): __class__ cell not found');
      };
    }
    // locals(), vars() and dir() without an argument read the caller's frame (locals.ts)
    if (e.func.k === 'Name' && FRAME_READERS.has(e.func.id) && e.args.length === 0 && e.keywords.length === 0 && scope.resolve(e.func.id).at === 'builtin') {
      return e.func.id === 'dir' ? dirCall(scope) : localsCall(scope);
    }
    const dropping = this.droppingCall(e, scope);
    if (dropping !== null) return dropping;
    const readingBuiltin = e.func.k === 'Name' && READING_BUILTINS.has(e.func.id) && scope.resolve(e.func.id).at === 'builtin';
    const args = this.items(e.args, scope, readingBuiltin);
    const kws = e.keywords.map((k) => ({ name: k.name, value: this.expr(k.value, scope) }));
    const kwargs =
      kws.length === 0
        ? null
        : !kws.some((k) => k.name === null)
          ? (f: Frame): Map<string, Py> => {
              const m = new Map<string, Py>();
              for (const k of kws) m.set(k.name!, k.value(f));
              return m;
            }
          : (f: Frame, callee: () => string): Map<string, Py> => {
              const m = new Map<string, Py>();
              for (const k of kws) {
                const v = k.value(f);
                if (k.name === null) spreadKeywords(m, v, callee);
                else if (m.has(k.name)) throw duplicate(callee, k.name);
                else m.set(k.name, v);
              }
              return m;
            };
    // `*x` or `**x`: the function (or the method) is named in their errors
    const spreads = e.args.some((a) => a.k === 'Starred') || e.keywords.some((k) => k.name === null);
    if (e.func.k === 'Attribute') {
      const obj = READING_METHODS.has(e.func.attr) ? this.read(e.func.value, scope) : this.expr(e.func.value, scope);
      const attr = e.func.attr;
      const invoke = INTROSPECTED.has(attr) ? (o: Py, a: Py[], k: Map<string, Py> | null) => (step(), callValue(introspect(o, attr), a, k)) : methodCaller(attr);
      if (spreads) {
        return (f) => {
          const o = obj(f);
          const callee = () => functionStr(getattr(o, attr), o);
          return invoke(o, args(f, callee), kwargs === null ? null : kwargs(f, callee));
        };
      }
      if (kwargs === null) return (f) => invoke(obj(f), args(f), null);
      return (f) => invoke(obj(f), args(f), kwargs(f, noCallee));
    }
    const fn = this.expr(e.func, scope);
    // what super called here under another name answers (made at compile time: the compiled code keeps no compiler)
    const sup = this.indirectSuper(scope);
    if (spreads && !owning) {
      return (f) => {
        const c = fn(f);
        const callee = () => functionStr(c);
        const a = args(f, callee);
        const k = kwargs === null ? null : kwargs(f, callee);
        if (c === SUPER && a.length === 0 && (k === null || k.size === 0)) return sup(f);
        return callValue(c, a, k);
      };
    }
    if (owning) {
      return (f) => {
        const callee = fn(f);
        if (callee === SUPER && e.args.length === 0 && kwargs === null) return sup(f);
        const name = () => functionStr(callee);
        const r = callValue(callee, args(f, name), kwargs === null ? null : kwargs(f, name));
        madeFresh(callee instanceof PyFunc && GENERATOR_FUNCTIONS.has(callee) ? (r as PyGenerator) : null);
        return r;
      };
    }
    // super called under another name (`s = super; s()`): the builtin reads the caller's frame in CPython, so the call site answers
    if (e.args.length === 0 && kwargs === null) {
      return (f) => {
        const c = fn(f);
        return c === SUPER ? sup(f) : callValue(c, args(f), null);
      };
    }
    if (kwargs === null) return (f) => callValue(fn(f), args(f), null);
    return (f) => callValue(fn(f), args(f), kwargs(f, noCallee));
  }

  /**
   * super() with no arguments called by a call of this scope under another name or through an
   * expression (`s = super; s()`): what super_init_without_args finds in the caller's frame. The
   * __class__ cell is there where the function (or one within it) names super or __class__, as
   * CPython's compiler makes it; else 'no arguments' of a function without any, or no cell found.
   * Made once a scope.
   */
  private indirectSuper(scope: Scope): Ev {
    let made = INDIRECT_SUPER.get(scope);
    if (made !== undefined) return made;
    const sup = scope.nodes !== null && !scope.isClass && withinClass(scope) && namesSuper(scope.nodes) ? this.superCall(scope) : null;
    const message = scope.argCount === 0 ? 'super(): no arguments' : 'super(): __class__ cell not found';
    made = sup ?? (() => {
      throw pyErr(RuntimeError, message);
    });
    INDIRECT_SUPER.set(scope, made);
    return made;
  }


  /** How a value is stored into an assignment target (see TargetCompiler). */
  protected abstract store(t: Expr, scope: Scope): (f: Frame, v: Py) => void;
  /** A lambda or a comprehension: a scope of its own (see FunctionCompiler); `defaults` and `first` are their parts the generator route evaluated. */
  protected abstract lambda(e: ExprOf<'Lambda'>, parent: Scope, defaults?: (Ev | null)[]): Ev;
  /** super() in a method (see ClassCompiler); null outside one. */
  protected abstract superCall(scope: Scope): Ev | null;
  protected abstract comprehension(e: ExprOf<'ListComp' | 'SetComp' | 'GenExp' | 'DictComp'>, parent: Scope, first?: Ev): Ev;
}

/** An f-string's field: its conversion, then its format spec (an instance of a condition's class may have a __format__, asked with an empty spec too). */
export function formatField(value: Py, conv: string | null, spec: string | null, doc: string): string {
  let v = value;
  if (conv === 'r') v = repr(v);
  else if (conv === 'a') v = asciiRepr(v);
  else if (conv === 's') v = str(v);
  // FORMAT_VALUE's PyObject_Format, with an empty spec too: a str as it is, an object's __format__ called (a
  // level toward the recursion limit), which a condition's class or Decimal's words itself (formatsEmpty)
  const text = formatValue(v, spec ?? '');
  return doc + text;
}

/** `{**other}` in a dict display. */
export function spreadMapping(d: PyDict, other: Py): void {
  // a class's __dict__ is read as the dict it shows
  if (other instanceof PyMappingProxy) other = other.d;
  if (other instanceof PyDict) return updateDict(d, other, null);
  // a mapping's keys() and [key], as PyDict_Update reads one (a ChainMap, a condition's class); an AttributeError is "not a mapping"
  try {
    const got = callValue(getattr(other, 'keys'), [], null);
    // PyMapping_Keys: list(other.keys()), its TypeError for no iterable in its own words
    if (!ops.isIterable(got)) throw typeErr(`${typeName(other)}.keys() returned a non-iterable (type ${typeName(got)})`);
    const keys = [...ops.iterate(got)];
    work(keys.length);
    for (const k of keys) d.set(k, ops.getitem(other, k));
  } catch (e) {
    if (e instanceof PyException && !e.fatal && e.type.isSubclassOf(AttributeError)) throw typeErr(`'${typeName(other)}' object is not a mapping`);
    throw e;
  }
  checkSize(d.m.size);
}

/** Keywords without `**` cannot repeat one another (a SyntaxError): no function is named. */
const noCallee = (): string => '';

/** Builtins that keep no reference to their arguments once they return (iter, zip, map and the like do). */
const KEEPS_NO_ARGUMENT = new Set(['next', 'any', 'all', 'sum', 'min', 'max', 'sorted', 'list', 'tuple', 'set', 'frozenset', 'dict', 'len', 'bool', 'repr', 'str']);

/** A float constant's identity: -0.0 apart from 0.0. */
