import type { PyBytes } from '../values.js';
import type { Handler } from './errors.js';

/** A text codec: str to bytes and back, each failure given to the error handler. */
export interface Codec {
  /** `errors` is the handler's name as given, for the codecs CPython writes in Python, which read it themselves (punycode, idna) */
  encode(s: string, how: () => Handler, errors?: string): Uint8Array;
  /** `object` makes the bytes a UnicodeDecodeError holds */
  decode(d: Uint8Array, how: () => Handler, object: () => PyBytes, errors?: string): string;
}

/** A str with no lone surrogate: in UTF-8 or UTF-16 as JavaScript's own encoders write it. */
export const wellFormed = (s: string): boolean => !/\p{Surrogate}/u.test(s);
