import { encode } from '../bytes.js';
import { bufferOf } from '../bytes-like.js';
import { KeyError, typeErr, valueErr } from '../exceptions.js';
import { bindArgs, positionalSignature } from '../signature.js';
import { UNIDATA_VERSION } from '../unicode-names-table.js';
import { lookupName, nameOf } from '../unicode-names.js';
import { PyException, PyFunc, PyModule, PyStrBox, typeName, type Py } from '../values.js';

// unicodedata's names and nothing more: name() and lookup(), from the table \N{...} reads.

// Argument Clinic's words: "name expected at least 1 argument, got 0", "unicodedata.name() takes no keyword arguments"
const NAME = positionalSignature('name', 'clinic', 1, 2, 'unicodedata');
// one positional parameter: METH_O's "unicodedata.lookup() takes exactly one argument (0 given)"
const LOOKUP = positionalSignature('lookup', 'one', 1, 1, 'unicodedata');
/** CPython's NAME_MAXLEN: a longer name is no name, in bytes of UTF-8. */
const NAME_MAXLEN = 256;

/** unicodedata.name(chr[, default]): the character's name, else default, else ValueError. */
function name(args: Py[], kw: Map<string, Py> | null): Py {
  let [chr, fallback] = bindArgs(NAME, args, kw);
  // a str subclass's instance is taken as its str, as PyUnicode_Check has it
  if (chr instanceof PyStrBox) chr = chr.value;
  if (typeof chr !== 'string' || chr.length === 0 || chr.length > 2 || [...chr].length !== 1) throw typeErr(`name() argument 1 must be a unicode character, not ${typeName(chr)}`);
  const found = nameOf(chr.codePointAt(0)!, false);
  if (found !== null) return found;
  if (fallback === undefined) throw valueErr('no such name');
  return fallback;
}

/** unicodedata.lookup(name): the character, or a named sequence's characters, with CPython's KeyErrors. */
function lookup(args: Py[], kw: Map<string, Py> | null): Py {
  const [arg] = bindArgs(LOOKUP, args, kw);
  // a str (a str subclass's instance too) is taken as its UTF-8 (a lone surrogate is the codec's error), bytes as they are
  const name = arg instanceof PyStrBox ? arg.value : arg;
  const bytes = typeof name === 'string' ? encode(name, [], null).data : bufferOf(arg);
  if (bytes === null) throw typeErr(`a bytes-like object is required, not '${typeName(arg)}'`);
  if (bytes.length > NAME_MAXLEN) throw new PyException(KeyError, ['name too long']);
  const text = new TextDecoder().decode(bytes);
  const found = lookupName(text, true);
  if (found === null) {
    // CPython formats the name as a C string: it ends at a NUL
    const shown = text.split('\0')[0];
    throw new PyException(KeyError, [`undefined character name '${shown}'`]);
  }
  return typeof found === 'number' ? String.fromCodePoint(found) : found;
}

export const UNICODEDATA = new PyModule(
  'unicodedata',
  new Map<string, Py>([
    ['name', new PyFunc('name', name)],
    ['lookup', new PyFunc('lookup', lookup)],
    ['unidata_version', UNIDATA_VERSION],
  ]),
);
