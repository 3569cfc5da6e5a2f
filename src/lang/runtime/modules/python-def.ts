/**
 * A module's function that CPython writes in Python (textwrap.fill, urllib.parse.quote):
 * ceval.c's words for a wrong call, and a frame while it runs, as the Python function has.
 */
import { enterCall, exitCall } from '../budget.js';
import { bindArgs, Signature, type Parameter } from '../signature.js';
import type { PyClass } from '../class-values.js';
import { PyFunc, type Py } from '../values.js';

/**
 * `def name(a, b=default, /, *, c=default, **kw)`: each parameter written as in Python ('a',
 * '/', '*', '*args', '**kw'), the defaults by name; the body gets one argument per parameter
 * (a `*args` as a tuple, a `**kw` as a dict, as bindArgs gives them).
 */
export function pyDef(qualname: string, params: readonly string[], defaults: Readonly<Record<string, Py>>, body: (...args: Py[]) => Py, kind: 'function' | 'method' = 'function'): PyFunc {
  // the names before a '/' are positional only
  const slash = params.indexOf('/');
  const parameters: Parameter[] = params
    .filter((p) => p !== '/')
    .map((p, i) => (p.startsWith('**') ? { name: p.slice(2), star: '**' } : p.startsWith('*') ? { name: p.slice(1), star: '*' } : i < slash ? { name: p, star: '', posOnly: true } : { name: p, star: '' }));
  const signature = new Signature(qualname, parameters, 'python');
  const values = parameters.map((p) => (p.star === '' && Object.hasOwn(defaults, p.name) ? defaults[p.name] : undefined));
  return new PyFunc(qualname, (a, k) => {
    const args = bindArgs(signature, a, k, values);
    enterCall();
    try {
      return body(...args);
    } finally {
      exitCall();
    }
  }, kind);
}

/**
 * `def name(self, ...)` of a module's class written as one (collections.UserList), put in the
 * class: named as the class's own (`UserList.append`) or, for an abstract base's mixin the
 * evaluator puts in the class, as that base's (`Sequence.index`).
 */
export function defIn(cls: PyClass, owner: string) {
  return (name: string, params: readonly string[], defaults: Readonly<Record<string, Py>>, body: (self: Py, ...args: Py[]) => Py, mixin = owner): PyFunc => {
    const f = pyDef(`${mixin}.${name}`, ['self', ...params], defaults, body as (...args: Py[]) => Py);
    cls.attrs.set(name, f);
    return f;
  };
}
