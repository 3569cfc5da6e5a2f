/**
 * typing.Annotated, as typing.py 3.11 writes it: a class that cannot be instantiated or
 * subclassed, whose `[t, x, ...]` makes an _AnnotatedAlias of t keeping `__metadata__` (an
 * annotated t's metadata first), printed `typing.Annotated[int, 'm']`, equal and hashed by
 * origin and metadata, called as its origin. get_type_hints strips it unless include_extras.
 */
import { allocItems, step } from '../../budget.js';
import { BUILTINS } from '../../builtins.js';
import { callValue } from '../../call.js';
import { introspect } from '../../introspection.js';
import { hooksOf } from '../../attribute-hooks.js';
import { PyInstance } from '../../classes.js';
import { PyClassMethod } from '../../descriptors.js';
import { makeClass } from '../../classes.js';
import { NOT_IMPLEMENTED_VALUE } from '../../class-operators.js';
import { fatalErr, typeErr, UnsupportedError } from '../../exceptions.js';
import { fileBasesNotBuilt } from '../../object-class.js';
import * as ops from '../../ops.js';
import { repr } from '../../repr.js';
import { fileSharedObject } from '../../shared-objects.js';
import { PyGenericAlias } from '../../types/generic-alias.js';
import { PyUnionType } from '../../types/union-type.js';
import { substituted } from '../../types/type-params.js';
import { PyFunc, PyTuple, PyType, type Py } from '../../values.js';
import { typeRepr } from '../dataclasses/field.js';
import { OPERATOR } from '../operator.js';
import { alias, aliasOf, GENERIC_ALIAS, typeArg, typeCheck, typingClass, union } from './forms.js';
import { attrOf } from './generic.js';

export const ANNOTATED = typingClass('Annotated');
fileSharedObject(ANNOTATED, 'typing.Annotated');
const ANNOTATED_ALIAS = makeClass('_AnnotatedAlias', '_AnnotatedAlias', [GENERIC_ALIAS]);
ANNOTATED_ALIAS.module = 'typing';
fileSharedObject(ANNOTATED_ALIAS, 'typing._AnnotatedAlias');
fileBasesNotBuilt(ANNOTATED_ALIAS, "typing's _NotIterable and _GenericAlias");
// _NotIterable's: `*Annotated[int, 1]` is refused, where a _GenericAlias's __iter__ would unpack it
ANNOTATED_ALIAS.attrs.set('__iter__', null);

const fn = (name: string, f: (a: Py[], kw: Map<string, Py> | null) => Py): PyFunc => new PyFunc(name, f, 'function');

ANNOTATED.attrs.set('__new__', fn('Annotated.__new__', () => {
  throw typeErr('Type Annotated cannot be instantiated.');
}));
// cls.__module__: the subclass's, a condition's '__main__'
// a class body's __init_subclass__ is a classmethod
ANNOTATED.attrs.set('__init_subclass__', new PyClassMethod(fn('Annotated.__init_subclass__', (a) => {
  throw typeErr(`Cannot subclass ${String(introspect(a[0], '__module__'))}.Annotated`);
})));
ANNOTATED.attrs.set('__class_getitem__', fn('Annotated.__class_getitem__', (a) => {
  const params = a[1];
  if (!(params instanceof PyTuple) || params.items.length < 2) throw typeErr('Annotated[...] should be used with at least two arguments (a type and an annotation).');
  const origin = typeCheck(params.items[0], 'Annotated[t, ...]: t must be a type.', true, true);
  // _GenericAlias.__init__ sets `self.__module__ = origin.__module__`: what has none (Annotated[5, 1]) is an AttributeError
  // (a class, an alias, a form or a function has one: only another value is asked)
  if (!(origin instanceof PyType || origin instanceof PyFunc || origin instanceof PyGenericAlias || origin instanceof PyUnionType || origin instanceof PyInstance)) attrOf(origin, '__module__');
  return annotated(origin, params.items.slice(1));
}));

const originOf = (v: PyInstance): Py => v.dict.get('__origin__') ?? null;
export const metadataOf = (v: PyInstance): PyTuple => v.dict.get('__metadata__') as PyTuple;
export const isAnnotated = (v: Py): v is PyInstance => v instanceof PyInstance && v.cls === ANNOTATED_ALIAS;

/** _AnnotatedAlias(origin, metadata): an annotated origin's metadata first, its origin taken. */
function annotated(origin: Py, metadata: Py[]): PyInstance {
  if (isAnnotated(origin)) {
    // the inner metadata copied: 3,000 Annotated[a, 1] of an `a` holding 100,000 items ran 140 ms past the clock
    allocItems(metadataOf(origin).items.length + metadata.length);
    metadata = [...metadataOf(origin).items, ...metadata];
    origin = originOf(origin);
  }
  const v = alias(origin, [origin], 'Annotated', () => `typing.Annotated[${typeRepr(originOf(v))}, ${metadataOf(v).items.map((m) => repr(m)).join(', ')}]`, true, ANNOTATED_ALIAS);
  v.dict.set('__metadata__', new PyTuple(metadata));
  return v;
}

ANNOTATED_ALIAS.attrs.set('__eq__', fn('_AnnotatedAlias.__eq__', ([self, other]) => {
  if (!isAnnotated(other)) return NOT_IMPLEMENTED_VALUE;
  return ops.eqOperator(originOf(self as PyInstance), originOf(other)) && ops.eqOperator(metadataOf(self as PyInstance), metadataOf(other));
}));
ANNOTATED_ALIAS.attrs.set('__hash__', fn('_AnnotatedAlias.__hash__', ([self]) => callValue(BUILTINS.get('hash')!, [new PyTuple([originOf(self as PyInstance), metadataOf(self as PyInstance)])], null)));
// copy_with: the origin's type variables replaced, the metadata kept
ANNOTATED_ALIAS.attrs.set('__getitem__', fn('_AnnotatedAlias.__getitem__', ([self, key]) => {
  const a = aliasOf(self)!;
  const items = key instanceof PyTuple ? new PyTuple(key.items.map(typeArg)) : typeArg(key);
  const [origin] = substituted(self, a.args, a.parameters.items, items);
  return annotated(origin, [...metadataOf(self as PyInstance).items]);
}));

// _AnnotatedAlias.__reduce__: operator.getitem(Annotated, (origin, *metadata)), a deepcopy's metadata copied
ANNOTATED_ALIAS.attrs.set('__reduce__', fn('_AnnotatedAlias.__reduce__', ([self]) => {
  allocItems(metadataOf(self as PyInstance).items.length);
  return new PyTuple([OPERATOR.attrs.get('getitem')!, new PyTuple([ANNOTATED, new PyTuple([originOf(self as PyInstance), ...metadataOf(self as PyInstance).items])])]);
}));

/** typing._strip_annotations: what get_type_hints gives without include_extras, Annotated taken off at every depth. */
export function stripAnnotated(t: Py): Py {
  step();
  if (isAnnotated(t)) return stripAnnotated(originOf(t));
  // Required[...] and NotRequired[...] are taken off too: a TypedDict's hints are the types alone
  const marked = aliasOf(t);
  if (marked !== undefined && (marked.name === 'Required' || marked.name === 'NotRequired')) return stripAnnotated(marked.args[0]);
  if (t instanceof PyGenericAlias) {
    const args = t.args.map(stripAnnotated);
    return args.every((x, i) => x === t.args[i]) ? t : new PyGenericAlias(t.origin, args);
  }
  const a = aliasOf(t);
  if (a === undefined || a.args.length === 0) return t;
  const args = a.args.map(stripAnnotated);
  if (args.every((x, i) => x === a.args[i])) return t;
  if (a.name === 'Union' || a.name === 'Optional') return union(args);
  // Callable's and Literal's are printed from what they were made of, which is not kept
  if (a.show !== undefined) throw fatalErr(UnsupportedError, `typing.get_type_hints of ${repr(t)} is not available in conditions: its Annotated arguments are not stripped`);
  return alias(a.origin, args, a.name, undefined, (t as PyInstance).dict.has('__origin__'));
}

// the hooks are read from the class's bits: _GenericAlias's __getattr__ (generic.ts) gives `__name__`, 'Annotated'
ANNOTATED_ALIAS.attrHooks = hooksOf(ANNOTATED_ALIAS);
