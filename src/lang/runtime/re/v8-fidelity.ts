import { chargeSteps } from '../budget.js';
import { parse } from './parse.js';
import type { Node, Sub } from './tree.js';

// Where V8 runs a pattern it accepts otherwise than sre: JS resets the groups of a repeat's
// body at each iteration, and ends a loop on an empty iteration without keeping it; sre
// keeps the last value each group was given, and the empty iteration's. Such a pattern is
// the own engine's. So is a lookbehind of variable width, which JS takes and sre refuses.

/** A group followed by a repeat, or a lookbehind: what the check needs to look further. */
const WORTH_PARSING = /\)[*+?{]|\(\?<[=!]/;
/** Steps per character parsed: the parse cannot be interrupted (some 1 µs a character measured). */
const PARSE_STEPS_PER_CHAR = 2;

/** Whether V8 would answer otherwise than sre for some subject; false when the pattern does not parse (translate has refused it already). */
export function unfaithfulOnV8(pattern: string, flags: number): boolean {
  if (!WORTH_PARSING.test(pattern)) return false;
  chargeSteps(pattern.length * PARSE_STEPS_PER_CHAR);
  let p: Sub;
  try {
    p = parse(pattern, flags).p;
  } catch {
    return false;
  }
  return walk(p);
}

function walk(sub: Sub): boolean {
  for (const n of sub.items) {
    switch (n.op) {
      case 'MAX_REPEAT':
      case 'MIN_REPEAT':
      case 'POSSESSIVE_REPEAT': {
        if (n.max > 1) {
          // an empty iteration: sre keeps it and ends the loop, JS backtracks into the body
          // for a longer one ('(?:|a)*' on 'aa' is '' in sre, 'aa' in JS)
          const [lo, hi] = n.p.getWidth();
          if (lo === 0 && hi > 0) return true;
          const all = new Set<number>();
          groupsIn(n.p, all);
          if (all.size > 0) {
            if (lo === 0) return true;
            const set = new Set<number>();
            alwaysSet(n.p, set);
            if (set.size !== all.size) return true;
          }
        }
        if (walk(n.p)) return true;
        break;
      }
      case 'ASSERT':
      case 'ASSERT_NOT': {
        const [lo, hi] = n.p.getWidth();
        if (n.dir < 0 && lo !== hi) return true;
        if (walk(n.p)) return true;
        break;
      }
      case 'BRANCH':
        if (n.alts.some(walk)) return true;
        break;
      case 'SUBPATTERN':
      case 'ATOMIC_GROUP':
        if (walk(n.p)) return true;
        break;
      case 'GROUPREF_EXISTS':
        if (walk(n.yes) || (n.no !== null && walk(n.no))) return true;
        break;
    }
  }
  return false;
}

function children(n: Node): Sub[] {
  switch (n.op) {
    case 'BRANCH':
      return n.alts;
    case 'GROUPREF_EXISTS':
      return n.no === null ? [n.yes] : [n.yes, n.no];
    case 'SUBPATTERN':
    case 'ATOMIC_GROUP':
    case 'ASSERT':
    case 'ASSERT_NOT':
    case 'MAX_REPEAT':
    case 'MIN_REPEAT':
    case 'POSSESSIVE_REPEAT':
      return [n.p];
  }
  return [];
}

function groupsIn(sub: Sub, out: Set<number>): void {
  for (const n of sub.items) {
    if (n.op === 'SUBPATTERN' && n.group !== null) out.add(n.group);
    for (const c of children(n)) groupsIn(c, out);
  }
}

/** The groups every match of sub sets. */
function alwaysSet(sub: Sub, out: Set<number>): void {
  for (const n of sub.items) {
    if (n.op === 'SUBPATTERN') {
      if (n.group !== null) out.add(n.group);
      alwaysSet(n.p, out);
    } else if (n.op === 'ATOMIC_GROUP' || n.op === 'ASSERT' || ((n.op === 'MAX_REPEAT' || n.op === 'MIN_REPEAT' || n.op === 'POSSESSIVE_REPEAT') && n.min > 0)) alwaysSet(n.p, out);
  }
}
