import type { Expr, ExprOf, FormattedValue, Node } from '../ast.js';
import { getattr } from '../runtime/attributes.js';
import { checkSize } from '../runtime/budget.js';
import { callValue } from '../runtime/builtins.js';
import { delattr, setattr } from '../runtime/classes.js';
import { INTROSPECTED, introspect, setIntrospected } from '../runtime/introspection.js';
import { yieldFrom } from '../runtime/generator.js';
import * as ops from '../runtime/ops.js';
import { PyDict, PySet, tupleOf, type Py } from '../runtime/values.js';
import { formatField, spreadMapping } from './expressions.js';
import { duplicate, functionStr, spreadArgs, spreadKeywords } from '../runtime/star-args.js';
import type { Ev, Frame } from './frame.js';
import { BINARY, COMPARE } from './operators.js';
import type { Scope } from './scope.js';
import { unpack } from './targets.js';
import { WithCompiler } from './with.js';

/** An expression of a generator's body that holds a yield: a JS generator that yields what it yields, is sent what each yield evaluates to, and returns the value. */
export type GenEv = (f: Frame) => Generator<Py, Py, Py>;
/** An operand: a generator when it holds a yield, else the plain closure (no generator made for it at each evaluation). */
export type Part = { gen: true; ev: GenEv } | { gen: false; ev: Ev };

/** A store into an assignment target whose operands hold a yield. */
export type GenStore = (f: Frame, v: Py) => Generator<Py, void, Py>;

/**
 * The expressions of a generator's body that hold a yield, and the assignment and `del`
 * targets that do. A closure cannot suspend, so such an expression compiles to a JS
 * generator function and its operands `yield*` into it, in CPython's order (left to right;
 * `and`, `or` and `if else` evaluate an operand only when reached; a chain compares each
 * operand once). An operand without a yield stays the closure the rest of the compiler
 * makes, so code without a yield pays nothing. `yielding` is the set of the body's nodes
 * that hold one (yields.ts).
 */
export abstract class YieldExpressionCompiler extends WithCompiler {
  protected gexpr(e: Expr, scope: Scope, yielding: ReadonlySet<Node>): GenEv {
    if (!yielding.has(e)) {
      const ev = this.expr(e, scope);
      return function* (f) {
        return ev(f);
      };
    }
    const sub = (x: Expr) => this.gexpr(x, scope, yielding);
    const part = (x: Expr) => this.part(x, scope, yielding);
    switch (e.k) {
      case 'Yield': {
        if (e.value === null) {
          return function* () {
            return yield null;
          };
        }
        const value = part(e.value);
        return function* (f) {
          return yield value.gen ? yield* value.ev(f) : value.ev(f);
        };
      }
      case 'YieldFrom': {
        const it = sub(e.value);
        return function* (f) {
          return yield* yieldFrom(yield* it(f));
        };
      }
      case 'List': {
        const items = this.gitems(e.elts, scope, yielding);
        return function* (f) {
          return yield* items(f);
        };
      }
      case 'Tuple': {
        const items = this.gitems(e.elts, scope, yielding);
        return function* (f) {
          return tupleOf(yield* items(f));
        };
      }
      case 'Set': {
        const items = this.gitems(e.elts, scope, yielding);
        return function* (f) {
          const set = new PySet();
          for (const x of yield* items(f, null)) set.add(x);
          return set;
        };
      }
      case 'Dict': {
        const keys = e.keys.map((k) => (k === null ? null : sub(k)));
        const values = e.values.map(sub);
        return function* (f) {
          const d = new PyDict();
          for (let i = 0; i < keys.length; i++) {
            const k = keys[i];
            if (k === null) spreadMapping(d, yield* values[i](f));
            else {
              const key = yield* k(f);
              d.set(key, yield* values[i](f));
            }
          }
          return d;
        };
      }
      case 'FString':
        return this.gfstring(e.parts, scope, yielding);
      case 'ListComp':
      case 'SetComp':
      case 'DictComp':
      case 'GenExp': {
        // only the first iterable is evaluated here: a yield anywhere else is the comprehension's SyntaxError
        const first = sub(e.gens[0].iter);
        let held: Py = null;
        const made = this.comprehension(e, scope, () => held);
        return function* (f) {
          held = yield* first(f);
          try {
            return made(f);
          } finally {
            // nothing of a run is kept by the compiled condition
            held = null;
          }
        };
      }
      case 'Lambda': {
        // the defaults are evaluated here, the body is a function of its own
        const defaults = e.params.map((p) => (p.default === null ? null : sub(p.default)));
        let held: Py[] = [];
        const made = this.lambda(e, scope, defaults.map((d, i) => (d === null ? null : () => held[i])));
        return function* (f) {
          const values: Py[] = [];
          for (const d of defaults) values.push(d === null ? null : yield* d(f));
          held = values;
          try {
            return made(f);
          } finally {
            held = [];
          }
        };
      }
      case 'IfExp': {
        const test = this.gtest(e.test, scope, yielding);
        const body = sub(e.body);
        const orelse = sub(e.orelse);
        return function* (f) {
          return (yield* test(f)) ? yield* body(f) : yield* orelse(f);
        };
      }
      case 'BoolOp': {
        const values = e.values.map(sub);
        const and = e.op === 'and';
        return function* (f) {
          let v: Py = null;
          for (const value of values) {
            v = yield* value(f);
            if (ops.truthy(v) !== and) return v;
          }
          return v;
        };
      }
      case 'Not': {
        const test = this.gtest(e.operand, scope, yielding);
        return function* (f) {
          return !(yield* test(f));
        };
      }
      case 'Unary': {
        const operand = sub(e.operand);
        const op = e.op === '-' ? ops.neg : e.op === '+' ? ops.pos : ops.invert;
        return function* (f) {
          return op(yield* operand(f));
        };
      }
      case 'BinOp': {
        // a chain `a + b - c ...` is walked flat, left to right: its depth would be each resumption's cost
        const operands: Part[] = [];
        const fns: ((a: Py, b: Py) => Py)[] = [];
        let x: Expr = e;
        for (; x.k === 'BinOp' && yielding.has(x); x = x.left) {
          operands.push(part(x.right));
          fns.push(BINARY[x.op]);
        }
        const first = part(x);
        operands.reverse();
        fns.reverse();
        return function* (f) {
          let acc = first.gen ? yield* first.ev(f) : first.ev(f);
          for (let i = 0; i < operands.length; i++) {
            const o = operands[i];
            acc = fns[i](acc, o.gen ? yield* o.ev(f) : o.ev(f));
          }
          return acc;
        };
      }
      case 'Compare': {
        const left = sub(e.left);
        const rights = e.comparators.map(sub);
        const fns = e.ops.map((op) => COMPARE[op]);
        // a chain's value is its first false comparison's, or its last's; each operand is evaluated once, and only when reached
        return function* (f) {
          let a = yield* left(f);
          let r: Py = true;
          for (let i = 0; i < fns.length; i++) {
            const b = yield* rights[i](f);
            r = fns[i](a, b);
            if (r !== true && (r === false || !ops.truthy(r))) return r;
            a = b;
          }
          return r;
        };
      }
      case 'Call': {
        const args = this.gitems(e.args, scope, yielding);
        const kws = e.keywords.map((k) => ({ name: k.name, value: sub(k.value) }));
        const kwargs = function* (f: Frame, callee: () => string): Generator<Py, Map<string, Py> | null, Py> {
          if (kws.length === 0) return null;
          const m = new Map<string, Py>();
          for (const k of kws) {
            const v = yield* k.value(f);
            if (k.name === null) spreadKeywords(m, v, callee);
            else if (m.has(k.name)) throw duplicate(callee, k.name);
            else m.set(k.name, v);
          }
          return m;
        };
        // CPython looks the function (or the method) up before it evaluates the arguments
        const fn = sub(e.func);
        return function* (f) {
          const callee = yield* fn(f);
          const name = () => functionStr(callee);
          const a = yield* args(f, name);
          return callValue(callee, a, yield* kwargs(f, name));
        };
      }
      case 'Attribute': {
        const obj = sub(e.value);
        const attr = e.attr;
        const read = INTROSPECTED.has(attr) ? introspect : getattr;
        return function* (f) {
          return read(yield* obj(f), attr);
        };
      }
      case 'Subscript': {
        const obj = sub(e.value);
        if (e.index.k === 'Slice') {
          const [lo, hi, st] = this.gslice(e.index, scope, yielding);
          return function* (f) {
            const o = yield* obj(f);
            const a = yield* lo(f);
            const b = yield* hi(f);
            return ops.getslice(o, a, b, yield* st(f));
          };
        }
        const key = sub(e.index);
        return function* (f) {
          const o = yield* obj(f);
          return ops.getitem(o, yield* key(f));
        };
      }
      case 'NamedExpr': {
        const value = sub(e.value);
        const store = this.store(e.target, scope);
        return function* (f) {
          const v = yield* value(f);
          store(f, v);
          return v;
        };
      }
      default:
        // a Starred or a Slice out of place: the plain compiler's refusal
        this.expr(e, scope);
        throw new Error(`internal: no generator route for ${e.k}`);
    }
  }

  protected gfstring(parts: (string | FormattedValue)[], scope: Scope, yielding: ReadonlySet<Node>): GenEv {
    const pieces = parts.map((p): GenEv | string => {
      if (typeof p === 'string') return p;
      const value = this.gexpr(p.value, scope, yielding);
      const spec = p.spec.length === 0 ? null : this.gfstring(p.spec, scope, yielding);
      const { conversion, selfDoc } = p;
      return function* (f) {
        const v = yield* value(f);
        return formatField(v, conversion, spec === null ? null : ((yield* spec(f)) as string), selfDoc);
      };
    });
    return function* (f) {
      let out = '';
      for (const p of pieces) out += typeof p === 'string' ? p : yield* p(f);
      checkSize(out.length);
      return out;
    };
  }

  protected part(e: Expr, scope: Scope, yielding: ReadonlySet<Node>): Part {
    return yielding.has(e) ? { gen: true, ev: this.gexpr(e, scope, yielding) } : { gen: false, ev: this.expr(e, scope) };
  }

  /** An expression used as a condition, as test(). */
  protected gtest(e: Expr, scope: Scope, yielding: ReadonlySet<Node>): (f: Frame) => Generator<Py, boolean, Py> {
    if (!yielding.has(e)) {
      const test = this.test(e, scope);
      return function* (f) {
        return test(f);
      };
    }
    const ev = this.gexpr(e, scope, yielding);
    return function* (f) {
      return ops.truthy(yield* ev(f));
    };
  }

  /** The values of a display or of call arguments, `*iterable` spread, as items(). */
  protected gitems(elts: Expr[], scope: Scope, yielding: ReadonlySet<Node>): (f: Frame, callee?: (() => string) | null) => Generator<Py, Py[], Py> {
    const parts = elts.map((x) => ({ star: x.k === 'Starred', value: this.part(x.k === 'Starred' ? x.value : x, scope, yielding) }));
    // as items(): a call's only positional `*x` names the function
    const alone = parts.length === 1;
    return function* (f, callee) {
      const out: Py[] = [];
      for (const p of parts) {
        const v = p.value.gen ? yield* p.value.ev(f) : p.value.ev(f);
        if (p.star) spreadArgs(out, v, alone || callee === null ? callee : undefined);
        else out.push(v);
      }
      checkSize(out.length);
      return out;
    };
  }

  protected gslice(sl: ExprOf<'Slice'>, scope: Scope, yielding: ReadonlySet<Node>): [GenEv, GenEv, GenEv] {
    const none: GenEv = function* () {
      return null;
    };
    const part = (x: Expr | null) => (x === null ? none : this.gexpr(x, scope, yielding));
    return [part(sl.lower), part(sl.upper), part(sl.step)];
  }

  /** A store whose target's operands hold a yield, as store(): the value first, then the target's operands, left to right. */
  protected gstore(t: Expr, scope: Scope, yielding: ReadonlySet<Node>): GenStore {
    if (!yielding.has(t)) {
      const store = this.store(t, scope);
      return function* (f, v) {
        store(f, v);
      };
    }
    switch (t.k) {
      case 'Subscript': {
        const obj = this.gexpr(t.value, scope, yielding);
        if (t.index.k === 'Slice') {
          const [lo, hi, st] = this.gslice(t.index, scope, yielding);
          return function* (f, v) {
            const o = yield* obj(f);
            const a = yield* lo(f);
            const b = yield* hi(f);
            ops.setslice(o, a, b, yield* st(f), v);
          };
        }
        const key = this.gexpr(t.index, scope, yielding);
        return function* (f, v) {
          const o = yield* obj(f);
          ops.setitem(o, yield* key(f), v);
        };
      }
      case 'Attribute': {
        const obj = this.gexpr(t.value, scope, yielding);
        const name = t.attr;
        const write = INTROSPECTED.has(name) ? setIntrospected : setattr;
        return function* (f, v) {
          write(yield* obj(f), name, v);
        };
      }
      case 'Tuple':
      case 'List': {
        const star = t.elts.findIndex((e) => e.k === 'Starred');
        const stores = t.elts.map((e) => this.gstore(e.k === 'Starred' ? e.value : e, scope, yielding));
        return function* (f, v) {
          // copied: the stores in between may yield, and the caller change the iterable meanwhile
          const values = unpack(v, stores.length, star).slice();
          for (let i = 0; i < stores.length; i++) yield* stores[i](f, values[i]);
        };
      }
      default:
        this.store(t, scope);
        throw new Error(`internal: no generator route to store into ${t.k}`);
    }
  }

  /** A `del` target whose operands hold a yield, as deleter(). */
  protected gdeleter(t: Expr, scope: Scope, yielding: ReadonlySet<Node>): (f: Frame) => Generator<Py, void, Py> {
    if (!yielding.has(t)) {
      const del = this.deleter(t, scope);
      return function* (f) {
        del(f);
      };
    }
    switch (t.k) {
      case 'Subscript': {
        const obj = this.gexpr(t.value, scope, yielding);
        if (t.index.k === 'Slice') {
          const [lo, hi, st] = this.gslice(t.index, scope, yielding);
          return function* (f) {
            const o = yield* obj(f);
            const a = yield* lo(f);
            const b = yield* hi(f);
            ops.delslice(o, a, b, yield* st(f));
          };
        }
        const key = this.gexpr(t.index, scope, yielding);
        return function* (f) {
          const o = yield* obj(f);
          ops.delitem(o, yield* key(f));
        };
      }
      case 'Attribute': {
        const obj = this.gexpr(t.value, scope, yielding);
        const name = t.attr;
        const remove = INTROSPECTED.has(name) ? (o: Py) => setIntrospected(o, name, undefined) : (o: Py) => delattr(o, name);
        return function* (f) {
          remove(yield* obj(f));
        };
      }
      case 'Tuple':
      case 'List': {
        const dels = t.elts.map((e) => this.gdeleter(e, scope, yielding));
        return function* (f) {
          for (const d of dels) yield* d(f);
        };
      }
      default:
        this.deleter(t, scope);
        throw new Error(`internal: no generator route to delete ${t.k}`);
    }
  }
}
