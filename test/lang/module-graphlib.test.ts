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

it('pays a step a node and edge of a hostile graph', () => {
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  const run = (source: string) => evaluator(engine, { source });
  expect(run(`import graphlib\nts = graphlib.TopologicalSorter()\nfor i in range(2000):\n    ts.add(i, *range(i))\nreturn len(list(ts.static_order()))`).error).toBe('StepLimitError: condition exceeded its budget of 100000 steps');
  expect(run(`import graphlib\nts = graphlib.TopologicalSorter({i: [i + 1] for i in range(60000)} | {60000: [0]})\nts.prepare()`).error).toBe('StepLimitError: condition exceeded its budget of 100000 steps');
});
