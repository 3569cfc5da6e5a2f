/**
 * graphlib (Lib/graphlib.py): TopologicalSorter, its class written as one, its state the
 * instance's own attributes as graphlib.py keeps them (`_node2info`, a dict of each node's
 * _NodeInfo; `_ready_nodes`; `_npassedout`; `_nfinished`), each walk over the nodes and edges
 * paid a step a node or edge; and CycleError, a ValueError whose args are the message and the cycle.
 */
import { getattr } from '../attributes.js';
import { step } from '../budget.js';
import { BUILTINS } from '../builtins.js';
import { finishClass, makeClass, OBJECT_CLASS, setattr } from '../classes.js';
import { AssertionError_, pyErr, typeErr, ValueError } from '../exceptions.js';
import * as ops from '../ops.js';
import { repr, str } from '../repr.js';
import { spreadArgs } from '../star-args.js';
import { GENERIC_ALIAS_TYPE, GENERIC_ORIGINS } from '../types/generic-alias.js';
import { PyDict, PyException, PyIterator, PyModule, PyTuple, PyType, type Py } from '../values.js';
import { call, callMethod } from './calendar/py.js';
import { defIn } from './python-def.js';

const TUPLE = BUILTINS.get('tuple')!;
const NODE_OUT = -1;
const NODE_DONE = -2;

/** class CycleError(ValueError), its args as raised: ("nodes are in a cycle", cycle). */
export const CYCLE_ERROR: PyType = new PyType('CycleError', (args, kw) => {
  if (kw !== null && kw.size !== 0) throw typeErr('CycleError() takes no keyword arguments');
  return new PyException(CYCLE_ERROR, args);
}, ValueError, true);

/** `class _NodeInfo: __slots__ = "node", "npredecessors", "successors"`. */
const NODE_INFO = makeClass('_NodeInfo', '_NodeInfo', [OBJECT_CLASS]);
NODE_INFO.module = 'graphlib';
NODE_INFO.attrs.set('__slots__', new PyTuple(['node', 'npredecessors', 'successors']));
defIn(NODE_INFO, '_NodeInfo')('__init__', ['node'], {}, (self, node) => {
  setattr(self, 'node', node);
  setattr(self, 'npredecessors', 0);
  setattr(self, 'successors', []);
  return null;
});
finishClass(NODE_INFO);

export const TOPOLOGICAL_SORTER = makeClass('TopologicalSorter', 'TopologicalSorter', [OBJECT_CLASS]);
TOPOLOGICAL_SORTER.module = 'graphlib';
const def = defIn(TOPOLOGICAL_SORTER, 'TopologicalSorter');

const n2iOf = (self: Py): Py => getattr(self, '_node2info');
const readyOf = (self: Py): Py => getattr(self, '_ready_nodes');
// the state is the instance's attributes, which a condition may replace: each read and change goes
// through the values' own methods, as graphlib.py's code does (`self._ready_nodes.clear()`)
const prepared = (self: Py): void => {
  if (readyOf(self) === null) throw pyErr(ValueError, 'prepare() must be called first');
};
const addTo = (self: Py, name: string, n: number): void => setattr(self, name, ops.add(getattr(self, name), n));

def('__init__', ['graph'], { graph: null }, (self, graph) => {
  setattr(self, '_node2info', new PyDict());
  setattr(self, '_ready_nodes', null);
  setattr(self, '_npassedout', 0);
  setattr(self, '_nfinished', 0);
  if (graph !== null) {
    for (const item of ops.iterate(callMethod(graph, 'items'))) {
      step();
      const [node, predecessors] = unpackPair(item);
      // self.add(node, *predecessors)
      const args: Py[] = [node];
      spreadArgs(args, predecessors);
      callMethod(self, 'add', ...args);
    }
  }
  return null;
});

/** `for node, predecessors in graph.items()`: two values, or the unpacking's error. */
function unpackPair(item: Py): [Py, Py] {
  const values = ops.toList(item);
  if (values.length > 2) throw pyErr(ValueError, 'too many values to unpack (expected 2)');
  if (values.length < 2) throw pyErr(ValueError, `not enough values to unpack (expected 2, got ${values.length})`);
  return [values[0], values[1]];
}

/** _get_nodeinfo(node): the node's _NodeInfo, made and filed at its first sight. */
function nodeInfo(self: Py, node: Py): Py {
  const n2i = n2iOf(self);
  let result = callMethod(n2i, 'get', node);
  if (result === null) {
    result = call(NODE_INFO, node);
    ops.setitem(n2i, node, result);
  }
  return result;
}
def('_get_nodeinfo', ['node'], {}, nodeInfo);

def('add', ['node', '*predecessors'], {}, (self, node, predecessors) => {
  if (readyOf(self) !== null) throw pyErr(ValueError, 'Nodes cannot be added after a call to prepare()');
  const preds = (predecessors as PyTuple).items;
  const info = callMethod(self, '_get_nodeinfo', node);
  setattr(info, 'npredecessors', ops.add(getattr(info, 'npredecessors'), preds.length));
  for (const pred of preds) {
    step();
    callMethod(getattr(callMethod(self, '_get_nodeinfo', pred), 'successors'), 'append', node);
  }
  return null;
});

def('prepare', [], {}, (self) => {
  if (readyOf(self) !== null) throw pyErr(ValueError, 'cannot prepare() more than once');
  const ready: Py[] = [];
  for (const i of ops.iterate(callMethod(n2iOf(self), 'values'))) {
    step();
    if (ops.truthy(ops.eqValue(getattr(i, 'npredecessors'), 0))) ready.push(getattr(i, 'node'));
  }
  setattr(self, '_ready_nodes', ready);
  const cycle = callMethod(self, '_find_cycle');
  if (ops.truthy(cycle)) throw new PyException(CYCLE_ERROR, ['nodes are in a cycle', cycle]);
  return null;
});

def('get_ready', [], {}, (self) => {
  prepared(self);
  const result = call(TUPLE, readyOf(self)) as PyTuple;
  const n2i = n2iOf(self);
  for (const node of result.items) {
    step();
    setattr(ops.getitem(n2i, node), 'npredecessors', NODE_OUT);
  }
  callMethod(readyOf(self), 'clear');
  addTo(self, '_npassedout', result.items.length);
  return result;
});

def('is_active', [], {}, (self) => {
  prepared(self);
  return ops.truthy(ops.ltValue(getattr(self, '_nfinished'), getattr(self, '_npassedout'))) || ops.truthy(readyOf(self));
});

def('__bool__', [], {}, (self) => callMethod(self, 'is_active'));

def('done', ['*nodes'], {}, (self, nodes) => {
  prepared(self);
  const n2i = n2iOf(self);
  for (const node of (nodes as PyTuple).items) {
    step();
    const info = callMethod(n2i, 'get', node);
    if (info === null) throw pyErr(ValueError, `node ${repr(node)} was not added using add()`);
    const stat = getattr(info, 'npredecessors');
    if (ops.truthy(ops.neValue(stat, NODE_OUT))) {
      if (ops.truthy(ops.geValue(stat, 0))) throw pyErr(ValueError, `node ${repr(node)} was not passed out (still not ready)`);
      if (ops.truthy(ops.eqValue(stat, NODE_DONE))) throw pyErr(ValueError, `node ${repr(node)} was already marked done`);
      // `assert False, f"node {node!r}: unknown status {stat}"`: the status's str()
      throw pyErr(AssertionError_, `node ${repr(node)}: unknown status ${str(stat)}`);
    }
    setattr(info, 'npredecessors', NODE_DONE);
    for (const successor of ops.iterate(getattr(info, 'successors'))) {
      step();
      const sinfo = ops.getitem(n2i, successor);
      setattr(sinfo, 'npredecessors', ops.sub(getattr(sinfo, 'npredecessors'), 1));
      if (ops.truthy(ops.eqValue(getattr(sinfo, 'npredecessors'), 0))) callMethod(readyOf(self), 'append', successor);
    }
    addTo(self, '_nfinished', 1);
  }
  return null;
});

def('_find_cycle', [], {}, (self) => {
  const n2i = n2iOf(self);
  const stack: Py[] = [];
  const itstack: Iterator<Py>[] = [];
  const seen = new PyDict();
  const node2stacki = new PyDict();
  for (let node of ops.toList(n2i)) {
    step();
    if (seen.has(node)) continue;
    for (;;) {
      step();
      if (seen.has(node)) {
        if (node2stacki.has(node)) return [...stack.slice(node2stacki.get(node) as number), node];
      } else {
        seen.set(node, true);
        itstack.push(ops.iterate(getattr(ops.getitem(n2i, node), 'successors'))[Symbol.iterator]());
        node2stacki.set(node, stack.length);
        stack.push(node);
      }
      let found = false;
      while (stack.length > 0) {
        step();
        const next = itstack[itstack.length - 1].next();
        if (!next.done) {
          node = next.value;
          found = true;
          break;
        }
        node2stacki.delete(stack.pop());
        itstack.pop();
      }
      if (!found) break;
    }
  }
  return null;
});

def('static_order', [], {}, (self) => new PyIterator((function* () {
  callMethod(self, 'prepare');
  while (ops.truthy(callMethod(self, 'is_active'))) {
    const group = ops.toList(callMethod(self, 'get_ready'));
    for (const node of group) yield node;
    callMethod(self, 'done', ...group);
  }
})(), 'generator'));

finishClass(TOPOLOGICAL_SORTER);
// __class_getitem__ = classmethod(GenericAlias)
GENERIC_ORIGINS.add(TOPOLOGICAL_SORTER);

export const GRAPHLIB_MODULE = new PyModule('graphlib', new Map<string, Py>([
  ['TopologicalSorter', TOPOLOGICAL_SORTER],
  ['CycleError', CYCLE_ERROR],
  ['GenericAlias', GENERIC_ALIAS_TYPE],
  ['_NODE_OUT', NODE_OUT],
  ['_NODE_DONE', NODE_DONE],
  ['_NodeInfo', NODE_INFO],
]));
