/**
 * functools.total_ordering, as Lib/functools.py: the class's own orderings are the roots, the
 * greatest by name (`__lt__` before `__le__`, `__gt__`, `__ge__`) gives the missing three,
 * each a function that calls the root through `type(self)` and answers NotImplemented when it
 * does, and `==` or `!=` of the two where Python's `and` and `or` would.
 */
import { attrErr, valueErr } from '../exceptions.js';
import { enterCall, exitCall } from '../budget.js';
import { BUILTINS } from '../builtins.js';
import { callValue } from '../call.js';
import { PyClass } from '../class-values.js';
import { setattr } from '../classes.js';
import { NOT_IMPLEMENTED_VALUE } from '../class-operators.js';
import { classAttr } from '../descriptors.js';
import { truthy } from '../iteration.js';
import { OBJECT_CLASS } from '../object-class.js';
import * as ops from '../ops.js';
import { Signature, bindArgs } from '../signature.js';
import { PyFunc, type Py } from '../values.js';

type Root = '__lt__' | '__le__' | '__gt__' | '__ge__';

/** How a derived ordering answers from the root's answer r: its name's rule in Lib/functools.py. */
type Rule = (r: Py, self: Py, other: Py) => Py;
// `not r and self != other`, `r or self == other`, `not r`, `not r or self == other`, `r and self != other`
const notAndNe: Rule = (r, self, other) => (truthy(r) ? false : ops.neValue(self, other));
const orEq: Rule = (r, self, other) => (truthy(r) ? r : ops.eqValue(self, other));
const not: Rule = (r) => !truthy(r);
const notOrEq: Rule = (r, self, other) => (truthy(r) ? ops.eqValue(self, other) : true);
const andNe: Rule = (r, self, other) => (truthy(r) ? ops.neValue(self, other) : r);

const CONVERT: Record<Root, [Root, Rule][]> = {
  __lt__: [['__gt__', notAndNe], ['__le__', orEq], ['__ge__', not]],
  __le__: [['__ge__', notOrEq], ['__lt__', andNe], ['__gt__', not]],
  __gt__: [['__lt__', notAndNe], ['__ge__', orEq], ['__le__', not]],
  __ge__: [['__le__', notOrEq], ['__gt__', andNe], ['__lt__', not]],
};

const short = (op: Root): string => op.slice(2, 4);

/** `_gt_from_lt` and the rest: type(self).__lt__(self, other), NotImplemented passed on, else the rule's answer. */
function derived(op: Root, root: Root, rule: Rule): PyFunc {
  const name = `_${short(op)}_from_${short(root)}`;
  const sig = new Signature(name, [{ name: 'self', star: '' }, { name: 'other', star: '' }], 'python');
  return new PyFunc(name, (a, k) => {
    // a function of Lib/functools.py: a frame under the recursion limit, as a def's
    enterCall();
    try {
      const [self, other] = bindArgs(sig, a, k);
      const cls = callValue(BUILTINS.get('type'), [self], null);
      const found = cls instanceof PyClass ? cls.lookup(root) : undefined;
      if (found === undefined) throw attrErr(cls, root);
      const r = callValue(classAttr(found, cls, root), [self, other], null);
      return r === NOT_IMPLEMENTED_VALUE ? r : rule(r, self, other);
    } finally {
      exitCall();
    }
  }, 'function');
}

/** Whether cls has the ordering from other than object: its own classes', or a builtin base's other than object and the exceptions. */
function defines(cls: PyClass, op: Root): boolean {
  if (cls.lookup(op) !== undefined) return true;
  return cls.valueBase !== null || cls.dictBased;
}

const SIG = new Signature('total_ordering', [{ name: 'cls', star: '' }], 'python');

export const TOTAL_ORDERING = new PyFunc('total_ordering', (a, k) => {
  const [cls] = bindArgs(SIG, a, k);
  // a builtin type or value has all four of its own, or is object
  const roots = cls instanceof PyClass && cls !== OBJECT_CLASS ? (Object.keys(CONVERT) as Root[]).filter((op) => defines(cls, op)) : cls === OBJECT_CLASS ? [] : null;
  if (roots === null) return cls;
  if (roots.length === 0) throw valueErr('must define at least one ordering operation: < > <= >=');
  // max(roots): by name, so __lt__ first, then __le__, __gt__, __ge__
  const root = roots.reduce((m, op) => (op > m ? op : m));
  for (const [op, rule] of CONVERT[root]) if (!roots.includes(op)) setattr(cls, op, derived(op, root, rule));
  return cls;
}, 'function');
