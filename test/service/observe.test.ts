import { describe, expect, it } from 'vitest';
import { countError, outcomes } from '../../src/service/observe.js';

describe('condition outcomes', () => {
  it('count errors by class from a refusal line, and keep the classes few', () => {
    outcomes.errors.clear();
    countError('SyntaxError: invalid syntax (line 1, column 1)');
    countError('SyntaxError: expected an indented block (line 2, column 1)');
    expect(outcomes.errors.get('SyntaxError')).toBe(2);
    for (let i = 0; i < 100; i++) countError(`Class${i}: message`);
    expect(outcomes.errors.size).toBe(65);
    expect(outcomes.errors.get('other')).toBe(100 - 63);
    countError('SyntaxError: again');
    expect(outcomes.errors.get('SyntaxError')).toBe(3);
  });
});
