/**
 * re.match of a strptime pattern without a regex engine: a depth-first search over the
 * units, each trying its ends in re's order, so the first match found is re's. A failed
 * (unit, position) is remembered, so no state is searched twice, and every state and end
 * tried is paid for: a hostile format or string runs out of budget instead of backtracking for ever.
 */
import { step, tick } from '../budget.js';
import type { Descending, Unit } from './strptime-pattern.js';

const isList = (o: readonly number[] | Descending): o is readonly number[] => Array.isArray(o);

/** Where each unit ended (positions[i + 1] for unit i; positions[0] is 0), or null for no match. */
export function matchUnits(units: Unit[], s: string): number[] | null {
  const failed = new Set<number>();
  const key = (unit: number, pos: number) => unit * (s.length + 1) + pos;
  const positions = [0];
  const ends: (readonly number[] | Descending)[] = [];
  const next: number[] = [];
  // an explicit stack: a format of 100,000 units must not recurse 100,000 deep
  for (;;) {
    const depth = positions.length - 1;
    if (depth === units.length) return positions;
    const pos = positions[depth];
    if (ends.length === depth) {
      // a state costs a step: its ends are computed and its failure remembered
      step();
      ends.push(failed.has(key(depth, pos)) ? [] : units[depth].ends(s, pos));
      next.push(0);
    }
    const options = ends[depth];
    const count = isList(options) ? options.length : options.hi - options.lo + 1;
    let advanced = false;
    while (next[depth] < count) {
      tick();
      const i = next[depth]++;
      const end = isList(options) ? options[i] : options.hi - i;
      if (!failed.has(key(depth + 1, end))) {
        positions.push(end);
        advanced = true;
        break;
      }
    }
    if (advanced) continue;
    failed.add(key(depth, pos));
    ends.pop();
    next.pop();
    positions.pop();
    if (positions.length === 0) return null;
  }
}
