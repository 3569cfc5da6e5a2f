import { LookupError, RuntimeError, TypeError_, UnicodeError } from '../exceptions.js';
import { fromCause } from '../handling.js';
import { PyException } from '../values.js';

/**
 * What a codec reached through the registry raised, as CPython's wrap_codec_error words it:
 * "decoding with 'cp1252' codec failed (TypeError: ...)", of the same type, the original its
 * __cause__. Only exceptions of no more state than their message are reworded (so never a
 * UnicodeDecodeError), and never one that enforces a limit.
 */
export function wrapCodecError(e: unknown, use: 'encode' | 'decode', name: string): unknown {
  if (!(e instanceof PyException) || e.fatal || ![TypeError_, LookupError, UnicodeError, RuntimeError].includes(e.type) || e.args.length !== 1 || typeof e.args[0] !== 'string') return e;
  const text = `${use === 'encode' ? 'encoding' : 'decoding'} with '${name}' codec failed (${e.type.name}: ${e.args[0]})`;
  const wrapped = new PyException(e.type, [text], text);
  return fromCause(wrapped, e, true);
}
