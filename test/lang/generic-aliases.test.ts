import { expect, it } from 'vitest';
import { compareWithCPython } from '../support/cpython.js';

/** list[int], dict[str, int], tuple[int, ...]: their repr, ==, hashing, calls, and isinstance()'s TypeError. */
it('makes generic aliases as CPython does', () => {
  expect(compareWithCPython([
    "import json\nreturn repr(list[int]), repr(dict[str, list[int]]), repr(tuple[int, ...]), repr(list['x']), repr(list[None]), repr(tuple[()]), list[int] == list[int], list[int] == list, list[int] == list[str]",
    "import json\nreturn type(list[int]), list[int]([1,2]), repr(type[int]), repr(frozenset[int]), repr(set[int]), str(list[int]), list[int]",
    "import json\nreturn isinstance(1, list[int])",
    "import json\nreturn issubclass(list, list[int])",
    "import json\nreturn int[str]",
    "import json\nreturn str[int]",
    "import json\nreturn list[int][str]",
    "import json\nreturn isinstance([], (int, list[int]))",
    "import json\nreturn hash(list[int]) == hash(list[int]), {list[int]: 1}[list[int]], callable(list[int]), dict[str, int](a=1), list[int, str], repr(list[[int]]), repr(dict[str]), repr(list[1]), tuple[int](), isinstance(list[int], type), list[int] is list[int]",
    "import json\nreturn {list[int], list[int], dict[str, int]} == {list[int], dict[str, int]}",
    "import json\nreturn hash(list[[1]])",
    "import json\nimport collections\nreturn repr(collections.deque[int]), collections.OrderedDict[str, int](), collections.Counter[str]('aab')",
    "import json\nimport datetime\nreturn list[datetime.datetime], dict[str, datetime.date]",
    "import json\nx: list[int] = [1]\nreturn x",
    "import json\ndef f(a: dict[str, int]) -> list[str]:\n    return list(a)\nreturn f({'q': 1})",
    "import json\nreturn json.dumps(list[int])",
    "import json\ndata['t'] = list[int]\nreturn True",
    "import json\nreturn list[int] < list[int]",
    "import json\nreturn len(list[int])",
    "import json\nreturn list[int] != list[int], list[int] == [int]",
    "import json\nreturn repr(list[list[list[int]]]), list[list[int]] == list[list[int]], list[list[int]] == list[list[str]]",
    "import collections\nreturn repr(collections.OrderedDict[str, int]), repr(collections.defaultdict[str, int]), repr(list[collections.deque[int]])",
    "class Counter:\n    pass\nreturn Counter[int]",
  ])).toEqual([]);
});
