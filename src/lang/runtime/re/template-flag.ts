import { chargeSteps } from '../budget.js';
import { reErrorOf } from '../re-error.js';
import { reError } from '../re-translate.js';
import { parse } from './parse.js';
import type { Sub } from './tree.js';

/** re.TEMPLATE (re.T): sre_compile's _compile refuses every repeat under it. */
export const TEMPLATE = 1;
/** Steps per character of the pattern read again to look for a repeat, as the own engine's parse. */
const PARSE_STEPS_PER_CHAR = 3;

/**
 * `re.compile('a+', re.T)`: CPython's "internal: unsupported template operator MAX_REPEAT",
 * an re.error without pattern or position, naming the first repeat _compile meets.
 */
export function refuseTemplateRepeats(pattern: string, flags: number, istext: boolean): void {
  chargeSteps(pattern.length * PARSE_STEPS_PER_CHAR);
  const op = firstRepeat(parse(pattern, flags, istext).p);
  if (op !== null) throw reErrorOf(`internal: unsupported template operator ${op}`, null, null);
}

/** The first repeat in _compile's order (items in turn, each subpattern before what follows it). */
function firstRepeat(p: Sub): string | null {
  for (const n of p.items) {
    let found: string | null = null;
    switch (n.op) {
      case 'MAX_REPEAT':
      case 'MIN_REPEAT':
      case 'POSSESSIVE_REPEAT':
        return n.op;
      case 'ASSERT':
      case 'ASSERT_NOT':
        // _compile words a look-behind's width before it reads the look-behind's own items
        if (n.dir < 0 && n.p.getWidth()[0] !== n.p.getWidth()[1]) reError('look-behind requires fixed-width pattern');
        found = firstRepeat(n.p);
        break;
      case 'SUBPATTERN':
      case 'ATOMIC_GROUP':
        found = firstRepeat(n.p);
        break;
      case 'BRANCH':
        for (const a of n.alts) if (found === null) found = firstRepeat(a);
        break;
      case 'GROUPREF_EXISTS':
        found = firstRepeat(n.yes) ?? (n.no === null ? null : firstRepeat(n.no));
        break;
    }
    if (found !== null) return found;
  }
  return null;
}
