/** The calendar classes' methods: Python functions of a class, bound to `self` when read from an instance. */
import { enterCall, exitCall } from '../../budget.js';
import type { PyClass } from '../../class-values.js';
import { bindArgs, Signature } from '../../signature.js';
import { PyFunc, type Py } from '../../values.js';

/**
 * `def name(self, a, b=default)` on `cls`, named `Owner.name` as CPython's words name it
 * (`TextCalendar.formatmonth() missing 2 required positional arguments: ...`). A
 * parameter given as [name, default] is optional.
 */
export function def(cls: PyClass, owner: string, name: string, params: (string | [string, Py])[], body: (self: Py, ...args: Py[]) => Py): void {
  const qualname = `${owner}.${name}`;
  const signature = new Signature(qualname, [{ name: 'self', star: '' }, ...params.map((p) => ({ name: typeof p === 'string' ? p : p[0], star: '' as const }))], 'python');
  const defaults = [undefined, ...params.map((p) => (typeof p === 'string' ? undefined : p[1]))];
  cls.attrs.set(name, new PyFunc(qualname, (a, k) => {
    const args = bindArgs(signature, a, k, defaults) as [Py, ...Py[]];
    // a frame, as the Python function's is: methods that call each other through an instance's attributes end at the recursion limit
    enterCall();
    try {
      return body(...args);
    } finally {
      exitCall();
    }
  }, 'function'));
}
