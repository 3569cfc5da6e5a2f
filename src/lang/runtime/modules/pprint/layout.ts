/**
 * PrettyPrinter._format and its _pprint_* methods, Lib/pprint.py's layout line for line:
 * a value whose one-line repr fits in what is left of the width is written as it is, else a
 * dict, list, tuple, set, str, bytes, bytearray, OrderedDict, defaultdict, Counter, deque or SimpleNamespace
 * (or a subclass that keeps its base's __repr__) is laid out over lines, each part in turn.
 */
import { getattr } from '../../attributes.js';
import { checkSize, tick, untimed } from '../../budget.js';
import { inFrames, pay } from './frames.js';
import { callValue } from '../../call.js';
import { cpLen } from '../../codepoints.js';
import { setattr } from '../../classes.js';
import { getslice, iterate, len, toList } from '../../ops.js';
import { BUILTINS } from '../../builtins.js';
import { compilePattern } from '../../re.js';
import { repr, str } from '../../repr.js';
import { PyBytes, PyDict, PyStrBox, typeName, type Py } from '../../values.js';
import { typeErr } from '../../exceptions.js';
import { introspect } from '../../introspection.js';
import { SIMPLE_NAMESPACE } from '../simple-namespace.js';
import { callMethod } from '../calendar/py.js';
import { idOf } from '../../identity.js';
import { kindOf, typeOfValue, type Kind } from './kinds.js';
import { dictItems, recursionMarker, safeSorted, type Formatted } from './safe-repr.js';

/** What a printer is set to, read from its instance (`_width`, `_indent_per_level`, ...). */
export interface Settings {
  indent: number;
  width: number;
  depth: Py;
  compact: boolean;
  sortDicts: boolean;
}

let words: Py;
/** re.findall(r'\S*\s*', line): the pattern compiled once, untimed, as a process's setup is. */
const splitWords = (line: string): string[] => toList(callMethod((words ??= untimed(() => compilePattern('\\S*\\s*'))), 'findall', line)) as string[];

/** len(rep): a repr is a str, unless a condition's own format answered something else (len() raises then, as in CPython). */
const pyLen = (rep: Py): number => (typeof rep === 'string' ? cpLen(rep) : len(rep));

/** The frames each _pprint_ method runs in before it formats the parts: its own, and _format_items' or the like. */
const FRAMES: Record<Exclude<Kind, 'int'>, number> = { dict: 2, list: 2, tuple: 2, set: 2, frozenset: 2, str: 1, bytes: 2, bytearray: 3, odict: 1, defaultdict: 3, counter: 2, deque: 2, chainmap: 1, userdata: 1, namespace: 2 };

/** n spaces, within the size limit before they are made (an indent of 10**9 is refused, not built). */
const spaces = (n: number): string => {
  checkSize(n);
  return ' '.repeat(Math.max(0, n));
};

export class Layout {
  constructor(
    readonly self: Py,
    readonly s: Settings,
    readonly write: (text: string) => void,
    /** self.format(object, context, maxlevels, level), the condition's own where it defines one. */
    readonly format: (object: Py, context: PyDict, maxlevels: Py, level: number) => Formatted,
  ) {}

  /** _repr: self.format of a copy of the context, its flags kept on the printer. */
  repr(object: Py, context: PyDict, level: number): Py {
    const copy = new PyDict(new Map(context.m));
    pay(context.size);
    // _repr's frame, under format's
    const [rep, readable, recursive] = inFrames(1, () => this.format(object, copy, this.s.depth, level));
    if (!readable) setattr(this.self, '_readable', false);
    if (recursive) setattr(this.self, '_recursive', true);
    return rep;
  }

  /** _format(object, stream, indent, allowance, context, level): a frame. */
  format_(object: Py, indent: number, allowance: number, context: PyDict, level: number): void {
    inFrames(1, () => this.formatIn(object, indent, allowance, context, level));
  }

  private formatIn(object: Py, indent: number, allowance: number, context: PyDict, level: number): void {
    // a value with no identity (an int, a str here) is never a container being laid out
    const objid = typeof object === 'object' && object !== null ? idOf(object) : undefined;
    if (objid !== undefined && context.has(objid)) {
      this.write(recursionMarker(object));
      setattr(this.self, '_recursive', true);
      setattr(this.self, '_readable', false);
      return;
    }
    const rep = this.repr(object, context, level);
    const maxWidth = this.s.width - indent - allowance;
    if (pyLen(rep) > maxWidth) {
      const kind = kindOf(typeOfValue(object));
      if (kind !== null && kind !== 'int') {
        if (objid !== undefined) context.set(objid, 1);
        // the _pprint_ method's frames (with _format_items' or _format_dict_items')
        inFrames(FRAMES[kind], () => this.dispatch(kind, object, indent, allowance, context, level + 1));
        if (objid !== undefined) context.delete(objid);
        return;
      }
    }
    this.write(rep);
  }

  private dispatch(kind: Kind, object: Py, indent: number, allowance: number, context: PyDict, level: number): void {
    switch (kind) {
      case 'dict':
        return this.dict(object, indent, allowance, context, level);
      case 'list':
        this.write('[');
        this.items(Array.from(iterate(object)), indent, allowance + 1, context, level);
        return this.write(']');
      case 'tuple': {
        const items = Array.from(iterate(object));
        this.write('(');
        const endchar = len(object) === 1 ? ',)' : ')';
        this.items(items, indent, allowance + endchar.length, context, level);
        return this.write(endchar);
      }
      case 'set':
      case 'frozenset':
        return this.set(object, indent, allowance, context, level);
      case 'str':
        return this.str(object, indent, allowance, level);
      case 'bytes':
        return this.bytes(object, indent, allowance, level);
      case 'bytearray':
        this.write('bytearray(');
        this.bytes(callValue(BUILTINS.get('bytes'), [object], null), indent + 10, allowance + 1, level + 1);
        return this.write(')');
      case 'odict':
        return this.orderedDict(object, indent, allowance, context, level);
      case 'defaultdict':
        return this.defaultDict(object, indent, allowance, context, level);
      case 'counter':
        return this.counter(object, indent, allowance, context, level);
      case 'deque':
        return this.deque(object, indent, allowance, context, level);
      case 'chainmap':
        return this.chainMap(object, indent, allowance, context, level);
      case 'userdata':
        // _pprint_user_dict, _pprint_user_list, _pprint_user_string: self._format(object.data, ..., level - 1)
        return this.format_(getattr(object, 'data'), indent, allowance, context, level - 1);
      case 'namespace':
        return this.namespace(object, indent, allowance, context, level);
    }
  }

  /** _pprint_simplenamespace and _format_namespace_items: `namespace(key=value,\n          ...)`, a value being laid out already as `...`. */
  private namespace(object: Py, indent: number, allowance: number, context: PyDict, level: number): void {
    const name = typeOfValue(object) === SIMPLE_NAMESPACE ? 'namespace' : this.className(object);
    indent += cpLen(name) + 1;
    const items = toList(callMethod(introspect(object, '__dict__'), 'items')).map((t) => Array.from(iterate(t)) as [Py, Py]);
    this.write(name + '(');
    const delimnl = ',\n' + spaces(indent);
    items.forEach(([key, ent], i) => {
      tick();
      const last = i === items.length - 1;
      // stream.write(key): a str, else write's TypeError
      if (typeof key !== 'string' && !(key instanceof PyStrBox)) throw typeErr(`string argument expected, got '${typeName(key)}'`);
      const text = key instanceof PyStrBox ? key.value : key;
      this.write(text);
      this.write('=');
      if (typeof ent === 'object' && ent !== null && context.has(idOf(ent))) this.write('...');
      else this.format_(ent, indent + cpLen(text) + 1, last ? allowance : 1, context, level);
      if (!last) this.write(delimnl);
    });
    this.write(')');
  }

  private className(object: Py): string {
    return String(getattr(typeOfValue(object), '__name__'));
  }

  /** _pprint_dict. */
  private dict(object: Py, indent: number, allowance: number, context: PyDict, level: number): void {
    this.write('{');
    if (this.s.indent > 1) this.write(spaces(this.s.indent - 1));
    if (len(object) > 0) this.dictItems(dictItems(object, this.s.sortDicts), indent, allowance + 1, context, level);
    this.write('}');
  }

  /** _format_dict_items. */
  private dictItems(items: [Py, Py][], indent: number, allowance: number, context: PyDict, level: number): void {
    indent += this.s.indent;
    const delimnl = ',\n' + spaces(indent);
    const lastIndex = items.length - 1;
    items.forEach(([key, ent], i) => {
      const last = i === lastIndex;
      const rep = this.repr(key, context, level);
      this.write(rep);
      this.write(': ');
      this.format_(ent, indent + pyLen(rep) + 2, last ? allowance : 1, context, level);
      if (!last) this.write(delimnl);
    });
  }

  /** _format_items: one item a line, or as many as fit on a line when compact. */
  items(items: Py[], indent: number, allowance: number, context: PyDict, level: number): void {
    indent += this.s.indent;
    if (this.s.indent > 1) this.write(spaces(this.s.indent - 1));
    const delimnl = ',\n' + spaces(indent);
    let delim = '';
    let width = this.s.width - indent + 1;
    let maxWidth = width;
    for (let i = 0; i < items.length; i++) {
      tick();
      const ent = items[i];
      const last = i === items.length - 1;
      if (last) {
        maxWidth -= allowance;
        width -= allowance;
      }
      if (this.s.compact) {
        const rep = this.repr(ent, context, level);
        const w = pyLen(rep) + 2;
        if (width < w) {
          width = maxWidth;
          if (delim) delim = delimnl;
        }
        if (width >= w) {
          width -= w;
          this.write(delim);
          delim = ', ';
          this.write(rep);
          continue;
        }
      }
      this.write(delim);
      delim = delimnl;
      this.format_(ent, indent, last ? allowance : 1, context, level);
    }
  }

  /** _pprint_set: sorted, as `{...}` or `frozenset({...})`. */
  private set(object: Py, indent: number, allowance: number, context: PyDict, level: number): void {
    const values = Array.from(iterate(object));
    if (values.length === 0) return this.write(repr(object));
    const typ = typeOfValue(object);
    let endchar: string;
    if (kindOf(typ) === 'set' && typ.name === 'set' && !('attrs' in typ)) {
      this.write('{');
      endchar = '}';
    } else {
      const name = String(getattr(typ, '__name__'));
      this.write(name + '({');
      endchar = '})';
      indent += cpLen(name) + 1;
    }
    this.items(safeSorted(values, (v) => v), indent, allowance + endchar.length, context, level);
    this.write(endchar);
  }

  /** _pprint_str: split at line ends, then between words, so each piece's repr fits. */
  private str(object: Py, indent: number, allowance: number, level: number): void {
    if (len(object) === 0) return this.write(repr(object));
    const chunks: string[] = [];
    const lines = toList(callMethod(object, 'splitlines', true)) as string[];
    if (level === 1) {
      indent += 1;
      allowance += 1;
    }
    const maxWidth = this.s.width - indent;
    let maxWidth1 = maxWidth;
    let rep = '';
    lines.forEach((line, i) => {
      tick();
      rep = repr(line);
      if (i === lines.length - 1) maxWidth1 -= allowance;
      if (pyLen(rep) <= maxWidth1) chunks.push(rep);
      else {
        const parts = splitWords(line);
        parts.pop();
        let maxWidth2 = maxWidth;
        let current = '';
        parts.forEach((part, j) => {
          tick();
          const candidate = current + part;
          if (j === parts.length - 1 && i === lines.length - 1) maxWidth2 -= allowance;
          if (cpLen(repr(candidate)) > maxWidth2) {
            if (current) chunks.push(repr(current));
            current = part;
          } else current = candidate;
        });
        if (current) chunks.push(repr(current));
      }
    });
    if (chunks.length === 1) return this.write(rep);
    if (level === 1) this.write('(');
    chunks.forEach((c, i) => {
      if (i > 0) this.write('\n' + spaces(indent));
      this.write(c);
    });
    if (level === 1) this.write(')');
  }

  /** _pprint_bytes: four bytes at a time, as many to a line as fit. */
  private bytes(object: Py, indent: number, allowance: number, level: number): void {
    const data = object as PyBytes;
    if (len(data) <= 4) return this.write(repr(object));
    const parens = level === 1;
    if (parens) {
      indent += 1;
      allowance += 1;
      this.write('(');
    }
    let delim = '';
    for (const rep of wrapBytesRepr(data, this.s.width - indent, allowance)) {
      this.write(delim);
      this.write(rep);
      if (!delim) delim = '\n' + spaces(indent);
    }
    if (parens) this.write(')');
  }

  /** _pprint_ordered_dict: `OrderedDict([(k, v), ...])`. */
  private orderedDict(object: Py, indent: number, allowance: number, context: PyDict, level: number): void {
    if (len(object) === 0) return this.write(repr(object));
    const name = this.className(object);
    this.write(name + '(');
    const pairs = toList(callMethod(object, 'items'));
    this.format_(pairs, indent + cpLen(name) + 1, allowance + 1, context, level);
    this.write(')');
  }

  /** _pprint_default_dict: `defaultdict(factory,\n {...})`. */
  private defaultDict(object: Py, indent: number, allowance: number, context: PyDict, level: number): void {
    if (len(object) === 0) return this.write(repr(object));
    const rdf = this.repr(getattr(object, 'default_factory'), context, level);
    const name = this.className(object);
    indent += cpLen(name) + 1;
    this.write(`${name}(${str(rdf)},\n${spaces(indent)}`);
    this.dict(object, indent, allowance + 1, context, level);
    this.write(')');
  }

  /** _pprint_counter: `Counter({k: n, ...})`, most common first. */
  private counter(object: Py, indent: number, allowance: number, context: PyDict, level: number): void {
    if (len(object) === 0) return this.write(repr(object));
    const name = this.className(object);
    this.write(name + '({');
    if (this.s.indent > 1) this.write(spaces(this.s.indent - 1));
    const items = toList(callMethod(object, 'most_common')).map((t) => Array.from(iterate(t)) as [Py, Py]);
    this.dictItems(items, indent + cpLen(name) + 1, allowance + 2, context, level);
    this.write('})');
  }

  /** _pprint_chain_map: `ChainMap({...},\n {...})`, each map formatted in turn. */
  private chainMap(object: Py, indent: number, allowance: number, context: PyDict, level: number): void {
    const maps = toList(getattr(object, 'maps'));
    if (maps.length === 0) return this.write(repr(object));
    const name = this.className(object);
    this.write(name + '(');
    indent += cpLen(name) + 1;
    maps.forEach((m, i) => {
      if (i === maps.length - 1) {
        this.format_(m, indent, allowance + 1, context, level);
        this.write(')');
      } else {
        this.format_(m, indent, 1, context, level);
        this.write(',\n' + spaces(indent));
      }
    });
  }

  /** _pprint_deque: `deque([...])`, or `deque([...],\n maxlen=n)`. */
  private deque(object: Py, indent: number, allowance: number, context: PyDict, level: number): void {
    const items = Array.from(iterate(object));
    if (items.length === 0) return this.write(repr(object));
    const name = this.className(object);
    this.write(name + '(');
    indent += cpLen(name) + 1;
    this.write('[');
    const maxlen = getattr(object, 'maxlen');
    if (maxlen === null) {
      this.items(items, indent, allowance + 2, context, level);
      this.write('])');
    } else {
      this.items(items, indent, 2, context, level);
      const rml = this.repr(maxlen, context, level);
      this.write(`],\n${spaces(indent)}maxlen=${str(rml)})`);
    }
  }
}


/** _wrap_bytes_repr: the bytes in pieces whose reprs fit the width, the last within the allowance too. */
function* wrapBytesRepr(object: PyBytes, width: number, allowance: number): Generator<string> {
  const n = len(object);
  // current is object[start:i], kept as its bounds; null before the first piece (b'')
  let current: Py = null;
  let start = 0;
  const last = Math.floor(n / 4) * 4;
  const piece = (a: number, b: number): Py => getslice(object, a, b, null);
  for (let i = 0; i < n; i += 4) {
    tick();
    const candidate = piece(current === null ? i : start, Math.min(i + 4, n));
    if (i === last) width -= allowance;
    if (cpLen(repr(candidate)) > width) {
      if (current !== null) yield repr(current);
      current = piece(i, Math.min(i + 4, n));
      start = i;
    } else current = candidate;
  }
  if (current !== null) yield repr(current);
}
