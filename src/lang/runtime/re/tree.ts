import type { Category } from './categories.js';

// The tree sre_parse makes of a pattern, in its terms: what parse.ts builds and compile.ts reads.

/** sre's MAXREPEAT: a repeat bound of this many is unbounded. */
export const MAXREPEAT = 4294967295;

export type At = 'BEGINNING' | 'BEGINNING_STRING' | 'END' | 'END_STRING' | 'BOUNDARY' | 'NON_BOUNDARY';

export type SetItem = { op: 'LITERAL'; c: number } | { op: 'RANGE'; lo: number; hi: number } | { op: 'CATEGORY'; cat: Category } | { op: 'NEGATE' };

export type Repeat = 'MAX_REPEAT' | 'MIN_REPEAT' | 'POSSESSIVE_REPEAT';

export type Node =
  | { op: 'LITERAL' | 'NOT_LITERAL'; c: number }
  | { op: 'ANY' }
  | { op: 'IN'; items: SetItem[] }
  | { op: 'AT'; at: At }
  | { op: 'BRANCH'; alts: Sub[] }
  | { op: 'SUBPATTERN'; group: number | null; add: number; del: number; p: Sub }
  | { op: Repeat; min: number; max: number; p: Sub }
  | { op: 'GROUPREF'; g: number }
  | { op: 'GROUPREF_EXISTS'; g: number; yes: Sub; no: Sub | null }
  | { op: 'ASSERT' | 'ASSERT_NOT'; dir: 1 | -1; p: Sub }
  | { op: 'ATOMIC_GROUP'; p: Sub };

/** A sequence of nodes, with its width (fewest and most characters it matches) once asked. */
export class Sub {
  width: [number, number] | null = null;
  constructor(public items: Node[], readonly groupWidths: ([number, number] | null)[]) {}

  /** sre_parse's getwidth: a bound of MAXREPEAT or more is unbounded. */
  getWidth(): [number, number] {
    if (this.width !== null) return this.width;
    let lo = 0;
    let hi = 0;
    for (const n of this.items) {
      let w: [number, number] = [0, 0];
      switch (n.op) {
        case 'BRANCH': {
          let i = MAXREPEAT - 1;
          let j = 0;
          for (const a of n.alts) {
            const [l, h] = a.getWidth();
            i = Math.min(i, l);
            j = Math.max(j, h);
          }
          w = [i, j];
          break;
        }
        case 'ATOMIC_GROUP':
        case 'SUBPATTERN':
          w = n.p.getWidth();
          break;
        case 'MAX_REPEAT':
        case 'MIN_REPEAT':
        case 'POSSESSIVE_REPEAT': {
          const [i, j] = n.p.getWidth();
          w = [i * n.min, j * n.max];
          break;
        }
        case 'LITERAL':
        case 'NOT_LITERAL':
        case 'ANY':
        case 'IN':
          w = [1, 1];
          break;
        case 'GROUPREF':
          w = this.groupWidths[n.g] ?? [0, 0];
          break;
        case 'GROUPREF_EXISTS': {
          const [i, j] = n.yes.getWidth();
          if (n.no !== null) {
            const [l, h] = n.no.getWidth();
            w = [Math.min(i, l), Math.max(j, h)];
          } else w = [0, j];
          break;
        }
      }
      lo += w[0];
      hi += w[1];
    }
    this.width = [Math.min(lo, MAXREPEAT - 1), Math.min(hi, MAXREPEAT)];
    return this.width;
  }
}
