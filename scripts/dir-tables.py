#!/usr/bin/env python3
"""Writes src/lang/runtime/dir-table.ts: CPython 3.11's dir() of the builtin types, of the types of
the values a condition meets without naming them (function, generator, list_iterator, ...), of the
modules a condition may import and of their types.

    python3 scripts/dir-tables.py > src/lang/runtime/dir-table.ts

dir() of one of these is a sorted list of names CPython keeps in C; the evaluator's
runtime/dir.ts reads them here. Keys:
- 'builtins.NAME': a builtin type or exception class, by its builtin name;
- 'MODULE.NAME': a type a module binds (as a condition names it: 'hashlib.blake2b');
- 'type:NAME': the type of a value reached otherwise, by its __name__ ('list_iterator');
- 'module:MODULE': dir() of the module.
Each entry is written as indexes into a lexicon of every name, two characters each.
"""
import builtins
import importlib
import re
import struct
import sys
import zlib

# the modules a condition may import, as the parser lists them
MODULES = re.findall(r"'([^']+)'", re.search(r"MODULE_NAMES: readonly string\[\] = \[(.*?)\];", open(__file__.rsplit('/', 2)[0] + '/src/lang/runtime/module-names.ts').read()).group(1))


def gen():
    yield 1


def f():
    pass


class _C:
    def m(self):
        pass


d = {1: 2}
SAMPLES = [
    None, Ellipsis, NotImplemented, f, (lambda: 0), len, [].append, _C().m, gen(), (x for x in ()), iter([]), iter(()), iter(''),
    iter(range(3)), iter(range(2**70)), iter({}), iter(set()), iter(b''), iter(bytearray()), reversed([]), reversed(range(3)),
    reversed({}), reversed({}.values()), reversed({}.items()), d.keys(), d.values(), d.items(), iter(d.values()), iter(d.items()),
    type.__dict__, zip(), map(len, []), filter(None, []), enumerate([]), re.compile('a'), re.match('a', 'a'), re.compile('a').scanner('a'),
    re.finditer('a', 'a'), object.__init__, str.join, int.__dict__['real'], type.__dict__['__dict__'], slice(1), property(), staticmethod(f), classmethod(f),
    memoryview(b''), iter(lambda: 0, 1), super(_C, _C()), str.maketrans, object().__str__, 1j, 1.5, b'', bytearray(), frozenset(),
    struct.iter_unpack('b', b'a'), zlib.compressobj(), zlib.decompressobj(),
]


def collect():
    table = {}
    for name, v in vars(builtins).items():
        if isinstance(v, type):
            table['builtins.' + name] = dir(v)
    for m in MODULES:
        mod = importlib.import_module(m)
        table['module:' + m] = dir(mod)
        for name, v in vars(mod).items():
            if isinstance(v, type):
                table[f'{m}.{name}'] = dir(v)
    for v in SAMPLES:
        t = type(v)
        table.setdefault('type:' + t.__name__, dir(t))
    return table


DIGITS = ''.join(chr(c) for c in range(0x20, 0x7F) if chr(c) not in '"\\`$')
BASE = len(DIGITS)


def code(i):
    return DIGITS[i // BASE] + DIGITS[i % BASE]


def main():
    table = collect()
    counts = {}
    for names in table.values():
        for n in names:
            counts[n] = counts.get(n, 0) + 1
    lexicon = sorted(counts, key=lambda n: (-counts[n], n))
    assert len(lexicon) < BASE * BASE
    index = {n: i for i, n in enumerate(lexicon)}
    out = sys.stdout
    out.write('// Written by scripts/dir-tables.py from CPython %s: do not edit.\n' % sys.version.split()[0])
    out.write('/** Every name the entries use, the most used first. */\n')
    out.write('export const DIR_LEXICON = %s.split(" ");\n' % jsstr(' '.join(lexicon)))
    out.write("/** CPython's dir() of each type or module by key (scripts/dir-tables.py says which), as two-character indexes into DIR_LEXICON. */\n")
    out.write('export const DIR_ENTRIES: Readonly<Record<string, string>> = {\n')
    for k in sorted(table):
        out.write('  %s: %s,\n' % (jsstr(k), jsstr(''.join(code(index[n]) for n in table[k]))))
    out.write('};\n')
    out.write('/** How many characters the indexes are written with. */\nexport const DIR_DIGITS = %s;\n' % jsstr(DIGITS))


def jsstr(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


main()
