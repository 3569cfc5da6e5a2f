/**
 * typing's classes written in typing.py as class statements: the runtime-checkable protocols
 * SupportsInt, SupportsFloat, SupportsComplex, SupportsBytes, SupportsIndex, SupportsAbs and
 * SupportsRound (one abstract method each; isinstance(3, SupportsInt) asks whether int has
 * __int__), and IO, TextIO and BinaryIO, generic classes whose methods are marked abstract but
 * are plain `type`'s (so IO() is made, and no file of io's derives from them).
 */
import { BUILTINS } from '../../builtins.js';
import { callValue } from '../../call.js';
import { moduleClass } from '../../classes.js';
import { PyClass } from '../../class-values.js';
import { fileSharedObject } from '../../shared-objects.js';
import { PyTuple, PyType, type Py } from '../../values.js';
import { computeAbstracts, fileSharedAbstract, mark } from '../abc.js';
import { pyDef } from '../python-def.js';
import { GENERIC, userAlias } from './generic.js';
import { NO_INIT, PROTOCOL, PROTOCOL_META, protoHook } from './protocol.js';

const builtin = (name: string): PyType => BUILTINS.get(name) as PyType;

/** `def name(self, *params): pass` in cls, marked @abstractmethod; a property's getter where `property`. */
function abstractIn(cls: PyClass, name: string, params: string[] = [], defaults: Record<string, Py> = {}, property = false): void {
  const f = mark(pyDef(`${cls.name}.${name}`, ['self', ...params], defaults, () => null));
  cls.attrs.set(name, property ? callValue(builtin('property'), [f], null) : f);
}

/** A class of typing.py's, `__slots__ = ()`, its `__orig_bases__` and `__parameters__` as Generic.__init_subclass__ gives them. */
function typingClass(name: string, bases: PyType[], origBase: Py, parameters: Py[], meta: PyClass | null = null): PyClass {
  const cls = moduleClass(name, bases, null, meta);
  cls.module = 'typing';
  cls.attrs.set('__slots__', new PyTuple([]));
  if (origBase !== null) cls.attrs.set('__orig_bases__', new PyTuple([origBase]));
  cls.attrs.set('__parameters__', new PyTuple(parameters));
  fileSharedObject(cls, `typing.${name}`);
  return cls;
}

/** `@runtime_checkable class SupportsX(Protocol[T_co]): @abstractmethod def method(self, ...)`. */
function supports(name: string, method: string, tCo: Py | null, params: string[] = [], defaults: Record<string, Py> = {}): [string, PyClass] {
  const cls = typingClass(name, [PROTOCOL], tCo === null ? null : userAlias(PROTOCOL, [tCo]), tCo === null ? [] : [tCo], PROTOCOL_META);
  if (tCo === null) cls.attrs.delete('__orig_bases__');
  abstractIn(cls, method, params, defaults);
  cls.attrs.set('_is_protocol', true);
  cls.attrs.set('__subclasshook__', protoHook(cls));
  cls.attrs.set('__init__', NO_INIT);
  computeAbstracts(cls);
  fileSharedAbstract(cls);
  cls.attrs.set('_is_runtime_protocol', true);
  return [name, cls];
}

export function supportsProtocols(tCo: Py): [string, PyClass][] {
  return [
    supports('SupportsInt', '__int__', null),
    supports('SupportsFloat', '__float__', null),
    supports('SupportsComplex', '__complex__', null),
    supports('SupportsBytes', '__bytes__', null),
    supports('SupportsIndex', '__index__', null),
    supports('SupportsAbs', '__abs__', tCo),
    supports('SupportsRound', '__round__', tCo, ['ndigits'], { ndigits: 0 }),
  ];
}

/** IO(Generic[AnyStr]), TextIO(IO[str]), BinaryIO(IO[bytes]). */
export function ioClasses(anyStr: Py): [string, PyClass][] {
  const io = typingClass('IO', [GENERIC], userAlias(GENERIC, [anyStr]), [anyStr]);
  for (const p of ['mode', 'name']) abstractIn(io, p, [], {}, true);
  abstractIn(io, 'close');
  abstractIn(io, 'closed', [], {}, true);
  for (const m of ['fileno', 'flush', 'isatty']) abstractIn(io, m);
  abstractIn(io, 'read', ['n'], { n: -1 });
  abstractIn(io, 'readable');
  abstractIn(io, 'readline', ['limit'], { limit: -1 });
  abstractIn(io, 'readlines', ['hint'], { hint: -1 });
  abstractIn(io, 'seek', ['offset', 'whence'], { whence: 0 });
  for (const m of ['seekable', 'tell']) abstractIn(io, m);
  abstractIn(io, 'truncate', ['size'], { size: null });
  abstractIn(io, 'writable');
  abstractIn(io, 'write', ['s']);
  abstractIn(io, 'writelines', ['lines']);
  abstractIn(io, '__enter__');
  abstractIn(io, '__exit__', ['type', 'value', 'traceback']);
  const text = typingClass('TextIO', [io], userAlias(io, [builtin('str')]), []);
  for (const p of ['buffer', 'encoding', 'errors', 'line_buffering', 'newlines']) abstractIn(text, p, [], {}, true);
  abstractIn(text, '__enter__');
  const binary = typingClass('BinaryIO', [io], userAlias(io, [builtin('bytes')]), []);
  abstractIn(binary, 'write', ['s']);
  abstractIn(binary, '__enter__');
  return [['IO', io], ['TextIO', text], ['BinaryIO', binary]];
}

