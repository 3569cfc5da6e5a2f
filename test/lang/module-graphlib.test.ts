import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** graphlib.TopologicalSorter as Lib/graphlib.py runs it: its order, its errors, CycleError's args, a condition's subclass. */
const CASES = [
  "import graphlib\nts = graphlib.TopologicalSorter({'D': {'B', 'C'}, 'C': {'A'}, 'B': {'A'}})\nreturn list(ts.static_order())",
  "from graphlib import TopologicalSorter\nts = TopologicalSorter()\nts.add(3, 2, 1)\nts.add(1, 0)\nts.add(2)\nts.prepare()\nr = []\nwhile ts.is_active():\n    nodes = ts.get_ready()\n    r.append(nodes)\n    r.append(bool(ts))\n    ts.done(*nodes)\nr.append(bool(ts))\nr.append(ts.get_ready())\nreturn r",
  "import graphlib\nts = graphlib.TopologicalSorter({1: [2], 2: [3], 3: [1], 0: [1]})\ntry:\n    ts.prepare()\nexcept graphlib.CycleError as e:\n    return repr(e), e.args, str(e), isinstance(e, ValueError), type(e).__mro__, repr(graphlib.CycleError)",
  "import graphlib\nts = graphlib.TopologicalSorter()\nr = []\nfor f in (ts.get_ready, ts.is_active, ts.done, lambda: bool(ts)):\n    try:\n        f()\n    except ValueError as e:\n        r.append(str(e))\nts.add('a', 'b')\nts.prepare()\nfor f in (ts.prepare, lambda: ts.add('c'), lambda: ts.done('zz'), lambda: ts.done('a')):\n    try:\n        f()\n    except ValueError as e:\n        r.append(str(e))\ng = ts.get_ready()\nts.done('b')\ntry:\n    ts.done('b')\nexcept ValueError as e:\n    r.append(str(e))\nr.append(g)\nreturn r",
  "import graphlib\nts = graphlib.TopologicalSorter({'x': 'abc'})\nreturn list(ts.static_order()), repr(graphlib.TopologicalSorter), graphlib.TopologicalSorter[int], graphlib.TopologicalSorter.__module__, sorted(vars(graphlib.TopologicalSorter()))",
  "import graphlib\nts = graphlib.TopologicalSorter()\nts.add(1, 1)\ntry:\n    list(ts.static_order())\nexcept graphlib.CycleError as e:\n    return e.args",
  "import graphlib\ntry:\n    graphlib.TopologicalSorter(5)\nexcept AttributeError as e:\n    return str(e)",
  "import graphlib\ntry:\n    graphlib.TopologicalSorter().add()\nexcept TypeError as e:\n    return str(e)",
  "import graphlib\nts = graphlib.TopologicalSorter()\ntry:\n    ts.add([1], 2)\nexcept TypeError as e:\n    return str(e)",
  "import graphlib\nclass T(graphlib.TopologicalSorter):\n    def add(self, node, *preds):\n        super().add(str(node), *map(str, preds))\nt = T({1: [2, 3], 2: [3]})\nit = t.static_order()\nreturn type(it).__name__, list(it)",
  "import graphlib\nts = graphlib.TopologicalSorter()\nfor i in range(12):\n    ts.add(i, *range(i))\nreturn list(ts.static_order())[:5], dir(graphlib)",
  "import graphlib\nts = graphlib.TopologicalSorter({'a': ['b'], 'b': ['c'], 'c': ['a', 'd'], 'd': []})\ntry:\n    ts.prepare()\nexcept graphlib.CycleError as e:\n    msg, cyc = e.args\n    return msg, cyc",
];

it('answers graphlib as CPython does', () => {
  expect(compareWithCPython(CASES)).toEqual([]);
});

// a condition may replace the sorter's state: each read and change goes through the values' own methods (no internal errors)
const HOSTILE_STATE = [
  "import graphlib\nts = graphlib.TopologicalSorter()\nts.add(1, 2)\nts._ready_nodes = (2,)\ntry:\n    return ts.get_ready()\nexcept AttributeError as e:\n    return str(e)",
  "import graphlib\nts = graphlib.TopologicalSorter()\nts._node2info = []\ntry:\n    ts.add(1, 2)\nexcept AttributeError as e:\n    return str(e)",
  "import graphlib\nts = graphlib.TopologicalSorter()\nts.add(1)\nts._node2info[1].successors = ()\ntry:\n    ts.add(2, 1)\nexcept AttributeError as e:\n    return str(e)",
  "import graphlib\ntry:\n    graphlib.TopologicalSorter({1: 5})\nexcept TypeError as e:\n    return str(e)",
  "import graphlib\nclass G:\n    def items(self): return [(1, 2, 3)]\ntry:\n    graphlib.TopologicalSorter(G())\nexcept ValueError as e:\n    return str(e)",
  "import graphlib\nfrom fractions import Fraction\nts = graphlib.TopologicalSorter()\nts.add(1); ts.prepare()\nts._node2info[1].npredecessors = Fraction(-3, 2)\ntry:\n    ts.done(1)\nexcept AssertionError as e:\n    return str(e)",
  "import graphlib\nclass T(graphlib.TopologicalSorter):\n    def _get_nodeinfo(self, node):\n        self.seen = getattr(self, 'seen', []) + [node]\n        return super()._get_nodeinfo(node)\n    def get_ready(self):\n        return list(super().get_ready())\nt = T({1: [2, 3], 2: [3]})\nreturn t.seen, list(t.static_order())",
];

it("answers a sorter whose state a condition replaced as CPython does", () => {
  expect(compareWithCPython(HOSTILE_STATE)).toEqual([]);
});

it('pays a step a node and edge of a hostile graph', () => {
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  const run = (source: string) => evaluator(engine, { source });
  expect(run(`import graphlib\nts = graphlib.TopologicalSorter()\nfor i in range(2000):\n    ts.add(i, *range(i))\nreturn len(list(ts.static_order()))`).error).toBe('StepLimitError: condition exceeded its budget of 100000 steps');
  expect(run(`import graphlib\nts = graphlib.TopologicalSorter({i: [i + 1] for i in range(60000)} | {60000: [0]})\nts.prepare()`).error).toBe('StepLimitError: condition exceeded its budget of 100000 steps');
});
