/** The pprint module: pprint, pformat, pp, saferepr, isreadable, isrecursive and PrettyPrinter (Lib/pprint.py). */
import { callValue } from '../../call.js';
import { readingFlagsOnly } from './safe-repr.js';
import { inFrames } from './frames.js';
import { Signature, bindArgs } from '../../signature.js';
import { PyDict, PyFunc, PyModule, type Py } from '../../values.js';
import { defaultSafeRepr, pformatOf, PRETTY_PRINTER, printTo } from './printer.js';

const param = (name: string, star: '' | '*' | '**' = '') => ({ name, star });
const KW_ONLY = [param('', '*'), param('compact'), param('sort_dicts'), param('underscore_numbers')];

const PPRINT = new Signature('pprint', [param('object'), param('stream'), param('indent'), param('width'), param('depth'), ...KW_ONLY], 'python');
const PPRINT_DEFAULTS = [undefined, null, 1, 80, null, undefined, false, true, false];
const PFORMAT = new Signature('pformat', [param('object'), param('indent'), param('width'), param('depth'), ...KW_ONLY], 'python');
const PFORMAT_DEFAULTS = [undefined, 1, 80, null, undefined, false, true, false];
const PP = new Signature('pp', [param('object'), param('args', '*'), param('sort_dicts'), param('kwargs', '**')], 'python');
const ONE = (name: string) => new Signature(name, [param('object')], 'python');

const kw = (pairs: [string, Py][]): Map<string, Py> => new Map(pairs);

/** A printer made with these settings, as the module's functions make one. */
const printer = (indent: Py, width: Py, depth: Py, stream: Py, compact: Py, sortDicts: Py, underscore: Py): Py =>
  callValue(PRETTY_PRINTER, [], kw([['stream', stream], ['indent', indent], ['width', width], ['depth', depth], ['compact', compact], ['sort_dicts', sortDicts], ['underscore_numbers', underscore]]));

function pprint(a: Py[], k: Map<string, Py> | null): Py {
  const [object, stream, indent, width, depth, , compact, sortDicts, underscore] = bindArgs(PPRINT, a, k, PPRINT_DEFAULTS);
  // pprint's frame and PrettyPrinter.pprint's
  inFrames(2, () => printTo(printer(indent, width, depth, stream, compact, sortDicts, underscore), object));
  return null;
}

const PPRINT_FN = new PyFunc('pprint', pprint, 'function');

export const PPRINT_MODULE = new PyModule(
  'pprint',
  new Map<string, Py>([
    ['pprint', PPRINT_FN],
    ['pformat', new PyFunc('pformat', (a, k) => {
      const [object, indent, width, depth, , compact, sortDicts, underscore] = bindArgs(PFORMAT, a, k, PFORMAT_DEFAULTS);
      return inFrames(2, () => pformatOf(printer(indent, width, depth, null, compact, sortDicts, underscore), object));
    }, 'function')],
    ['pp', new PyFunc('pp', (a, k) => {
      // pprint(object, *args, sort_dicts=sort_dicts, **kwargs): a sort_dicts in both is a TypeError of the call
      const [object, args, sortDicts, kwargs] = bindArgs(PP, a, k, [undefined, undefined, false, undefined]) as [Py, { items: Py[] }, Py, PyDict];
      const rest = new Map<string, Py>([['sort_dicts', sortDicts]]);
      for (const [name, v] of kwargs.m) rest.set(name as string, v);
      return pprint([object, ...args.items], rest);
    }, 'function')],
    ['saferepr', new PyFunc('saferepr', (a, k) => defaultSafeRepr(bindArgs(ONE('saferepr'), a, k)[0])[0], 'function')],
    ['isreadable', new PyFunc('isreadable', (a, k) => readingFlagsOnly(() => defaultSafeRepr(bindArgs(ONE('isreadable'), a, k)[0]))[1], 'function')],
    ['isrecursive', new PyFunc('isrecursive', (a, k) => readingFlagsOnly(() => defaultSafeRepr(bindArgs(ONE('isrecursive'), a, k)[0]))[2], 'function')],
    ['PrettyPrinter', PRETTY_PRINTER],
  ]),
);
