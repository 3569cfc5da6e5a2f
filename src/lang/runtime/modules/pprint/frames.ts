/**
 * Frames of Lib/pprint.py's running (_format, _pprint_list, _format_items, format,
 * _safe_repr, ...): counted, as copy's are, against CPython's recursion limit with the run's
 * own calls and frames, not against the limit of 200 calls, so a value nests as deep as in CPython.
 */
import { checkSize, nestingRoom, tick, work } from '../../budget.js';
import { pyErr, RecursionError } from '../../exceptions.js';

/**
 * The frames pprint's Python may push from the envelope: the nestings where CPython's saferepr
 * and pformat first raise RecursionError, read off the original's `python3 -c` (module-pprint.test.ts).
 */
const AT_ENVELOPE = 994;

let frames = 0;

/** n frames pushed around body: CPython's words when they pass the recursion limit. */
export function inFrames<T>(n: number, body: () => T): T {
  if (frames + n > nestingRoom(AT_ENVELOPE)) throw pyErr(RecursionError, 'maximum recursion depth exceeded');
  frames += n;
  // a frame of the library's Python, paid as an item of a native loop
  tick();
  try {
    return body();
  } finally {
    frames -= n;
  }
}

/** A C call's check (repr of a scalar, under format's and _safe_repr's frames): n frames more, not pushed. */
export function checkFrames(n: number, while_: string): void {
  if (frames + n > nestingRoom(AT_ENVELOPE)) throw pyErr(RecursionError, `maximum recursion depth exceeded${while_}`);
}

/** A text made of pieces: its length within the size limit, its characters paid for in bulk (a piece is mostly a few characters). */
export function textCounter(): (length: number) => void {
  let total = 0;
  let pending = 0;
  return (length) => {
    total += length;
    checkSize(total);
    pending += length;
    if (pending < 1024) return tick();
    work(pending);
    pending = 0;
  };
}

/** Work of n items, as a tick when it is small. */
export const pay = (n: number): void => (n < 32 ? tick() : work(n));
