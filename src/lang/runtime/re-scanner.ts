/**
 * _sre.SRE_Scanner, what Pattern.scanner(string, pos=0, endpos=sys.maxsize) makes: each match()
 * or search() goes on from where the last match ended (past an empty one it must advance, sre's
 * must_advance), and once one finds nothing every later call is None. `pattern` is the Pattern.
 * A run's value: its state is its own, made by re.ts, which hands it the search to repeat.
 */
import { step } from './budget.js';
import { AttributeError, pyErr, typeErr } from './exceptions.js';
import type { PyTypeSlots } from './types/protocol.js';
import { registerType } from './types/table.js';
import { boundMethod, type Py } from './values.js';

/** A match found at or after code point `at` (kind 'g') or at it ('y'): the Match, and where it ends; null for none. */
export type ScanStep = (kind: 'g' | 'y', at: number, mustAdvance: boolean) => { match: Py; start: number; end: number } | null;

export class PyScanner {
  /** Where the next call starts, in code points; -1 once a call found nothing (state->start = NULL). */
  private at: number;
  private mustAdvance = false;
  constructor(readonly pattern: Py, start: number, private readonly find: ScanStep) {
    this.at = start;
  }

  next(kind: 'g' | 'y'): Py {
    if (this.at < 0) return null;
    step();
    const found = this.find(kind, this.at, this.mustAdvance);
    if (found === null) {
      this.at = -1;
      return null;
    }
    // an empty match: the next must not be empty where it was
    this.mustAdvance = found.start === found.end;
    this.at = found.end;
    return found.match;
  }
}

/** match() and search() are clinic's with only the defining class: positional arguments refused, keywords not looked at (3.11's). */
const method = (s: PyScanner, name: 'match' | 'search') =>
  boundMethod(name, (args) => {
    if (args.length > 0) throw typeErr(`${name}() takes no arguments`);
    return s.next(name === 'match' ? 'y' : 'g');
  }, s, undefined);

const SLOTS: PyTypeSlots<PyScanner> = {
  name: () => '_sre.SRE_Scanner',
  truthy: () => true,
  len: null,
  iter: null,
  // CPython adds the address, which differs in every process: left out
  repr: () => '<_sre.SRE_Scanner object>',
  getattr: (s, name) => (name === 'pattern' ? s.pattern : name === 'match' || name === 'search' ? method(s, name) : undefined),
  setattr: (_s, name) => {
    // pattern is a read-only member; the type takes no other attribute
    throw pyErr(AttributeError, name === 'pattern' || name === 'match' || name === 'search' ? (name === 'pattern' ? 'readonly attribute' : `'_sre.SRE_Scanner' object attribute '${name}' is read-only`) : `'_sre.SRE_Scanner' object has no attribute '${name}'`);
  },
};
registerType(PyScanner, SLOTS);
