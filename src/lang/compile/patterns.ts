import { patternNames, type MatchCase, type Pattern, type StmtOf } from '../ast.js';
import { getattr } from '../runtime/attributes.js';
import { step, work } from '../runtime/budget.js';
import { BUILTINS, callValue, isinstance } from '../runtime/builtins.js';
import { AttributeError, keyErr, typeErr, valueErr } from '../runtime/exceptions.js';
import * as ops from '../runtime/ops.js';
import { repr } from '../runtime/repr.js';
import { PyDict, PyException, PyRange, PyTuple, PyType, typeName, type Py } from '../runtime/values.js';
import { PyMemoryView } from '../runtime/memoryview.js';
import { PyHookedCollection } from '../runtime/hooked-collection.js';
import { PyClass, PyInstance, readAsMapping } from '../runtime/class-values.js';
import { OBJECT_CLASS } from '../runtime/classes.js';
import { mappingItems } from '../runtime/methods-dict.js';
import { PyClassType } from '../runtime/modules/class-type.js';
import { isMappingNotDict, isSequenceClassInstance } from '../runtime/modules/collections/abc-instances.js';
import { NORMAL, type Ex, type Frame } from './frame.js';
import { FunctionCompiler } from './functions.js';
import { unpack } from './targets.js';
import type { Scope } from './scope.js';

/** A compiled pattern: whether the value matches, its captures written into `caps` by the case's name order. */
type Matcher = (f: Frame, v: Py, caps: Py[]) => boolean;

/** The builtin types whose one positional sub-pattern matches the subject itself (Py_TPFLAGS of _PyType_MATCH_SELF). */
const MATCH_SELF = new Set(['bool', 'bytearray', 'bytes', 'dict', 'float', 'frozenset', 'int', 'list', 'set', 'str', 'tuple'].map((n) => BUILTINS.get(n)).filter((t) => t !== undefined));

/** A class's __match_args__ from the module's type it subclasses (a namedtuple's fields), where no class of its own sets it. */
const inheritedMatchArgs = (t: PyClass): Py | undefined => (t.valueBase instanceof PyClassType ? t.valueBase.attrs.get('__match_args__') : undefined);

/** `match`: the subject once, then each case in order; a case's captures are bound before its guard runs, as in CPython. */
const MISS = Symbol('no such attribute');
/** The default a mapping pattern hands a subclass's get(): CPython's dummy object, met only there. */
const ABSENT = new PyInstance(OBJECT_CLASS);

/** A sub-pattern's attribute: none (an AttributeError) is no match, as CPython's match_class_attr has it. */
function attributeOrMiss(v: Py, name: string): Py | typeof MISS {
  try {
    return getattr(v, name);
  } catch (e) {
    if (e instanceof PyException && !e.fatal && e.type.isSubclassOf(AttributeError)) return MISS;
    throw e;
  }
}

export abstract class PatternCompiler extends FunctionCompiler {
  protected matchStmt(s: StmtOf<'Match'>, scope: Scope): Ex {
    const subject = this.expr(s.subject, scope);
    const cases = s.cases.map((c) => ({
      ...this.matchCase(c, scope),
      guard: c.guard === null ? null : this.test(c.guard, scope),
      body: this.block(c.body, scope),
    }));
    return (f) => {
      const v = subject(f);
      for (const c of cases) {
        step();
        if (!c.bind(f, v)) continue;
        if (c.guard !== null && !c.guard(f)) continue;
        return c.body(f);
      }
      return NORMAL;
    };
  }

  /** A case's pattern: whether the subject matches, its captures bound when it does. */
  protected matchCase(c: MatchCase, scope: Scope): { bind: (f: Frame, v: Py) => boolean } {
    const names = patternNames(c.pattern);
    const match = this.pattern(c.pattern, scope, new Map(names.map((n, i) => [n, i])));
    const stores = names.map((n) => this.storeName(n, scope));
    return {
      bind: (f, v) => {
        const caps: Py[] = new Array(stores.length);
        if (!match(f, v, caps)) return false;
        for (let i = 0; i < caps.length; i++) stores[i](f, caps[i]);
        return true;
      },
    };
  }

  protected pattern(p: Pattern, scope: Scope, slots: Map<string, number>): Matcher {
    switch (p.k) {
      case 'MatchValue': {
        const value = this.expr(p.value, scope);
        return (f, v) => ops.eq(v, value(f));
      }
      case 'MatchSingleton': {
        const value = p.value;
        return (_f, v) => v === value;
      }
      case 'MatchAs': {
        const sub = p.pattern === null ? null : this.pattern(p.pattern, scope, slots);
        const slot = p.name === null ? -1 : slots.get(p.name)!;
        return (f, v, caps) => {
          if (sub !== null && !sub(f, v, caps)) return false;
          if (slot >= 0) caps[slot] = v;
          return true;
        };
      }
      case 'MatchOr': {
        const alternatives = p.patterns.map((x) => this.pattern(x, scope, slots));
        return (f, v, caps) => alternatives.some((m) => m(f, v, caps));
      }
      case 'MatchStar':
        throw new Error('internal: a star pattern outside a sequence pattern');
      case 'MatchSequence':
        return this.sequencePattern(p.patterns, scope, slots);
      case 'MatchMapping':
        return this.mappingPattern(p, scope, slots);
      case 'MatchClass':
        return this.classPattern(p, scope, slots);
    }
  }

  /**
   * collections.abc.Sequence but str, bytes and bytearray: list, tuple, range, memoryview. A star
   * takes the middle as a list. A list or tuple is read in place; any other sequence (a subclass's
   * hooked instance, a range, a memoryview) as CPython 3.11's compiler reads it: len() (but for
   * a lone star), then
   * nothing more when every sub-pattern is a wildcard, its items by index when the star is `*_`,
   * else unpacked by iteration, whose ValueError a __len__ that lies meets.
   */
  private sequencePattern(patterns: Pattern[], scope: Scope, slots: Map<string, number>): Matcher {
    const star = patterns.findIndex((x) => x.k === 'MatchStar');
    const starSlot = star < 0 ? -1 : ((name) => (name === null ? -1 : slots.get(name)!))((patterns[star] as { name: string | null }).name);
    const subs = patterns.map((x) => (x.k === 'MatchStar' ? null : this.pattern(x, scope, slots)));
    const n = patterns.length;
    const tail = n - 1 - star;
    const wildcard = (x: Pattern): boolean => (x.k === 'MatchAs' || x.k === 'MatchStar') && x.name === null;
    const onlyWildcards = patterns.every(wildcard);
    const starWildcard = star >= 0 && wildcard(patterns[star]);
    const matchItems = (f: Frame, items: Py[], caps: Py[]): boolean => {
      for (let i = 0; i < n; i++) {
        if (i === star) continue;
        const at = star >= 0 && i > star ? items.length - tail + (i - star - 1) : i;
        if (!subs[i]!(f, items[at], caps)) return false;
      }
      if (starSlot >= 0) {
        work(items.length);
        caps[starSlot] = items.slice(star, items.length - tail);
      }
      return true;
    };
    return (f, v, caps) => {
      if (Array.isArray(v) || v instanceof PyTuple) {
        const items: Py[] = Array.isArray(v) ? v : v.items;
        return (star < 0 ? items.length === n : items.length >= n - 1) && matchItems(f, items, caps);
      }
      // a UserList's or UserString's instance is a collections.abc.Sequence too
      if (!(v instanceof PyRange || v instanceof PyMemoryView || v instanceof PyHookedCollection || isSequenceClassInstance(v))) return false;
      // a lone star asks no len()
      if (star < 0 ? ops.len(v) !== n : n > 1 && ops.len(v) < n - 1) return false;
      if (onlyWildcards) return true;
      if (starWildcard) {
        // pattern_helper_sequence_subscr: an item after the star at len() less its distance from the end, len() asked again
        for (let i = 0; i < n; i++) {
          if (i === star || wildcard(patterns[i])) continue;
          if (!subs[i]!(f, ops.getitem(v, i < star ? i : ops.len(v) - (n - i)), caps)) return false;
        }
        return true;
      }
      // n values, the star's a list already
      const values = unpack(v, n, star);
      for (let i = 0; i < n; i++) if (i !== star && !subs[i]!(f, values[i], caps)) return false;
      if (starSlot >= 0) caps[starSlot] = values[star];
      return true;
    };
  }

  /** A dict (the only mapping): every key present, its value matching; `**rest` a new dict of the others. */
  private mappingPattern(p: Extract<Pattern, { k: 'MatchMapping' }>, scope: Scope, slots: Map<string, number>): Matcher {
    const keys = p.keys.map((k) => this.expr(k, scope));
    const subs = p.patterns.map((x) => this.pattern(x, scope, slots));
    const restSlot = p.rest === null ? -1 : slots.get(p.rest)!;
    return (f, v, caps) => {
      if (!(v instanceof PyDict)) return isMappingNotDict(v) && matchMapping(f, v, caps);
      return matchMapping(f, v, caps);
    };
    /** A dict, or a module's mapping (a chain map, a UserDict): asked as CPython asks any but an exact dict. */
    function matchMapping(f: Frame, v: Py, caps: Py[]): boolean {
      // a subclass is asked as CPython asks it: len(), then its get(key, dummy) for each key
      const plain = v instanceof PyDict && v.constructor === PyDict;
      if ((plain ? v.size : ops.len(v)) < keys.length) return false;
      const get = plain ? null : getattr(v, 'get');
      const seen = new PyDict();
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i](f);
        if (seen.has(key)) throw valueErr(`mapping pattern checks duplicate key (${repr(key)})`);
        seen.set(key, null);
        const found = get === null ? (v as PyDict).get(key) : callValue(get, [key, ABSENT], null);
        if (found === undefined || found === ABSENT || !subs[i](f, found, caps)) return false;
      }
      if (restSlot >= 0) {
        if (!(v instanceof PyDict)) {
          // COPY_DICT_WITHOUT_KEYS: dict(subject), then each key matched deleted (a key get() answered but iteration lacks is a KeyError)
          const rest = callValue(BUILTINS.get('dict')!, [v], null) as PyDict;
          for (const [k] of seen.entries()) if (!rest.delete(k)) throw keyErr(k);
          caps[restSlot] = rest;
          return true;
        }
        work(v.size);
        const rest = new PyDict();
        // dict(subject) less the keys matched: a subclass's own __iter__ makes that keys() and d[k]
        for (const [k, x] of readAsMapping(v) ? mappingItems(v) : v.entries()) if (!seen.has(k)) rest.set(k, x);
        caps[restSlot] = rest;
      }
      return true;
    }
  }

  /** Positional sub-patterns against the attributes __match_args__ names (a namedtuple's fields), with CPython's checks. */
  private matchArgs(t: PyType, names: readonly Py[], keywords: readonly string[], positional: Matcher[], f: Frame, v: Py, caps: Py[]): boolean {
    if (positional.length > names.length) {
      throw typeErr(`${t.name}() accepts ${names.length} positional sub-pattern${names.length === 1 ? '' : 's'} (${positional.length} given)`);
    }
    for (let i = 0; i < positional.length; i++) {
      const name = names[i];
      if (typeof name !== 'string') throw typeErr(`__match_args__ elements must be strings (got ${typeName(name)})`);
      if (keywords.includes(name)) throw typeErr(`${t.name}() got multiple sub-patterns for attribute '${name}'`);
      const a = attributeOrMiss(v, name);
      if (a === MISS || !positional[i](f, a, caps)) return false;
    }
    return true;
  }

  /**
   * `C(p, attr=q)`: isinstance, then the positional sub-patterns (a builtin type's one
   * matches the subject itself; a type with __match_args__ (a namedtuple, a condition's
   * class) matches them against the attributes it names), then each keyword one
   * against the attribute, which only getattr's reach can read.
   */
  private classPattern(p: Extract<Pattern, { k: 'MatchClass' }>, scope: Scope, slots: Map<string, number>): Matcher {
    const cls = this.expr(p.cls, scope);
    const positional = p.patterns.map((x) => this.pattern(x, scope, slots));
    const keywords = p.kwdPatterns.map((x) => this.pattern(x, scope, slots));
    const attrs = p.kwdAttrs;
    return (f, v, caps) => {
      const t = cls(f);
      if (!(t instanceof PyType)) throw typeErr('called match pattern must be a type');
      if (!isinstance(v, t)) return false;
      const matchArgs = positional.length === 0 ? undefined : t instanceof PyClassType ? t.attrs.get('__match_args__') : t instanceof PyClass ? t.lookup('__match_args__') ?? inheritedMatchArgs(t) : undefined;
      if (matchArgs !== undefined) {
        if (!(matchArgs instanceof PyTuple)) throw typeErr(`${t.name}.__match_args__ must be a tuple (got ${typeName(matchArgs)})`);
        if (!this.matchArgs(t, matchArgs.items, attrs, positional, f, v, caps)) return false;
      } else if (positional.length > 0) {
        // the flag is inherited: a condition's subclass of list or tuple matches itself too
        const allowed = MATCH_SELF.has(t) || (t instanceof PyClass && t.valueBase !== null && MATCH_SELF.has(t.valueBase)) ? 1 : 0;
        if (positional.length > allowed) {
          throw typeErr(`${t.name}() accepts ${allowed} positional sub-pattern${allowed === 1 ? '' : 's'} (${positional.length} given)`);
        }
        if (!positional[0](f, v, caps)) return false;
      }
      for (let i = 0; i < attrs.length; i++) {
        const a = attributeOrMiss(v, attrs[i]);
        if (a === MISS || !keywords[i](f, a, caps)) return false;
      }
      return true;
    };
  }
}
