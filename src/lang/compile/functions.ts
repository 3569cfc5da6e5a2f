import { boundNames, type Comprehension, type Expr, type ExprOf, type Stmt, type StmtOf } from '../ast.js';
import { ConditionError } from '../errors.js';
import { checkSize, enterCall, enterFrame, exitCall, exitFrame, step } from '../runtime/budget.js';
import { cpIterable } from '../runtime/codepoints.js';
import { callValue } from '../runtime/builtins.js';
import * as ops from '../runtime/ops.js';
import { lateOwner } from '../runtime/late-hooks.js';
import { dropped, GENERATOR_FUNCTIONS, PyGenerator, takeFresh, type GeneratorBody } from '../runtime/generator.js';
import { EXCEPTION_TYPES } from '../runtime/exceptions.js';
import { bindArgs, Signature } from '../runtime/signature.js';
import { noteAnnotations } from '../runtime/function-annotations.js';
import { noteRunDef } from '../runtime/shared-objects.js';
import { assignedName } from '../runtime/def-names.js';
import { docstring, noteDoc } from '../runtime/introspection.js';
import { PyDict, PyException, PyFunc, PySet, type Py } from '../runtime/values.js';

const GeneratorExit = EXCEPTION_TYPES.get('GeneratorExit')!;
import { Frame, NORMAL, RETURN, type Ev, type Ex } from './frame.js';
import { childQualname, declareLambdaLocals, functionScope, positionalCount, Scope, varnames, walkScope } from './scope.js';
import { yieldsIn } from './yields.js';
import { TargetCompiler } from './targets.js';

/** What CPython calls each comprehension in its SyntaxErrors. */
const COMPREHENSION_NAMES = { ListComp: 'list comprehension', SetComp: 'set comprehension', DictComp: 'dict comprehension', GenExp: 'generator expression' } as const;

/** The code names of comprehensions, the last part of their __qualname__ (a generator expression's shows). */
const COMPREHENSION_CODE_NAMES = { ListComp: '<listcomp>', SetComp: '<setcomp>', DictComp: '<dictcomp>', GenExp: '<genexpr>' } as const;

/** Defs, lambdas and comprehensions: what opens a scope of its own. */
export abstract class FunctionCompiler extends TargetCompiler {
  /** A block of statements (see StatementCompiler). */
  abstract block(body: Stmt[], scope: Scope): Ex;
  /** A generator function's body (see GeneratorCompiler). */
  abstract generatorBody(body: Stmt[], scope: Scope): (lf: Frame) => GeneratorBody;
  /** A lambda's body that yields: the generator's run, whose value the expression's is (see GeneratorCompiler). */
  abstract generatorLambda(body: Expr, scope: Scope): (lf: Frame) => GeneratorBody;

  /**
   * `def`: at run time, the decorators, then the defaults and annotations are evaluated in
   * the enclosing scope, and the function is bound to its name. A call runs the body in a
   * frame of its own whose parent is the frame the def ran in (its closure), under the
   * recursion limit, its arguments bound by the one binder. `given`: the decorators,
   * defaults and annotations, when the generator route evaluated them (a yield among them).
   */
  protected functionDef(s: StmtOf<'FunctionDef'>, parent: Scope, given?: { decorators: Ev[]; defaults: (Ev | null)[]; annotations: Ev[] }): Ex {
    const scope = functionScope(s, parent, this.source);
    const decorators = given?.decorators ?? s.decorators.map((d) => this.expr(d, parent));
    const defaults = given?.defaults ?? s.params.map((p) => (p.default === null ? null : this.expr(p.default, parent)));
    const annotations = given?.annotations ?? s.annotations.map((a) => this.expr(a, parent));
    // a def whose body yields is a generator function: a call makes the generator, which runs the body when resumed
    const generator = yieldsIn(s.body) ? this.generatorBody(s.body, scope) : null;
    const body = generator === null ? this.block(s.body, scope) : null;
    const qualname = scope.qualname;
    const sig = new Signature(qualname, s.params, 'python');
    const store = this.storeName(s.name, parent);
    // what each annotation annotates: the annotated parameters, then the return if one is left
    const annotated = s.params.filter((p) => p.annotated === true).map((p) => p.name);
    if (annotations.length > annotated.length) annotated.push('return');
    const doc = docstring(s.body);
    return (f) => {
      const decs = decorators.map((d) => d(f));
      const defs = defaults.map((d) => (d === null ? undefined : d(f)));
      const annotationValues = annotations.length === 0 ? null : annotations.map((a) => a(f));
      const made: PyFunc = new PyFunc(
        qualname,
        (args, kw) => {
          enterCall();
          try {
            const lf = new Frame(new Array(scope.slots.size), f, f.g);
            bindArgs(sig, args, kw, defs, lf.s);
            // named as its function is now (gen_new_with_qualname: its __name__ and __qualname__)
            if (generator !== null) return new PyGenerator(generator(lf), made.name, true, true, assignedName(made));
            return body!(lf) === RETURN ? lf.ret : null;
          } finally {
            exitCall();
          }
        },
        'function',
      );
      let fn: Py = made;
      // the condition's own, made anew in this run: it takes attributes (shared-objects.ts), and its defaults are read from here
      noteRunDef(fn as PyFunc, { params: s.params, defs });
      if (generator !== null) GENERATOR_FUNCTIONS.add(fn);
      if (annotationValues !== null) noteAnnotations(fn, annotated, annotationValues);
      // filed for __doc__ only where there is one
      if (doc !== null) noteDoc(fn, doc);
      for (let i = decs.length - 1; i >= 0; i--) fn = callValue(decs[i], [fn], null);
      store(f, fn);
      return NORMAL;
    };
  }

  protected lambda(e: ExprOf<'Lambda'>, parent: Scope, given?: (Ev | null)[]): Ev {
    const scope = new Scope(parent, parent.globals, childQualname(parent, '<lambda>'));
    const qualname = scope.qualname;
    for (const p of e.params) scope.local(p.name);
    scope.argCount = positionalCount(e.params);
    scope.nodes = [e.body];
    scope.params = varnames(e.params);
    declareLambdaLocals(e.body, scope);
    const defaults = given ?? e.params.map((p) => (p.default === null ? null : this.expr(p.default, parent)));
    // a lambda whose body yields is a generator function, as a def's is
    const generator = yieldsIn([e.body]) ? this.generatorLambda(e.body, scope) : null;
    const body = generator === null ? this.expr(e.body, scope) : (lf: Frame) => new PyGenerator(generator(lf), qualname);
    const sig = new Signature(qualname, e.params, 'python');
    return (f) => {
      const defs = defaults.map((d) => (d === null ? undefined : d(f)));
      const fn = new PyFunc(
        qualname,
        (args, kw) => {
          enterCall();
          try {
            const lf = new Frame(new Array(scope.slots.size), f, f.g);
            bindArgs(sig, args, kw, defs, lf.s);
            return body(lf);
          } finally {
            exitCall();
          }
        },
        'function',
      );
      noteRunDef(fn, { params: e.params, defs });
      if (generator !== null) GENERATOR_FUNCTIONS.add(fn);
      return fn;
    };
  }

  /** `first`: the first iterable, when the generator route evaluated it (a yield in it). */
  protected comprehension(e: ExprOf<'ListComp' | 'SetComp' | 'GenExp' | 'DictComp'>, parent: Scope, given?: Ev): Ev {
    const scope = new Scope(parent, parent.globals, childQualname(parent, COMPREHENSION_CODE_NAMES[e.k]));
    scope.argCount = 1;
    scope.isComprehension = true;
    for (const g of e.gens) for (const name of boundNames(g.target)) scope.local(name);
    this.checkWalrus(e, scope);
    // The first iterable is evaluated in the enclosing scope, the rest inside, where CPython refuses a yield.
    // A generator expression closes the generator it alone holds when it is closed (see comprehensionIn).
    const owning = given === undefined && e.k === 'GenExp' ? this.owningIterable(e.gens[0].iter, parent) : null;
    let made: Ev;
    // handed over with the iterable, read at once (no recursion in between)
    let held: Py = null;
    let heldOwned: PyGenerator | null = null;
    const outer = this.yieldRefusal;
    this.yieldRefusal = `'yield' inside ${COMPREHENSION_NAMES[e.k]}`;
    try {
      made =
        owning === null
          ? this.comprehensionIn(e, scope, given ?? this.iterable(e.gens[0].iter, parent), () => null)
          : this.comprehensionIn(e, scope, () => held, () => heldOwned);
    } finally {
      this.yieldRefusal = outer;
    }
    if (owning === null) return made;
    return (f) => {
      held = owning(f);
      const g = takeFresh();
      heldOwned = g === held ? g : null;
      try {
        return made(f);
      } finally {
        // nothing of a run is kept by the compiled condition
        held = heldOwned = null;
      }
    };
  }

  /**
   * `owned`: the generator a generator expression alone holds, closed when the expression is
   * closed, as CPython frees the expression's frame then. (Raising, the frame is held by the
   * traceback until the exception is dropped: no close here, see the README.)
   */
  private comprehensionIn(e: ExprOf<'ListComp' | 'SetComp' | 'GenExp' | 'DictComp'>, scope: Scope, first: Ev, owned: () => PyGenerator | null): Ev {
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
      const qualname = scope.qualname;
      return (f) => {
        const cf = new Frame(new Array(slotCount()), f, f.g);
        const it = loop(cf, 0, first(f));
        const inner = owned();
        // a generator, as CPython's: what is sent is dropped, what is thrown in is raised where it stands
        const body = (function* (): GeneratorBody {
          try {
            for (const _ of it) yield elt(cf);
          } catch (err) {
            if (inner !== null && err instanceof PyException && err.type === GeneratorExit) dropped(inner);
            throw err;
          }
          return null;
        })();
        return new PyGenerator(body, qualname, false, inner !== null);
      };
    }
    if (e.k === 'DictComp') {
      const key = this.expr(e.key, scope);
      const value = this.expr(e.value, scope);
      return (f) => {
        const cf = new Frame(new Array(slotCount()), f, f.g);
        const d = new PyDict();
        const it = first(f);
        enterFrame();
        try {
          for (const _ of loop(cf, 0, it)) {
            d.set(key(cf), value(cf));
            checkSize(d.m.size);
          }
        } finally {
          exitFrame();
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
        // its frame is entered once the first iterable is read (that is evaluated in the caller's)
        enterFrame();
        try {
          if (simple) {
            next: for (const x of (Array.isArray(it) && lateOwner(it, '__iter__') === undefined) ? it : typeof it === 'string' ? cpIterable(it) : ops.iterate(it)) {
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
        } finally {
          exitFrame();
        }
        checkSize(out.length);
        return out;
      };
    }
    return (f) => {
      const cf = new Frame(new Array(slotCount()), f, f.g);
      const set = new PySet();
      const it = first(f);
      enterFrame();
      try {
        for (const _ of loop(cf, 0, it)) {
          set.add(elt(cf));
          checkSize(set.size);
        }
      } finally {
        exitFrame();
      }
      return set;
    };
  }

  /** CPython's two refusals of a walrus in a comprehension (symtable.c). */
  private checkWalrus(e: ExprOf<'ListComp' | 'SetComp' | 'GenExp' | 'DictComp'>, scope: Scope): void {
    const refuse = (n: Expr, message: string) => new ConditionError('SyntaxError', message, this.source, n.s, n.e);
    walkScope(
      e.gens.map((g) => g.iter),
      (n) => {
        if (n.k === 'NamedExpr') throw refuse(n, 'assignment expression cannot be used in a comprehension iterable expression');
      },
    );
    const rest: Expr[] = e.k === 'DictComp' ? [e.key, e.value] : [e.elt];
    for (const g of e.gens) rest.push(...g.ifs);
    walkScope(rest, (n) => {
      if (n.k === 'NamedExpr' && scope.slots.has(n.target.id)) throw refuse(n, `assignment expression cannot rebind comprehension iteration variable '${n.target.id}'`);
    });
  }
}
