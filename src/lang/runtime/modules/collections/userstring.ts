/**
 * collections.UserString, Lib/collections/__init__.py's class written as one (as UserDict is):
 * a str kept in the instance's `data`; each method calls the str's own and, where the Python
 * does, makes a new instance of self's class of the answer (`self.__class__(self.data.upper())`).
 * Sequence's __iter__ and __reversed__ (each item an instance too, as self[i] is) are put in
 * the class; its order is refused (fileAbcBased).
 */
import { getattr } from '../../attributes.js';
import { callValue } from '../../call.js';
import { finishClass, makeClass, OBJECT_CLASS, setattr } from '../../classes.js';
import { fileAbcBased } from '../../object-class.js';
import * as ops from '../../ops.js';
import { PyDict, PyTuple, type Py } from '../../values.js';
import { call, callMethod } from '../calendar/py.js';
import { defIn } from '../python-def.js';
import { fileSequenceClass } from './abc-instances.js';
import { sequenceMixins } from './userlist.js';
import { builtin, classOf, dataOf } from './user-data.js';

export const USERSTRING = makeClass('UserString', 'UserString', [OBJECT_CLASS]);
USERSTRING.module = 'collections';

const isUserString = (v: Py): boolean => ops.truthy(call(builtin('isinstance'), v, USERSTRING));
const isStr = (v: Py): boolean => ops.truthy(call(builtin('isinstance'), v, builtin('str')));
/** `x.data if isinstance(x, UserString) else x` */
const unwrap = (v: Py): Py => (isUserString(v) ? dataOf(v) : v);
/** `self.__class__(answer)` */
const wrap = (self: Py, answer: Py): Py => call(classOf(self), answer);
const MAXSIZE = 9223372036854775807n;
const def = defIn(USERSTRING, 'UserString');

def('__init__', ['seq'], {}, (self, seq) => {
  if (isStr(seq)) setattr(self, 'data', seq);
  else if (isUserString(seq)) setattr(self, 'data', ops.getslice(dataOf(seq), null, null, null));
  else setattr(self, 'data', call(builtin('str'), seq));
  return null;
});
def('__str__', [], {}, (self) => call(builtin('str'), dataOf(self)));
def('__repr__', [], {}, (self) => call(builtin('repr'), dataOf(self)));
def('__int__', [], {}, (self) => call(builtin('int'), dataOf(self)));
def('__float__', [], {}, (self) => call(builtin('float'), dataOf(self)));
def('__complex__', [], {}, (self) => call(builtin('complex'), dataOf(self)));
def('__hash__', [], {}, (self) => call(builtin('hash'), dataOf(self)));
def('__getnewargs__', [], {}, (self) => new PyTuple([ops.getslice(dataOf(self), null, null, null)]));
def('__eq__', ['string'], {}, (self, s) => ops.eqValue(dataOf(self), unwrap(s)));
def('__lt__', ['string'], {}, (self, s) => ops.ltValue(dataOf(self), unwrap(s)));
def('__le__', ['string'], {}, (self, s) => ops.leValue(dataOf(self), unwrap(s)));
def('__gt__', ['string'], {}, (self, s) => ops.gtValue(dataOf(self), unwrap(s)));
def('__ge__', ['string'], {}, (self, s) => ops.geValue(dataOf(self), unwrap(s)));
def('__contains__', ['char'], {}, (self, char) => ops.contains(dataOf(self), unwrap(char)));
def('__len__', [], {}, (self) => call(builtin('len'), dataOf(self)));
def('__getitem__', ['index'], {}, (self, index) => wrap(self, ops.getitem(dataOf(self), index)));
def('__add__', ['other'], {}, (self, other) => {
  if (isUserString(other)) return wrap(self, ops.add(dataOf(self), dataOf(other)));
  if (isStr(other)) return wrap(self, ops.add(dataOf(self), other));
  return wrap(self, ops.add(dataOf(self), call(builtin('str'), other)));
});
def('__radd__', ['other'], {}, (self, other) => wrap(self, ops.add(isStr(other) ? other : call(builtin('str'), other), dataOf(self))));
// __rmul__ = __mul__: the one function under both names
USERSTRING.attrs.set('__rmul__', def('__mul__', ['n'], {}, (self, n) => wrap(self, ops.mul(dataOf(self), n))));
def('__mod__', ['args'], {}, (self, args) => wrap(self, ops.mod(dataOf(self), args)));
def('__rmod__', ['template'], {}, (self, template) => wrap(self, ops.mod(call(builtin('str'), template), self)));

/**
 * The str methods, in the Python's order: each parameter as the Python writes it, those it
 * unwraps from a UserString first, and whether the answer is made an instance of self's class.
 */
const METHODS: [name: string, params: string[], defaults: Record<string, Py>, unwrapped: string[], wrapped: boolean][] = [
  ['capitalize', [], {}, [], true],
  ['casefold', [], {}, [], true],
  ['center', ['width', '*args'], {}, [], true],
  ['count', ['sub', 'start', 'end'], { start: 0, end: MAXSIZE }, ['sub'], false],
  ['removeprefix', ['prefix', '/'], {}, ['prefix'], true],
  ['removesuffix', ['suffix', '/'], {}, ['suffix'], true],
  ['encode', ['encoding', 'errors'], { encoding: 'utf-8', errors: 'strict' }, [], false],
  ['endswith', ['suffix', 'start', 'end'], { start: 0, end: MAXSIZE }, [], false],
  ['expandtabs', ['tabsize'], { tabsize: 8 }, [], true],
  ['find', ['sub', 'start', 'end'], { start: 0, end: MAXSIZE }, ['sub'], false],
  ['format', ['/', '*args', '**kwds'], {}, [], false],
  ['format_map', ['mapping'], {}, [], false],
  ['index', ['sub', 'start', 'end'], { start: 0, end: MAXSIZE }, [], false],
  ...['isalpha', 'isalnum', 'isascii', 'isdecimal', 'isdigit', 'isidentifier', 'islower', 'isnumeric', 'isprintable', 'isspace', 'istitle', 'isupper'].map(
    (name): [string, string[], Record<string, Py>, string[], boolean] => [name, [], {}, [], false],
  ),
  ['join', ['seq'], {}, [], false],
  ['ljust', ['width', '*args'], {}, [], true],
  ['lower', [], {}, [], true],
  ['lstrip', ['chars'], { chars: null }, [], true],
  ['maketrans', [], {}, [], false],
  ['partition', ['sep'], {}, [], false],
  ['replace', ['old', 'new', 'maxsplit'], { maxsplit: -1 }, ['old', 'new'], true],
  ['rfind', ['sub', 'start', 'end'], { start: 0, end: MAXSIZE }, ['sub'], false],
  ['rindex', ['sub', 'start', 'end'], { start: 0, end: MAXSIZE }, [], false],
  ['rjust', ['width', '*args'], {}, [], true],
  ['rpartition', ['sep'], {}, [], false],
  ['rstrip', ['chars'], { chars: null }, [], true],
  ['split', ['sep', 'maxsplit'], { sep: null, maxsplit: -1 }, [], false],
  ['rsplit', ['sep', 'maxsplit'], { sep: null, maxsplit: -1 }, [], false],
  ['splitlines', ['keepends'], { keepends: false }, [], false],
  ['startswith', ['prefix', 'start', 'end'], { start: 0, end: MAXSIZE }, [], false],
  ['strip', ['chars'], { chars: null }, [], true],
  ['swapcase', [], {}, [], true],
  ['title', [], {}, [], true],
  ['translate', ['*args'], {}, [], true],
  ['upper', [], {}, [], true],
  ['zfill', ['width'], {}, [], true],
];
/** The methods that are not `self.data.name(...)` alone. */
const OWN: Record<string, (self: Py, ...args: Py[]) => Py> = {
  // None for either is its default
  encode: (self, encoding, errors) => callMethod(dataOf(self), 'encode', encoding === null ? 'utf-8' : encoding, errors === null ? 'strict' : errors),
  format: (self, args, kwds) => callValue(getattr(dataOf(self), 'format'), [...(args as PyTuple).items], new Map((kwds as PyDict).entries() as Iterable<[string, Py]>)),
};
for (const [name, params, defaults, unwrapped, wrapped] of METHODS) {
  // maketrans = str.maketrans, set once str's methods are (completeUserString): its place kept in the class's namespace
  if (name === 'maketrans') {
    USERSTRING.attrs.set(name, null);
    continue;
  }
  const names = params.filter((p) => p !== '/');
  def(name, params, defaults, OWN[name] ?? ((self, ...args) => {
    // a *args parameter is spread into the str method's call, as `self.data.center(width, *args)`
    const passed = args.flatMap((a, i) => (names[i].startsWith('*') ? [...(a as PyTuple).items] : [unwrapped.includes(names[i]) ? unwrap(a) : a]));
    const answer = callMethod(dataOf(self), name, ...passed);
    return wrapped ? wrap(self, answer) : answer;
  }));
}

sequenceMixins(USERSTRING);
finishClass(USERSTRING);
fileSequenceClass(USERSTRING);
fileAbcBased(USERSTRING, 'Sequence, Reversible, Collection, Sized, Iterable and Container');

/** `maketrans = str.maketrans`: the builtin itself, read once the builtin types' methods are registered. */
export const completeUserString = (): void => void USERSTRING.attrs.set('maketrans', getattr(builtin('str'), 'maketrans'));
