import { expect, it } from 'vitest';
import { ConditionError, Engine } from '../../src/lang/index.js';
import { COMPILE_SHAPES } from '../support/compile-shapes.js';

/**
 * Compiling is linear: 100,000 characters of any shape compile, or are refused, in a few
 * tens of milliseconds (bench/compile-shapes.ts prints them). The bound leaves room for a
 * busy machine, and the best of three compiles is taken; a quadratic shape took seconds.
 */
it.each(COMPILE_SHAPES)('compiles or refuses 100,000 characters of %s in milliseconds', (_, source) => {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const engine = new Engine();
    const started = performance.now();
    engine.compile(source, 'standard');
    best = Math.min(best, performance.now() - started);
  }
  expect(best).toBeLessThan(250);
});

/** Shapes CPython compiles, which a recursion per character once refused as too deeply nested. */
it.each(['many newlines inside brackets', 'many carriage returns', 'many newlines inside an f-string field'])('compiles 100,000 characters of %s', (name) => {
  const source = COMPILE_SHAPES.find(([shape]) => shape === name)![1];
  expect(new Engine().compile(source, 'standard')).not.toBeInstanceOf(ConditionError);
});
