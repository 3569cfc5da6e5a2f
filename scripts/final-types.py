"""Writes src/lang/runtime/final-types.ts: CPython 3.11's types a class may not derive from.

A type without Py_TPFLAGS_BASETYPE refuses a subclass with its own TypeError ("type 'bool' is
not an acceptable base type"); the evaluator gives those words for such a type, and refuses any
other base it does not build with an UnsupportedError, since CPython would make the class. The
types are every subclass of object CPython has once the conditions' modules are imported, by
tp_name (what the message names).
    python3 scripts/final-types.py > src/lang/runtime/final-types.ts
"""
import importlib
import re

names = re.search(r"MODULE_NAMES: readonly string\[\] = \[([^\]]*)\]", open('src/lang/runtime/module-names.ts').read()).group(1)
for m in re.findall(r"'([^']+)'", names):
    importlib.import_module(m)

BASETYPE = 1 << 10
seen, stack, final = set(), [object], set()
while stack:
    t = stack.pop()
    if t in seen:
        continue
    seen.add(t)
    stack.extend(type.__subclasses__(t))
    if not t.__flags__ & BASETYPE:
        # tp_name: a static type's 'module.name' (builtins' bare), as its repr spells it
        final.add(t.__name__ if t.__module__ == 'builtins' else f'{t.__module__}.{t.__qualname__}')

print('// Written by scripts/final-types.py from CPython 3.11: the types without Py_TPFLAGS_BASETYPE, by tp_name.')
print('export const FINAL_TYPES: ReadonlySet<string> = new Set([')
line = ' '
for n in sorted(final):
    item = f" '{n}',"
    if len(line) + len(item) > 100:
        print(line)
        line = ' '
    line += item
print(line)
print(']);')
