import type { StmtOf } from '../ast.js';
import { classOfInstance, finishClass, makeClass, PyClass, PySuper } from '../runtime/classes.js';
import { PyDict, type Py } from '../runtime/values.js';
import { Frame, NORMAL, type Ev, type Ex } from './frame.js';
import { PatternCompiler } from './patterns.js';
import { ANNOTATIONS, CLASS_CELL, classScope, type Scope } from './scope.js';
import { RuntimeError, pyErr, typeErr } from '../runtime/exceptions.js';
import { callValue } from '../runtime/builtins.js';
import { classArguments } from './class-arguments.js';
import { docstring, noteDoc } from '../runtime/introspection.js';
import { buildClass, needsMeta, prefill, storesThrough, throughNamespace, type ClassBody } from '../runtime/metaclass.js';
import { setitem } from '../runtime/items.js';

/** `class`: its body runs once in a frame of its own, whose names become the class's attributes. */
export abstract class ClassCompiler extends PatternCompiler {
  /** `given`: the decorators, bases (a starred one's operand) and keywords' values, when the generator route evaluated them (a yield among them). */
  protected classDef(s: StmtOf<'ClassDef'>, parent: Scope, given?: { decorators: Ev[]; bases: Ev[]; keywords: Ev[] }): Ex {
    const scope = classScope(s, parent, this.source);
    const decorators = given?.decorators ?? s.decorators.map((d) => this.expr(d, parent));
    const bases = given?.bases ?? s.bases.map((b) => this.expr(b.k === 'Starred' ? b.value : b, parent));
    const args = classArguments(s, bases, given?.keywords ?? s.keywords.map((k) => this.expr(k.value, parent)));
    const body = this.block(s.body, scope);
    const store = this.storeName(s.name, parent);
    const cell = scope.slots.get(CLASS_CELL)!;
    const annotations = scope.slots.get(ANNOTATIONS);
    const qualname = scope.qualname;
    const doc = docstring(s.body);
    const slots = [...scope.slots].filter(([, slot]) => slot !== cell);
    /** The body run into a metaclass's namespace (runtime/metaclass.ts): its names start from the namespace's entries, and are stored into it in order. */
    const intoNamespace = (f: Frame): ClassBody => (ns) => {
      const eager = storesThrough(ns);
      const cf = new Frame(eager ? throughNamespace(ns, new Array(scope.slots.size), slots) : new Array(scope.slots.size), f, f.g);
      prefill(ns, slots, cf);
      // SETUP_ANNOTATIONS: the namespace's own __annotations__, else a new dict stored into it
      if (annotations !== undefined && cf.s[annotations] === undefined) cf.s[annotations] = new PyDict();
      if (doc !== null) setitem(ns, '__doc__', doc);
      body(cf);
      if (!eager) for (const [name, slot] of slots) if (cf.s[slot] !== undefined) setitem(ns, name, cf.s[slot]);
      return (cls) => {
        if (doc !== null) noteDoc(cls, doc);
        cf.s[cell] = cls;
      };
    };
    return (f) => {
      // the decorators are evaluated first and applied last, nearest first, as for a def
      const decs = decorators.map((d) => d(f));
      const [bs, kw, meta] = args(f);
      if (meta !== undefined || bs.some(needsMeta)) {
        let made = buildClass(s.name, qualname, bs, kw, meta, intoNamespace(f));
        for (let i = decs.length - 1; i >= 0; i--) made = callValue(decs[i], [made], null);
        store(f, made);
        return NORMAL;
      }
      const cls = makeClass(s.name, qualname, bs);
      if (doc !== null) noteDoc(cls, doc);
      const cf = new Frame(new Array(scope.slots.size), f, f.g);
      if (annotations !== undefined) cf.s[annotations] = new PyDict();
      // the methods' super() reads the class from here, once it exists; the body runs first, as in CPython
      body(cf);
      for (const [name, slot] of scope.slots) if (slot !== cell && cf.s[slot] !== undefined) cls.attrs.set(name, cf.s[slot]);
      // set before __init_subclass__ runs, which may call the class's methods (type_new sets __classcell__ first)
      cf.s[cell] = cls;
      finishClass(cls, kw);
      let made: Py = cls;
      for (let i = decs.length - 1; i >= 0; i--) made = callValue(decs[i], [made], null);
      store(f, made);
      return NORMAL;
    };
  }

  /**
   * super() with no arguments in a function within a class body (a method, or a def, lambda
   * or comprehension inside one): the class of that body, as CPython's __class__ cell, and the
   * first argument of the function super() is called in, as super_init_without_args reads it
   * from its own frame. Outside a class, or in a class body, null: the builtin's own words.
   */
  protected superCall(scope: Scope): Ev | null {
    if (scope.isClass) return null;
    let depth = 0;
    let s: Scope | null = scope;
    while (s !== null && s.parent !== null && !s.parent.isClass) {
      s = s.parent;
      depth++;
    }
    if (s === null || s.parent === null) return null;
    const classDepth = depth + 1;
    const cell = s.parent.slots.get(CLASS_CELL)!;
    const argCount = scope.argCount;
    // a comprehension's first argument is its iterator, never an instance of the class the condition defines
    const comprehension = scope.isComprehension;
    return (f) => {
      if (argCount === 0) throw pyErr(RuntimeError, 'super(): no arguments');
      let fr = f;
      for (let d = 0; d < classDepth; d++) fr = fr.up!;
      const cls = fr.s[cell] as PyClass | undefined;
      if (cls === undefined) throw pyErr(RuntimeError, 'super(): __class__ cell not found');
      const self: Py = comprehension ? null : f.s[0];
      if (self === undefined) throw pyErr(RuntimeError, 'super(): arg[0] deleted');
      if (comprehension || (classOfInstance(self) === null && !(self instanceof PyClass))) throw typeErr('super(type, obj): obj must be an instance or subtype of type');
      return new PySuper(cls, self);
    };
  }
}
