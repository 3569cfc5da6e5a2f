/**
 * Strs of 16,384 units or more as keys (keys.ts LONG_KEY): V8 hashes such a string by its
 * length alone, so a Map of many of one length is one bucket, and every lookup compared them all.
 * A dict or set files them under a digest; attribute and keyword names, which Maps of names
 * keep as they are, are refused from that length.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator, type Outcome } from '../support/cpython.js';
import { expectCpuWithin, unclocked } from '../support/cpu-budget.js';

// ten budgets: 170 keys of 16,384 units cost 87,000 steps to make, which left a budget's
// lookups some 2,000 steps, too few to time
const tenBudgets = new Engine({ maxSteps: 1_000_000, maxMillis: 60_000, requestMillis: 60_000 });

const endsOnTenBudgets = (out: Outcome): void => expect(out.error).toBe('StepLimitError: condition exceeded its budget of 1000000 steps');

// 170 keys of one length, each lookup for the first filed (the last one V8's bucket reaches)
const KEYS = 'keys = [str(i).zfill(16384) for i in range(170)]\n';

describe('a lookup among many long keys of one length costs what its steps do', () => {
  it.each([
    // 70-220 µs a lookup: 1,000 lookups (of a budget of 100,000 steps) ended on the clock at 50-80 ms, a fifth of the steps spent
    ['a dict', `${KEYS}d = dict.fromkeys(keys)\np = keys[0]\nfor _ in range(1000000):\n    p in d\nreturn 1`],
    ['a dict, two keys in turn', `${KEYS}d = dict.fromkeys(keys)\na, b = keys[0], keys[1]\nfor _ in range(1000000):\n    a in d\n    b in d\nreturn 1`],
    ['a dict of tuples holding them', `${KEYS}d = dict.fromkeys((k,) for k in keys)\np = (keys[0],)\nfor _ in range(1000000):\n    p in d\nreturn 1`],
    // each lookup a digest (the memo holds one str)
    ['two keys in turn in a dict of two', "a, b = '0'.zfill(16384), '1'.zfill(16384)\nd = {a: 1, b: 2}\nfor _ in range(1000000):\n    a in d\n    b in d\nreturn 1"],
    ['a tuple of short strs as long as one', "t = tuple('x' * 99 + str(i) for i in range(200))\nu = t[:-1] + ('y',)\nd = {t: 1, u: 2}\nfor _ in range(1000000):\n    t in d\n    u in d\nreturn 1"],
  ])('%s', (_label, source) => {
    // ten budgets in the CPU of less than 12 typical ones (6-8.5 now): a digest paid a step per 256
    // units took 1.4 times as long, and ended on the clock on a loaded machine
    expectCpuWithin(source, endsOnTenBudgets, 12, tenBudgets);
  });
});

describe('long keys are the keys CPython has', () => {
  it('in every way into and out of a dict or set', () => {
    expect(
      compareWithCPython([
        "L = 'a' * 16384\nM = 'a' * 16383 + 'b'\nd = {L: 1, M: 2, 'x': 3}\nreturn [len(k) for k in d], d[L], d[M], L in d, ('a' * 16384) in d, list(d.values())",
        "L = 'a' * 16384\nd = {L: 1}\nd[L] = 5\ndel d['a' * 16384]\nd['a' * 16385] = 2\nreturn [len(k) for k in d], d.pop('a' * 16385), d, d.get(L, 'none')",
        "import json\nL = 'k' * 20000\ns = json.dumps({L: 1, 'b': [L]})\nd = json.loads(s)\ne = json.loads('{\"' + L + '\": 18446744073709551615}')\nreturn len(s), d[L], list(map(len, d)), d == {L: 1, 'b': [L]}, e[L]",
        "from collections import Counter, OrderedDict, defaultdict\nL = 'z' * 17000\nc = Counter([L, L, 'a', L])\no = OrderedDict([(L, 1), ('b', 2)])\no.move_to_end(L)\ndd = defaultdict(int)\ndd[L] += 3\nreturn c[L], [len(k) for k in c], [len(k) for k in o], dd[L], Counter(**{'b': 1})['b']",
        "L = 'q' * 16384\ns = {L, 'a', L + ''}\nf = frozenset([L])\nt = {(L, 1): 2}\nreturn len(s), L in s, f == frozenset(['q' * 16384]), t[('q' * 16384, 1)], sorted(len(x) for x in s | {'b'})",
        "import copy\nL = 'w' * 16400\nd = {L: [1], 2: 3}\ne = copy.deepcopy(d)\nreturn e == d, d.copy()[L], {**d}[L], dict(d)[L], d == {2: 3, L: [1]}, len(repr(d | {L: 9}))",
        "L = 'p' * 16384\nd = dict.fromkeys([L, 'x'])\nreturn list(d.keys())[0] == L, len(d.keys() & {L}), L in d.keys(), (L, None) in d.items()",
        "L = 'n' * 16384\nd = {L: 1}\nd.setdefault(L, 2)\nd.setdefault(L + 'x', 3)\nd.update({L: 4})\nx = d.popitem()\nreturn len(x[0]), x[1], d[L], list(map(len, d))",
        "L = 'f' * 16384\nreturn ('{' + L + '}').format_map({L: 7})",
        "def f(): pass\nL = 'a' * 16384\nf.__dict__[L] = 1\nreturn getattr(f, L), hasattr(f, L), [len(k) for k in vars(f)]",
      ]),
    ).toEqual([]);
  });
  it("a request's data and log with long keys, and the data given back", () => {
    const L = 'k'.repeat(16384);
    const data = { [L]: 1, b: { ['m'.repeat(20000)]: [1, 2] } };
    const log = { Text: 'hi', [L]: 'v' };
    expect(
      compareWithCPython([
        { source: "L = 'k' * 16384\nM = 'm' * 20000\nreturn data[L], data['b'][M], L in data, [len(k) for k in data], [len(k) for k in log], log[L]", data, log },
        { source: "L = 'k' * 16384\nM = 'm' * 20000\ndata[M] = 2\ndata['b'][L] = 3\ndata[L] += 5\nreturn 1", data, log },
      ]),
    ).toEqual([]);
  });
  it("a str subclass's instance is the key of its str", () => {
    // its key was its str as it is, which a dict no longer files a long str under
    expect(compareWithCPython(["class S(str): pass\nL = 'a' * 16384\nd = {S(L): 1}\nreturn d.get(L), L in d, S(L) in {L: 2}, L in {S(L)}, len({L, S(L)}), {L: 1} == {S(L): 1}"])).toEqual([]);
  });
});

describe('names of 16,384 units or more are refused where Maps of names keep them', () => {
  const refused = (what: string) => `UnsupportedError: ${what} name of 16384 characters is not available in conditions: names of 16384 or more are not built`;
  it.each([
    ['setattr', "class O: pass\no = O()\nsetattr(o, N, 1)\nreturn getattr(o, N)", 'an attribute'],
    ['a store into __dict__', "class O: pass\no = O()\no.__dict__[N] = 1\nreturn getattr(o, N)", 'an attribute'],
    ['setattr on a class', "class O: pass\nsetattr(O, N, 1)\nreturn getattr(O, N)", 'an attribute'],
    ['setattr on an exception', "e = KeyError()\nsetattr(e, N, 1)\nreturn getattr(e, N)", 'an attribute'],
    ['type() with a namespace', "O = type('O', (), {N: 1})\nreturn getattr(O, N)", 'an attribute'],
    ['a call with **', "def f(**kw):\n    return len(kw)\nreturn f(**{N: 1})", 'a keyword'],
    ['setattr on a partial', "import functools\np = functools.partial(int)\nsetattr(p, N, 1)\nreturn getattr(p, N)", 'an attribute'],
    ['setattr on a cached function', "import functools\n@functools.cache\ndef f(): pass\nsetattr(f, N, 1)\nreturn getattr(f, N)", 'an attribute'],
    ["setattr on a property's subclass's instance", "class P(property): pass\np = P()\nsetattr(p, N, 1)\nreturn getattr(p, N)", 'an attribute'],
    // a module class's own __setattr__ (frozen-instances.ts guardClass) files the name of a store on an instance made in the run
    ['setattr on a NewType', "import typing\nU = typing.NewType('U', int)\nsetattr(U, N, 1)\nreturn getattr(U, N)", 'an attribute'],
    ["setattr on dataclasses.MISSING's class's new instance", "import dataclasses\nm = type(dataclasses.MISSING)()\nsetattr(m, N, 1)\nreturn getattr(m, N)", 'an attribute'],
    // names filed in a class's table by other routes: 40 such slots, fields or members made 100,000 steps of lookups end on the clock
    ['__slots__', "class O:\n    __slots__ = (N,)\nreturn [len(k) for k in vars(O) if len(k) > 100]", 'an attribute'],
    ['a namedtuple field', "from collections import namedtuple\nP = namedtuple('P', [N])\nreturn getattr(P(1), N)", 'an attribute'],
    ['a namedtuple field kept by rename', "from collections import namedtuple\nP = namedtuple('P', [N, N, 'def'], rename=True)\nreturn P._fields[1:], len(P._fields[0])", 'an attribute'],
    ["an Enum's member by the functional API", "import enum\nE = enum.Enum('E', [N])\nreturn getattr(E, N).value", 'an attribute'],
    ["an Enum's _ignore_", "import enum\nclass E(enum.Enum):\n    _ignore_ = [N]\n    A = 1\nreturn list(E)", 'an attribute'],
    // the dict's table becomes the instance's: the name was filed by its digest, and getattr missed it
    ['__dict__ set to a dict', "class O: pass\no = O()\no.__dict__ = {N: 1, 2.5: 3}\nreturn getattr(o, N), len(vars(o))", 'an attribute'],
  ])('%s: at 16,383 units as CPython, at 16,384 refused', (_label, body, what) => {
    // 16,383: CPython's answer; a setattr before the limit is the same path as at it
    expect(compareWithCPython([`N = 'a' * 16383\n${body}`])).toEqual([]);
    expect(evaluator(unclocked, { source: `N = 'a' * 16384\n${body}`, data: {} }).error).toBe(refused(what));
  });
  it("a class's own __setattr__ is given such a name as CPython gives it", () => {
    // the name is an argument, filed nowhere: it was refused before the hook was called
    expect(compareWithCPython(["class C:\n    def __init__(self):\n        object.__setattr__(self, 'store', {})\n    def __setattr__(self, k, v):\n        self.store[k] = v\n    def __getattr__(self, k):\n        return self.store[k]\no = C()\nN = 'a' * 16384\nsetattr(o, N, 5)\no.__setattr__(N + 'b', 6)\nreturn getattr(o, N), [len(k) for k in o.store]"])).toEqual([]);
    expect(evaluator(unclocked, { source: "class C:\n    def __setattr__(self, k, v):\n        super().__setattr__(k, v)\no = C()\nsetattr(o, 'a' * 16384, 1)\nreturn 1", data: {} }).error).toMatch(/^UnsupportedError: an attribute name of 16384/);
  });
  it("a store where no table files the name answers CPython's error, and a def's __dict__ (a dict) keeps it", () => {
    const N = "N = 'a' * 16384\n";
    expect(compareWithCPython([
      `${N}try:\n    setattr(1, N, 2)\nexcept AttributeError as e:\n    return len(str(e)), str(e)[:30]`,
      `${N}class S:\n    __slots__ = ('x',)\ntry:\n    setattr(S(), N, 2)\nexcept AttributeError as e:\n    return len(str(e)), str(e)[:30]`,
      `${N}from collections import namedtuple\nP = namedtuple('P', 'x')\ntry:\n    object.__setattr__(P(1), N, 2)\nexcept AttributeError as e:\n    return len(str(e)), str(e)[:30]`,
      `${N}def f(): pass\nsetattr(f, N, 2)\nf.__dict__[N + 'b'] = 3\nreturn getattr(f, N), getattr(f, N + 'b'), [len(k) for k in vars(f)]`,
    ])).toEqual([]);
  });
  it('a lookup of such a name is an AttributeError, as nothing can have it', () => {
    expect(compareWithCPython(["class O: pass\no = O()\nN = 'a' * 20000\nreturn hasattr(o, N), getattr(o, N, 5), hasattr(O, N)"])).toEqual([]);
  });
});
