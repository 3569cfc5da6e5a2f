#!/usr/bin/env python3
"""Writes src/lang/runtime/modules/collections-abc/builtin-methods-table.ts: for each builtin type
a condition can reach, the methods _collections_abc's one-trick ABCs ask of its order
(_check_methods: the first class of T.__mro__ whose __dict__ has the name decides; None
there is "not supported"). Run it with CPython 3.11:

    python3 scripts/abc-methods.py > src/lang/runtime/modules/collections-abc/builtin-methods-table.ts

Each type by the evaluator's name for it (`collections.OrderedDict`, `dict_keys`); an entry
lists the names found, a '-' before one whose value is None (list's `__hash__`).
"""
import collections, contextlib, datetime, decimal, fractions, functools, importlib, ipaddress, itertools, numbers, operator, re, struct, time, types, unicodedata, uuid, zlib

METHODS = ['__hash__', '__iter__', '__next__', '__reversed__', '__len__', '__contains__', '__call__', '__await__',
           '__aiter__', '__anext__', 'send', 'throw', 'close', 'asend', 'athrow', 'aclose']


def gen():
    yield 1


def odict_views():
    d = collections.OrderedDict()
    return {'odict_keys': type(d.keys()), 'odict_values': type(d.values()), 'odict_items': type(d.items()),
            'odict_iterator': type(iter(d))}


# the types of values, which have no name in a module
VALUES = {
    'NoneType': type(None), 'ellipsis': type(...), 'NotImplementedType': type(NotImplemented),
    'dict_keys': type({}.keys()), 'dict_values': type({}.values()), 'dict_items': type({}.items()),
    'mappingproxy': types.MappingProxyType, 'function': types.FunctionType, 'builtin_function_or_method': types.BuiltinFunctionType,
    'method': types.MethodType, 'method-wrapper': types.MethodWrapperType, 'wrapper_descriptor': types.WrapperDescriptorType,
    'method_descriptor': types.MethodDescriptorType, 'classmethod_descriptor': types.ClassMethodDescriptorType,
    'getset_descriptor': types.GetSetDescriptorType, 'member_descriptor': types.MemberDescriptorType,
    'generator': types.GeneratorType, 'module': types.ModuleType, 'cell': types.CellType, 'code': types.CodeType,
    'list_iterator': type(iter([])), 'tuple_iterator': type(iter(())), 'str_ascii_iterator': type(iter('')),
    'str_iterator': type(iter('\xe9')), 'bytes_iterator': type(iter(b'')), 'bytearray_iterator': type(iter(bytearray())),
    'dict_keyiterator': type(iter({})), 'dict_valueiterator': type(iter({}.values())), 'dict_itemiterator': type(iter({}.items())),
    'dict_reversekeyiterator': type(reversed({})), 'dict_reversevalueiterator': type(reversed({}.values())),
    'dict_reverseitemiterator': type(reversed({}.items())), 'set_iterator': type(iter(set())),
    'range_iterator': type(iter(range(0))), 'longrange_iterator': type(iter(range(2 ** 64))),
    'list_reverseiterator': type(reversed([])), 'reversed': reversed, 'callable_iterator': type(iter(lambda: 1, 1)),
    'map': map, 'filter': filter, 'zip': zip, 'enumerate': enumerate, 'iterator': type(iter(types.SimpleNamespace.__dict__ and [].__class__.__mro__)),
    'types.GenericAlias': types.GenericAlias, 'types.UnionType': types.UnionType, 'types.SimpleNamespace': types.SimpleNamespace,
    **odict_views(),
}
VALUES['iterator'] = type(iter(collections.UserList()))  # a sequence's iterator (PySeqIter)

BUILTIN = ['object', 'int', 'bool', 'float', 'complex', 'str', 'bytes', 'bytearray', 'list', 'tuple', 'dict', 'set', 'frozenset',
           'type', 'range', 'slice', 'memoryview', 'property', 'classmethod', 'staticmethod', 'super', 'BaseException']

# the module types the evaluator builds (its name: module.qualname)
MODULE_TYPES = [
    'collections.ChainMap', 'collections.OrderedDict', 'collections.defaultdict', 'collections.deque', 'collections.Counter',
    'datetime.date', 'datetime.datetime', 'datetime.time', 'datetime.timedelta', 'datetime.timezone', 'datetime.tzinfo',
    'decimal.Context', 'decimal.Decimal', 'fractions.Fraction', 'functools._lru_cache_wrapper', 'functools.cached_property',
    'functools.partial', 'functools.partialmethod', 'functools.singledispatchmethod', 're.Match', 're.Pattern', 're.RegexFlag',
    'time.struct_time', 'unicodedata.UCD', 'operator.attrgetter', 'operator.itemgetter', 'operator.methodcaller',
    '_struct.Struct', '_blake2.blake2b', '_blake2.blake2s', 'uuid.SafeUUID', 'uuid.UUID',
    'contextlib.ExitStack', 'contextlib.chdir', 'contextlib.closing', 'contextlib.nullcontext', 'contextlib.redirect_stderr',
    'contextlib.redirect_stdout', 'contextlib.suppress',
    *['itertools.' + n for n in ['accumulate', 'chain', 'combinations', 'combinations_with_replacement', 'compress', 'count', 'cycle',
                                 'dropwhile', 'filterfalse', 'groupby', 'islice', 'pairwise', 'permutations', 'product', 'repeat',
                                 'starmap', 'takewhile', 'zip_longest', '_tee', '_grouper']],
    *['ipaddress.' + n for n in ['IPv4Address', 'IPv4Interface', 'IPv4Network', 'IPv6Address', 'IPv6Interface', 'IPv6Network']],
]


def resolve(name):
    module, _, attr = name.rpartition('.')
    if module == '':
        import builtins
        return getattr(builtins, attr)
    if module == 'itertools' and attr == '_grouper':
        return type(next(itertools.groupby([1]))[1])
    return getattr(importlib.import_module(module), attr)


def entry(t):
    out = []
    for name in METHODS:
        for b in t.__mro__:
            if name in b.__dict__:
                out.append(('-' if b.__dict__[name] is None else '') + name)
                break
    return ' '.join(out)


types_ = {**{n: resolve(n) for n in BUILTIN + MODULE_TYPES}, **VALUES, 'Counter': collections.Counter}  # Counter is named without its module
print('// Generated by scripts/abc-methods.py from CPython 3.11: do not edit.')
print('/** The one-trick ABCs\' methods in each builtin type\'s order, by its name: a \'-\' before one set to None. */')
print('export const BUILTIN_ABC_METHODS: Readonly<Record<string, string>> = {')
for name in sorted(types_):
    print(f"  '{name}': '{entry(types_[name])}',")
print('};')
