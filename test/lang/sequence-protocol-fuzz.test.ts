/**
 * Seeded random programs that match sequence patterns against, and unpack, instances of list
 * and tuple subclasses whose __len__, __iter__ and __getitem__ disagree with their items, each
 * compared with CPython 3.11: what CPython's compiler reads (len(), items by index for a `*_`
 * pattern, iteration otherwise) and in which order decides both the answer and the error.
 */
import { describe, expect, it } from 'vitest';
import { random } from '../../src/bench/workload.js';
import { compareWithCPython } from '../support/cpython.js';
import { announceSeed } from '../support/fuzz-seed.js';

const PROGRAMS = 300;

function program(r: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const items = Array.from({ length: Math.floor(r() * 5) }, () => Math.floor(r() * 4));
  const base = pick(['list', 'tuple']);
  const body: string[] = [];
  if (r() < 0.6) body.push(`    def __len__(self):\n        return ${pick([`${Math.floor(r() * 5)}`, 'len(list(iter(self)))', `len(list(iter(self))) + ${pick([-1, 1])}`])}`);
  if (r() < 0.5) {
    body.push(pick([
      `    def __iter__(self):\n        return iter(${JSON.stringify(Array.from({ length: Math.floor(r() * 5) }, () => Math.floor(r() * 9)))})`,
      "    def __iter__(self):\n        yield 7\n        yield 8\n        raise KeyError('late')",
    ]));
  }
  if (r() < 0.5) body.push(`    def __getitem__(self, i):\n        return ${pick(["('g', i)", 'super().__getitem__(i)'])}`);
  const cls = `class S(${base}):\n${body.length > 0 ? body.join('\n') : '    pass'}\ns = S(${JSON.stringify(items)})\n`;
  if (r() < 0.3) {
    const n = 1 + Math.floor(r() * 3);
    const names = Array.from({ length: n }, (_, i) => `v${i}`);
    const star = r() < 0.4 ? Math.floor(r() * n) : -1;
    const targets = names.map((x, i) => (i === star ? `*${x}` : x)).join(', ');
    return `${cls}try:\n    ${targets}, = s\n    return ${names.join(', ')},\nexcept Exception as e:\n    return type(e).__name__, str(e)`;
  }
  const cases: string[] = [];
  for (let c = 0; c < 1 + Math.floor(r() * 3); c++) {
    const n = Math.floor(r() * 5);
    const star = n > 0 && r() < 0.5 ? Math.floor(r() * n) : -1;
    const caps: string[] = [];
    const subs = Array.from({ length: n }, (_, i) => {
      if (i === star) {
        if (r() < 0.5) return '*_';
        caps.push(`r${c}`);
        return `*r${c}`;
      }
      const kind = r();
      if (kind < 0.4) {
        caps.push(`c${c}_${i}`);
        return `c${c}_${i}`;
      }
      return kind < 0.7 ? '_' : String(Math.floor(r() * 4));
    });
    cases.push(`    case [${subs.join(', ')}]:\n        return ${c}, ${caps.join(', ')}${caps.length > 0 ? ',' : ''}`);
  }
  return `${cls}try:\n    match s:\n${cases.map((x) => x.replace(/^/gm, '    ')).join('\n')}\nexcept Exception as e:\n    return type(e).__name__, str(e)\nreturn 'none'`;
}

describe('sequence patterns and unpacking of list and tuple subclasses, seeded', () => {
  const seed = announceSeed('sequence-protocol-fuzz');
  it(`${PROGRAMS} random programs answer as CPython`, () => {
    const r = random(seed);
    expect(compareWithCPython(Array.from({ length: PROGRAMS }, () => program(r)))).toEqual([]);
  });
});
