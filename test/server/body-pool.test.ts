import { expect, it } from 'vitest';
import { BodyPool } from '../../src/server/body-pool.js';

it('hands a given-back buffer to the next body of its size class', () => {
  const pool = new BodyPool(1024, 1 << 20);
  const a = pool.take(3000);
  expect(a.length).toBe(4096);
  pool.give(a);
  expect(pool.take(4096)).toBe(a);
  expect(pool.take(2049)).not.toBe(a); // taken already: a fresh one
});

it('does not pool bodies under the minimum', () => {
  const pool = new BodyPool(1024, 1 << 20);
  const small = pool.take(1023);
  expect(small.length).toBe(1023);
  pool.give(small);
  expect(pool.take(1023)).not.toBe(small);
});

it('keeps at most maxBytes free, and no buffer it did not size', () => {
  const pool = new BodyPool(1024, 8192);
  const [a, b, c] = [pool.take(4096), pool.take(4096), pool.take(4096)];
  [a, b, c].forEach((x) => pool.give(x));
  expect([pool.take(4096), pool.take(4096), pool.take(4096)].filter((x) => [a, b, c].includes(x))).toHaveLength(2);
  const odd = Buffer.alloc(3000);
  pool.give(odd);
  expect(pool.take(3000)).not.toBe(odd);
});
