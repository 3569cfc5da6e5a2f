import { chargeSteps, work } from '../budget.js';
import { astral, cpCodes } from '../codepoints.js';
import { compile, type Program } from './compile.js';
import { match, search } from './match.js';
import { State } from './state.js';
import { parse } from './parse.js';
import type { Sub } from './tree.js';

// The evaluator's own regular expression engine, for what V8 cannot run as sre does: a
// pattern parsed as sre_parse parses it, compiled as sre_compile does, and run by a port of
// _sre's matcher, charged by the step (match.ts).

/** A match: its span and each group's, by code point ([start, end] pairs, -1 when unset), and sre's lastindex. */
export interface OwnMatch {
  spans: Int32Array;
  lastindex: number | null;
}

export type Kind = 'g' | 'y' | 'f';

/** Steps per character of a pattern compiled: up to some 1.5 µs a character measured ('(?>a)' * 20000, 5,000 alternatives). */
const COMPILE_STEPS_PER_CHAR = 3;
/** Units (a quarter step each, state.ts) a search's or match's setup costs before its first opcode. */
const SETUP_UNITS = 8;

export class OwnPattern {
  readonly program: Program;
  readonly flags: number;
  readonly groups: number;
  readonly names: Map<string, number>;
  /** Whether a non-empty match may start where an empty one was found (mayFollowEmpty). */
  readonly followsEmpty: boolean;

  constructor(pattern: string, flags: number) {
    // parsing and compiling cannot be interrupted: paid before, by the pattern's length
    chargeSteps(pattern.length * COMPILE_STEPS_PER_CHAR);
    const parsed = parse(pattern, flags);
    this.flags = parsed.flags;
    this.groups = parsed.groups;
    this.names = parsed.names;
    this.followsEmpty = mayFollowEmpty(parsed.p);
    this.program = compile(parsed.p, parsed.flags);
  }

  /**
   * A search (g), match (y) or fullmatch (f) of the subject's code points from pos; a search
   * after an empty match must advance (sre's must_advance, for finditer, sub and split).
   */
  exec(kind: Kind, cps: Int32Array, pos: number, mustAdvance = false): OwnMatch | null {
    const from = Math.max(0, Math.min(pos, cps.length));
    // SRE(match)'s INFO check: text shorter than the pattern's fewest characters fails at once
    if (this.program.min > cps.length - from) return null;
    const st = new State(cps, cps.length);
    // the state, its spans and the match made of them: two steps a search, which a walk of
    // many short matches makes once each (safe_substitute of '$' * 900000: 450,000 of them)
    st.charge(SETUP_UNITS);
    st.start = st.ptr = from;
    st.mustAdvance = mustAdvance;
    st.matchAll = kind === 'f';
    const found = kind === 'g' ? search(this.program, st) : match(this.program, st, true);
    if (!found) return null;
    const spans = new Int32Array(2 * (this.groups + 1)).fill(-1);
    spans[0] = st.start;
    spans[1] = st.ptr;
    for (let g = 0; g < this.groups; g++) {
      const j = 2 * g;
      if (j + 1 <= st.lastmark && st.mark[j] >= 0 && st.mark[j + 1] >= 0) {
        spans[j + 2] = st.mark[j];
        spans[j + 3] = st.mark[j + 1];
      }
    }
    return { spans, lastindex: st.lastindex >= 0 ? st.lastindex : null };
  }
}

/**
 * Whether a non-empty match of p may start where its first match was empty. Not where p
 * matches only the empty string, nor where p is a lone greedy repeat of what cannot be
 * empty (\d*, (\s*)): that is empty only where its body fails to start, the common case
 * the V8 route then leaves alone.
 */
function mayFollowEmpty(p: Sub): boolean {
  if (p.getWidth()[1] === 0) return false;
  let items = p.items;
  // a group around the repeat changes nothing here
  while (items.length === 1 && items[0].op === 'SUBPATTERN') items = items[0].p.items;
  const n = items[0];
  return !(items.length === 1 && (n.op === 'MAX_REPEAT' || n.op === 'POSSESSIVE_REPEAT') && n.min === 0 && n.p.getWidth()[0] > 0);
}

let lastSubject = '';
let lastCodes: Int32Array = new Int32Array(0);

/**
 * The code points of a subject, remembered for the last one (a condition's searches nearly
 * always share it, and a request's conditions the log's text). A subject equal to the last but
 * another object is compared unit by unit: no more than the search's own charge by its length
 * pays for, and then it is the object held, so the next comparison is a pointer's.
 */
export function codePoints(s: string): Int32Array {
  if (s === lastSubject && lastCodes.length > 0) {
    lastSubject = s;
    return lastCodes;
  }
  work(s.length);
  let out: Int32Array;
  if (!astral(s)) {
    out = new Int32Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  } else {
    out = Int32Array.from(cpCodes(s));
  }
  lastSubject = s;
  lastCodes = out;
  return out;
}
