import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { BYTES_PER_CHAR, retainedBytes } from '../../src/lang/cache-weight.js';
import { Lru } from '../../src/lang/lru.js';
import { liveHeap } from '../support/gc.js';

describe('Lru', () => {
  it('keeps N entries; the N+1th evicts one not used since the last sweep', () => {
    const lru = new Lru<string, number>(3);
    for (const k of ['a', 'b', 'c']) lru.set(k, 1);
    expect(lru.get('a')).toBe(1);
    lru.set('d', 1);
    lru.set('e', 1);
    expect([...'abcde'].filter((k) => lru.get(k) !== undefined)).toEqual(['a', 'd', 'e']);
    expect(lru.size).toBe(3);
  });

  it('keeps the total weight under its bound, evicting as many as it takes', () => {
    const lru = new Lru<string, number>(100, 10);
    for (const k of ['a', 'b', 'c', 'd', 'e']) lru.set(k, 1, 2);
    expect(lru.weight).toBe(10);
    lru.set('f', 1, 10);
    expect([...'abcdef'].filter((k) => lru.get(k) !== undefined)).toEqual(['f']);
    expect(lru.weight).toBe(10);
    lru.set('f', 1, 4);
    lru.set('g', 1, 6);
    expect(lru.weight).toBe(10);
    expect(lru.size).toBe(2);
  });

  it('does not keep a value heavier than the whole cache, nor evict for it', () => {
    const lru = new Lru<string, number>(100, 10);
    lru.set('a', 1, 5);
    lru.set('big', 2, 11);
    expect(lru.get('big')).toBeUndefined();
    expect(lru.get('a')).toBe(1);
    expect(lru.weight).toBe(5);
  });

  it('capped at its current weight, keeps a new entry only by evicting others', () => {
    const lru = new Lru<string, number>(100, 1000);
    lru.set('a', 1, 4);
    lru.set('b', 2, 4);
    lru.capAtCurrentWeight();
    lru.set('c', 3, 4);
    expect(lru.weight).toBe(8);
    expect(lru.size).toBe(2);
    expect(lru.get('c')).toBe(3);
  });
});

describe('the compile cache', () => {
  const source = (i: number) => `return ${i}`.padEnd(100, ' ');

  it('is bounded in entries', () => {
    const engine = new Engine({ cacheSize: 3 });
    const first = [0, 1, 2].map((i) => engine.compile(source(i), 'standard'));
    engine.compile(source(3), 'standard');
    // a recompiled condition is a new object; a cached one is the same
    expect([0, 1, 2].filter((i) => engine.compile(source(i), 'standard') !== first[i])).not.toHaveLength(0);
  });

  it('is bounded in estimated bytes', () => {
    const engine = new Engine({ cacheBytes: retainedBytes(source(0)) * 3 });
    const first = [0, 1, 2].map((i) => engine.compile(source(i), 'standard'));
    expect([0, 1, 2].every((i) => engine.compile(source(i), 'standard') === first[i])).toBe(true);
    engine.compile(source(3), 'standard');
    expect([0, 1, 2].filter((i) => engine.compile(source(i), 'standard') === first[i]).length).toBeLessThan(3);
  });

  it('grows no more once capped (a worker asked to be replaced for its heap)', () => {
    const engine = new Engine();
    [0, 1, 2].forEach((i) => engine.compile(source(i), 'standard'));
    const bytes = engine.cacheBytes;
    engine.capCache();
    [3, 4, 5].forEach((i) => engine.compile(source(i), 'standard'));
    expect(engine.cacheBytes).toBeLessThanOrEqual(bytes);
    expect(engine.cacheEntries).toBe(3);
  });

  it('counts a source compiled as both kinds twice', () => {
    const engine = new Engine({ cacheBytes: retainedBytes(source(0)) * 3 });
    const standard = [0, 1].map((i) => engine.compile(source(i), 'standard'));
    engine.compile(source(0), 'launch');
    // 0 twice and 1: full, so 2 evicts one of them
    expect(engine.compile(source(1), 'standard')).toBe(standard[1]);
    engine.compile(source(2), 'standard');
    const kept = [engine.compile(source(0), 'standard') === standard[0], engine.compile(source(1), 'standard') === standard[1]];
    expect(kept).toContain(false);
  });
});

// The densest shapes found, and common ones: what a cached condition really keeps, per source
// character, stays under the estimate the byte bound uses.
const SHAPES: Record<string, (i: number, n: number) => string> = {
  'x,x statements': (i, n) => `x = ${i}\n` + 'x,x\n'.repeat(n / 4),
  'bare names': (i, n) => `x = ${i}\n` + 'x\n'.repeat(n / 2),
  'or chain of in tests': (i, n) => `return "k${i}" in text` + Array.from({ length: n / 20 }, (_, j) => ` or "w${j}" in text`).join(''),
  'if blocks': (i, n) => `y = ${i}\n` + Array.from({ length: n / 30 }, (_, j) => `if log['T'] == ${j}:\n    y += 1\n`).join('') + 'return y',
  'list of empty lists': (i, n) => `return [${i}` + ',[]'.repeat(n / 3) + ']',
  'f-strings': (i, n) => `x = ${i}\n` + 'f"{x}"\n'.repeat(n / 7),
  'one-liners': (i) => `return "Waiting ${i}" in text`,
};

describe('the estimate of what a compiled condition keeps', () => {
  it.each(Object.entries(SHAPES))('holds for %s', (_, make) => {
    const engine = new Engine({ cacheSize: 100_000, cacheBytes: 2 ** 30 });
    // 20 sources of 16,000 characters (the densest shapes stay under the 20,000 syntax-tree nodes a condition may have), or 2,000 one-liners
    const [count, size] = make(0, 100).length > 60 ? [20, 16_000] : [2000, 0];
    const sources = Array.from({ length: count }, (_, i) => make(i, size));
    // what the process pays once (the compiler's code as V8 optimizes it, tables built at first use) is no condition's:
    // a throwaway compile of the same shape pays it before the count (the first shape paid it, ~80 KB over a 0.1% margin)
    expect(new Engine().compile(make(count, size), 'standard')).toHaveProperty('run');
    const before = liveHeap();
    for (const s of sources) expect(engine.compile(s, 'standard')).toHaveProperty('run');
    const kept = liveHeap() - before;
    const estimate = sources.reduce((sum, s) => sum + retainedBytes(s), 0);
    expect(kept).toBeLessThan(estimate);
    // and is not far above it for the densest shape, so the bound is not loose without need
    if (make === SHAPES['x,x statements']) expect(kept / sources.reduce((n, s) => n + s.length, 0)).toBeGreaterThan(BYTES_PER_CHAR / 2);
  });
});
