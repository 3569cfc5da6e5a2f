/**
 * The modules a condition may import, for the parser to refuse any other before a run; the
 * runtime's MODULES (modules.ts) holds exactly these (test/lang/modules.test.ts checks that they agree).
 */
export const MODULE_NAMES: readonly string[] = ['re', 'json', 'math', 'string', 'functools', 'operator', 'itertools', 'statistics', 'datetime', 'collections', 'collections.abc', 'time', 'hashlib', 'contextlib', 'cmath', 'unicodedata', 'calendar', 'bisect', 'heapq', 'fnmatch', 'base64', 'binascii', 'copy', 'struct', 'zlib', 'pprint', 'difflib', 'textwrap', 'shlex', 'html', 'html.entities', 'urllib', 'urllib.parse', 'dataclasses', 'typing', 'decimal', 'abc', 'uuid', 'fractions', 'enum', 'ipaddress', 'keyword', 'numbers', 'types', 'graphlib'];

/** The parser's words for any other module. */
export const unknownModule = (module: string): string =>
  `no module named '${module}' is available to conditions (only ${MODULE_NAMES.slice(0, -1).join(', ')} and ${MODULE_NAMES[MODULE_NAMES.length - 1]})`;
