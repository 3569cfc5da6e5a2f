/**
 * The data attributes of builtin and module types, read through the type: `deque.maxlen` is a
 * getset_descriptor, `slice.start` a member_descriptor, as CPython's type dict holds them, so
 * hasattr(deque, 'maxlen') is True. What a descriptor does for an instance (its __get__) is the
 * instance's attribute itself, which each type's slots answer.
 */
import type { PyTypeSlots } from './types/protocol.js';
import { registerType } from './types/table.js';
import type { PyType } from './values.js';

type Kind = 'getset_descriptor' | 'member_descriptor';

export class PyDataDescriptor {
  constructor(readonly kind: Kind, readonly name: string, readonly owner: string) {}
}

const GETSET: Kind = 'getset_descriptor';
const MEMBER: Kind = 'member_descriptor';

/** By the type's name (tp_name): each data attribute its type dict holds, getset or member (Objects/*.c, Modules/*.c of CPython 3.11). */
const TABLE: ReadonlyMap<string, ReadonlyMap<string, Kind>> = new Map(
  Object.entries({
    'collections.deque': { maxlen: GETSET },
    'collections.defaultdict': { default_factory: MEMBER },
    slice: { start: MEMBER, stop: MEMBER, step: MEMBER },
    range: { start: MEMBER, stop: MEMBER, step: MEMBER },
    int: { real: GETSET, imag: GETSET, numerator: GETSET, denominator: GETSET },
    float: { real: GETSET, imag: GETSET },
    complex: { real: MEMBER, imag: MEMBER },
    'functools.partial': { func: MEMBER, args: MEMBER, keywords: MEMBER },
    'datetime.date': { year: GETSET, month: GETSET, day: GETSET },
    'datetime.datetime': { hour: GETSET, minute: GETSET, second: GETSET, microsecond: GETSET, tzinfo: GETSET, fold: GETSET },
    'datetime.time': { hour: GETSET, minute: GETSET, second: GETSET, microsecond: GETSET, tzinfo: GETSET, fold: GETSET },
    'datetime.timedelta': { days: MEMBER, seconds: MEMBER, microseconds: MEMBER },
    BaseException: { args: GETSET },
    OSError: { errno: MEMBER, strerror: MEMBER, filename: MEMBER, filename2: MEMBER, characters_written: GETSET },
    StopIteration: { value: MEMBER },
    SystemExit: { code: MEMBER },
    ImportError: { msg: MEMBER, name: MEMBER, path: MEMBER },
    AttributeError: { name: MEMBER, obj: MEMBER },
    NameError: { name: MEMBER },
    SyntaxError: { msg: MEMBER, filename: MEMBER, lineno: MEMBER, offset: MEMBER, text: MEMBER, end_lineno: MEMBER, end_offset: MEMBER, print_file_and_line: MEMBER },
    UnicodeEncodeError: { encoding: MEMBER, object: MEMBER, start: MEMBER, end: MEMBER, reason: MEMBER },
    UnicodeDecodeError: { encoding: MEMBER, object: MEMBER, start: MEMBER, end: MEMBER, reason: MEMBER },
    UnicodeTranslateError: { encoding: MEMBER, object: MEMBER, start: MEMBER, end: MEMBER, reason: MEMBER },
    BaseExceptionGroup: { message: MEMBER, exceptions: MEMBER },
    're.Pattern': { pattern: MEMBER, flags: MEMBER, groups: MEMBER, groupindex: GETSET },
    're.Match': { string: MEMBER, re: MEMBER, pos: MEMBER, endpos: MEMBER, lastindex: GETSET, lastgroup: GETSET, regs: GETSET },
    property: { fget: MEMBER, fset: MEMBER, fdel: MEMBER },
    memoryview: Object.fromEntries(['obj', 'nbytes', 'readonly', 'itemsize', 'format', 'ndim', 'shape', 'strides', 'suboffsets', 'c_contiguous', 'f_contiguous', 'contiguous'].map((n) => [n, GETSET])),
  }).map(([type, attrs]) => [type, new Map(Object.entries(attrs))]),
);

/** Each descriptor made once, as the type dict holds one: `deque.maxlen is deque.maxlen`. Nothing of one can be changed. */
const made = new Map<string, PyDataDescriptor>();

/** The type's data attribute of this name, found along its bases (bool's real is int's), or undefined. */
export function dataDescriptor(type: PyType, name: string): PyDataDescriptor | undefined {
  for (let t: PyType | null = type; t !== null; t = t.base) {
    const kind = TABLE.get(t.name)?.get(name);
    if (kind === undefined) continue;
    const key = `${t.name}.${name}`;
    let d = made.get(key);
    if (d === undefined) made.set(key, (d = new PyDataDescriptor(kind, name, t.name)));
    return d;
  }
  return undefined;
}

const SLOTS: PyTypeSlots<PyDataDescriptor> = {
  name: (d) => d.kind,
  truthy: () => true,
  len: null,
  iter: null,
  repr: (d) => `<${d.kind === GETSET ? 'attribute' : 'member'} '${d.name}' of '${d.owner}' objects>`,
  getattr: (d, name) => (name === '__name__' ? d.name : name === '__qualname__' ? `${d.owner.slice(d.owner.lastIndexOf('.') + 1)}.${d.name}` : undefined),
};
registerType(PyDataDescriptor, SLOTS);

