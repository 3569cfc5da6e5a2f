/**
 * pprint.PrettyPrinter, Lib/pprint.py's class written as one (as string.Template is): its
 * settings are its instance's attributes (`_width`, `_indent_per_level`, ...), and its layout
 * asks `self.format` for every one-line repr, so a condition's subclass that defines its own
 * `format` is heard, as CPython's is. A condition has no standard output: pprint without a
 * stream formats (each __repr__ runs, what it raises is raised) and writes nowhere, as print does.
 */
import { getattr } from '../../attributes.js';
import { enterCall, exitCall } from '../../budget.js';
import { textCounter } from './frames.js';
import { toInt } from '../../builtins.js';
import { PyClass, PyInstance } from '../../class-values.js';
import { classOfInstance, makeClass, OBJECT_CLASS, setattr } from '../../classes.js';
import { typeErr, valueErr } from '../../exceptions.js';
import { iterate, ltValue, truthy } from '../../ops.js';
import { Signature, bindArgs } from '../../signature.js';
import { PyDict, PyFunc, PyStrBox, PyTuple, typeName, type Py } from '../../values.js';
import { callMethod } from '../calendar/py.js';
import { Layout, type Settings } from './layout.js';
import { markersRead, readingFlagsOnly, safeRepr, type Formatted, type ReprSettings } from './safe-repr.js';

export const PRETTY_PRINTER = makeClass('PrettyPrinter', 'PrettyPrinter', [OBJECT_CLASS]);
PRETTY_PRINTER.module = 'pprint';

const param = (name: string, star: '' | '*' | '**' = '') => ({ name, star });

/** A method of the class: a frame, as the Python function's is. */
function method(name: string, params: string[], body: (args: Py[]) => Py, defaults?: Py[], kwOnly: string[] = []): PyFunc {
  const sig = new Signature(`PrettyPrinter.${name}`, [param('self'), ...params.map((p) => param(p)), ...(kwOnly.length ? [param('', '*'), ...kwOnly.map((p) => param(p))] : [])], 'python');
  const f = new PyFunc(`PrettyPrinter.${name}`, (a, k) => {
    enterCall();
    try {
      return body(bindArgs(sig, a, k, defaults));
    } finally {
      exitCall();
    }
  }, 'function');
  PRETTY_PRINTER.attrs.set(name, f);
  return f;
}

const INIT_DEFAULTS = [undefined, 1, 80, null, null, undefined, false, true, false];
method('__init__', ['indent', 'width', 'depth', 'stream'], ([self, indent, width, depth, stream, , compact, sortDicts, underscore]) => {
  const ind = toInt(indent);
  const wid = toInt(width);
  if (truthy(ltValue(ind, 0))) throw valueErr('indent must be >= 0');
  if (depth !== null && !truthy(ltValue(0, depth))) throw valueErr('depth must be > 0');
  if (!truthy(wid)) throw valueErr('width must be != 0');
  setattr(self, '_depth', depth);
  setattr(self, '_indent_per_level', ind);
  setattr(self, '_width', wid);
  // sys.stdout when none is given: a condition has none, so None stands for it (written nowhere)
  setattr(self, '_stream', stream);
  setattr(self, '_compact', truthy(compact));
  setattr(self, '_sort_dicts', sortDicts);
  setattr(self, '_underscore_numbers', underscore);
  return null;
}, INIT_DEFAULTS, ['compact', 'sort_dicts', 'underscore_numbers']);

/** An int setting as a JS number: the sizes the layout counts in (a huge width is as good as 2**53). */
const size = (v: Py): number => Number(toInt(v));

/** FORMAT, the class's own format: a subclass that defines another (or an instance that holds one) is asked through it. */
let FORMAT: PyFunc;

function formatHook(self: Py, own: ReprSettings): ReprSettings['format'] {
  const cls = classOfInstance(self);
  const mine = cls instanceof PyClass && cls.lookup('format') === FORMAT && cls.lookup('__getattribute__') === undefined && !(self instanceof PyInstance && self.dict.has('format'));
  if (mine) return (object, context, maxlevels, level) => safeRepr(own, object, context, maxlevels, level);
  return (object, context, maxlevels, level) => {
    const got = Array.from(iterate(callMethod(self, 'format', object, context, maxlevels, level)));
    if (got.length !== 3) throw valueErr(got.length > 3 ? 'too many values to unpack (expected 3)' : `not enough values to unpack (expected 3, got ${got.length})`);
    return [got[0], truthy(got[1]), truthy(got[2])] as Formatted;
  };
}

/** The printer's settings as its instance holds them now, and its format hook. */
function layoutOf(self: Py, write: (text: string) => void): Layout {
  const settings: Settings & ReprSettings = {
    indent: size(getattr(self, '_indent_per_level')),
    width: size(getattr(self, '_width')),
    depth: getattr(self, '_depth'),
    compact: truthy(getattr(self, '_compact')),
    sortDicts: truthy(getattr(self, '_sort_dicts')),
    underscoreNumbers: truthy(getattr(self, '_underscore_numbers')),
    // set just below: the hook recurses through these settings
    format: () => ['', true, false],
  };
  settings.format = formatHook(self, settings);
  return new Layout(self, settings, write, settings.format);
}

/** A pformat's text, paid for as it grows. */
function collector(): { write: (text: string) => void; text: () => string } {
  const parts: string[] = [];
  const count = textCounter();
  return {
    write: (text) => {
      // StringIO.write: a str, a subclass's as its value
      const value: Py = text;
      const plain = typeof value === 'string' ? value : value instanceof PyStrBox ? value.value : undefined;
      if (plain === undefined) throw typeErr(`string argument expected, got '${typeName(value)}'`);
      count(plain.length);
      parts.push(plain);
    },
    text: () => parts.join(''),
  };
}

/** A stream's write, or (sys.stdout, which a condition does not have) a text made and dropped. */
function streamWriter(stream: Py): (text: string) => void {
  if (stream === null) return collector().write;
  // stream.write looked up at each write, as _format does: a stream without one fails at the first
  return (text) => void callMethod(stream, 'write', text);
}

/** PrettyPrinter.pprint(self, object): the layout, then a line end. */
export function printTo(self: Py, object: Py): void {
  const write = streamWriter(getattr(self, '_stream'));
  layoutOf(self, write).format_(object, 0, 0, new PyDict(), 0);
  write('\n');
}

/** PrettyPrinter.pformat(self, object). */
export function pformatOf(self: Py, object: Py): string {
  const out = collector();
  layoutOf(self, out.write).format_(object, 0, 0, new PyDict(), 0);
  return out.text();
}

/** self.format(object, {}, 0, 0): isrecursive's and isreadable's flags, any recursion marker made unread. */
export function flagsOf(self: Py, object: Py): Formatted {
  return readingFlagsOnly(() => layoutOf(self, () => {}).format(object, new PyDict(), 0, 0));
}

/** The module's saferepr, isreadable and isrecursive: PrettyPrinter()._safe_repr(object, {}, None, 0). */
export function defaultSafeRepr(object: Py): Formatted {
  const own: ReprSettings = { sortDicts: true, underscoreNumbers: false, format: (o, c, m, l) => safeRepr(own, o, c, m, l) };
  return safeRepr(own, object, new PyDict(), null, 0);
}

method('pprint', ['object'], ([self, object]) => (printTo(self, object), null));
method('pformat', ['object'], ([self, object]) => pformatOf(self, object));
method('isrecursive', ['object'], ([self, object]) => flagsOf(self, object)[2]);
method('isreadable', ['object'], ([self, object]) => {
  const [, readable, recursive] = flagsOf(self, object);
  return readable && !recursive;
});
/** format and _safe_repr: the one-line repr, readable, recursive; recursing through self.format as the Python does. */
const safeReprMethod = ([self, object, context, maxlevels, level]: Py[]): Py => {
  if (!(context instanceof PyDict)) throw typeErr(`argument of type '${typeName(context)}' is not iterable`);
  const layout = layoutOf(self, () => {});
  // its text reaches the condition: a recursion marker in it is refused even under isrecursive
  const [rep, readable, recursive] = markersRead(() => safeRepr(layout.s as Settings & ReprSettings, object, context, maxlevels, size(level)));
  return new PyTuple([rep, readable, recursive]);
};
FORMAT = method('format', ['object', 'context', 'maxlevels', 'level'], safeReprMethod);
method('_safe_repr', ['object', 'context', 'maxlevels', 'level'], safeReprMethod);
