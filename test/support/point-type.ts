import { checkedMethods } from '../../src/lang/runtime/arity.js';
import { pyHashBig } from '../../src/lang/runtime/hash.js';
import { hashKey } from '../../src/lang/runtime/keys.js';
import { NOT_IMPLEMENTED, type Method, type PyTypeSlots } from '../../src/lang/runtime/types/protocol.js';
import { registerType } from '../../src/lang/runtime/types/table.js';
import { PyTuple, PyType, type Py } from '../../src/lang/runtime/values.js';

/**
 * Toy types for the protocol's test, landed as a type of issues 11 and 12 would land: one
 * module and one registration line, with no edit to repr, compare, arith, hash, json or
 * attributes. Point behaves as the Python class `POINT_CLASS` below; Bag has only a name.
 */
export class Point {
  constructor(readonly x: number, readonly y: number) {}
}

export class Bag {}

const isInt = (v: Py): v is number => typeof v === 'number';

function add(a: Py, b: Py): Py {
  if (a instanceof Point && b instanceof Point) return new Point(a.x + b.x, a.y + b.y);
  // Point + 1 and 1 + Point: both reach this slot, as nb_add is called with the operands in order
  if (a instanceof Point && isInt(b)) return new Point(a.x + b, a.y + b);
  if (isInt(a) && b instanceof Point) return new Point(a + b.x, a + b.y);
  return NOT_IMPLEMENTED;
}

export const POINT: PyTypeSlots<Point> = {
  name: () => 'Point',
  type: new PyType('Point', (args) => new Point(args[0], args[1])),
  truthy: () => true,
  len: () => 2,
  iter: (v) => [v.x, v.y],
  repr: (v, item) => `Point(${item(v.x)}, ${item(v.y)})`,
  hash: (v) => pyHashBig(new PyTuple([v.x, v.y])),
  // the key of the tuple it equals
  key: (v) => hashKey(new PyTuple([v.x, v.y])),
  // equal to a Point, or to the tuple of its coordinates (so that (1, 2) == p takes the reflected path)
  eq(a, b, eq) {
    if (b instanceof Point) return a.x === b.x && a.y === b.y;
    return b instanceof PyTuple ? b.items.length === 2 && eq(a.x, b.items[0]) && eq(a.y, b.items[1]) : NOT_IMPLEMENTED;
  },
  // ordered among Points, and against an int by x (so that 3 < p takes the reflected path)
  compare: (a, b) => (b instanceof Point ? Math.sign(a.x - b.x) || Math.sign(a.y - b.y) : isInt(b) ? Math.sign(a.x - b) : NOT_IMPLEMENTED),
  // more than its iteration yields (so that `in` asks this slot, not a walk)
  contains: (v, item, eq) => eq(v.x, item) || eq(v.y, item) || eq(v.x + v.y, item),
  json: (v) => [v.x, v.y],
  nb: { add },
  getattr: (v, name) => (name === 'x' ? v.x : name === 'y' ? v.y : undefined),
  methods: checkedMethods('Point', new Map<string, Method>([['scaled', (v: Point, [k]: Py[]) => new Point(v.x * k, v.y * k)]]), { scaled: 'one' }),
};

export const BAG: PyTypeSlots<Bag> = {
  name: () => 'Bag',
  type: new PyType('Bag', () => new Bag()),
  truthy: () => true,
  len: null,
  iter: null,
  hash: null,
};

registerType(Point, POINT);
registerType(Bag, BAG);

/** The same types in Python, for CPython's answers. */
export const POINT_CLASS = `
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f'Point({self.x!r}, {self.y!r})'
    def __hash__(self):
        return hash((self.x, self.y))
    def __eq__(self, other):
        if isinstance(other, Point):
            return (self.x, self.y) == (other.x, other.y)
        return (self.x, self.y) == other if type(other) is tuple else NotImplemented
    def _order(self, other):
        if isinstance(other, Point):
            return ((self.x, self.y) > (other.x, other.y)) - ((self.x, self.y) < (other.x, other.y))
        return (self.x > other) - (self.x < other) if type(other) is int else None
    def __lt__(self, other):
        c = self._order(other)
        return NotImplemented if c is None else c < 0
    def __gt__(self, other):
        c = self._order(other)
        return NotImplemented if c is None else c > 0
    def __le__(self, other):
        c = self._order(other)
        return NotImplemented if c is None else c <= 0
    def __ge__(self, other):
        c = self._order(other)
        return NotImplemented if c is None else c >= 0
    def __add__(self, other):
        if isinstance(other, Point):
            return Point(self.x + other.x, self.y + other.y)
        if type(other) is int:
            return Point(self.x + other, self.y + other)
        return NotImplemented
    def __radd__(self, other):
        return Point(other + self.x, other + self.y) if type(other) is int else NotImplemented
    def __len__(self):
        return 2
    def __iter__(self):
        return iter((self.x, self.y))
    def __contains__(self, item):
        return self.x == item or self.y == item or self.x + self.y == item
    def scaled(self, k):
        return Point(self.x * k, self.y * k)

class Bag:
    __hash__ = None
`;
