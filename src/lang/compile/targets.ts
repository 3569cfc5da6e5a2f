import type { Expr } from '../ast.js';
import { delattr, setattr } from '../runtime/classes.js';
import { INTROSPECTED, setIntrospected } from '../runtime/introspection.js';
import { typeErr, valueErr } from '../runtime/exceptions.js';
import * as ops from '../runtime/ops.js';
import { lateOwner } from '../runtime/late-hooks.js';
import { PyTuple, typeName, type Py } from '../runtime/values.js';
import { ExpressionCompiler } from './expressions.js';
import type { Frame } from './frame.js';
import type { Scope } from './scope.js';

/** Assignment and `del` targets: names, subscripts, slices, and tuples and lists of them. */
export abstract class TargetCompiler extends ExpressionCompiler {
  protected storeName(name: string, scope: Scope): (f: Frame, v: Py) => void {
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

  protected store(t: Expr, scope: Scope): (f: Frame, v: Py) => void {
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
        const name = t.attr;
        if (INTROSPECTED.has(name)) return (f, v) => setIntrospected(obj(f), name, v);
        return (f, v) => setattr(obj(f), name, v);
      }
      case 'Tuple':
      case 'List': {
        const star = t.elts.findIndex((e) => e.k === 'Starred');
        const stores = t.elts.map((e) => this.store(e.k === 'Starred' ? e.value : e, scope));
        const n = t.elts.length;
        return (f, v) => {
          const values = unpack(v, n, star);
          for (let i = 0; i < n; i++) stores[i](f, values[i]);
        };
      }
      default:
        throw this.unsupported('cannot assign to this expression', t);
    }
  }

  protected deleter(t: Expr, scope: Scope, quiet = false): (f: Frame) => void {
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
      case 'Attribute': {
        const obj = this.expr(t.value, scope);
        const name = t.attr;
        if (INTROSPECTED.has(name)) return (f) => setIntrospected(obj(f), name, undefined);
        return (f) => delattr(obj(f), name);
      }
      default:
        throw this.unsupported('cannot delete this expression', t);
    }
  }

}

/**
 * The n values an unpacking assignment stores, the one at `star` (or none, -1) a list of
 * the rest: the iterable's own items when they are just enough, as they are read only.
 */
export function unpack(v: Py, n: number, star: number): Py[] {
  if (!ops.isIterable(v)) throw typeErr(`cannot unpack non-iterable ${typeName(v)} object`);
  // without a star, UNPACK_SEQUENCE reads an iterator one item past n at most (an endless one included)
  // a list or tuple subclass's instance whose class got an __iter__ after it was made is walked by it (late-hooks.ts)
  const own = (Array.isArray(v) || v instanceof PyTuple) && lateOwner(v, '__iter__') === undefined;
  const items = own && Array.isArray(v) ? v : own && v instanceof PyTuple ? v.items : star < 0 ? firstItems(v, n + 1) : ops.toList(v);
  if (star < 0) {
    if (items.length !== n) {
      throw valueErr(items.length > n ? `too many values to unpack (expected ${n})` : `not enough values to unpack (expected ${n}, got ${items.length})`);
    }
    return items;
  }
  if (items.length < n - 1) throw valueErr(`not enough values to unpack (expected at least ${n - 1}, got ${items.length})`);
  const tail = n - 1 - star;
  return [...items.slice(0, star), items.slice(star, items.length - tail), ...items.slice(items.length - tail)];
}

/** The first `most` items v yields: the iterator is left where it stopped, as CPython leaves it. */
function firstItems(v: Py, most: number): Py[] {
  const items: Py[] = [];
  const it = ops.iterate(v)[Symbol.iterator]();
  while (items.length < most) {
    const r = it.next();
    if (r.done === true) break;
    items.push(r.value);
  }
  return items;
}
