import { describe, expect, it } from 'vitest';
import { Engine, parseJsonValues } from '../../src/lang/index.js';
import { evaluate } from '../../src/service/evaluate.js';
import { oracleAnswers } from '../support/oracle.js';
import { sameAnswer } from '../support/shared.js';

const engine = new Engine();
const body = (trueConditions: unknown[], conditions: unknown[]) =>
  JSON.stringify({ payload: { log: { Text: 'x' }, conditions, context: {}, trueConditions, logProcessingTime: 0, stateTime: 0 } });
const always = (numeration: unknown) => ({ type: 'Standard', numeration, text: 'return True' });
const order = (o: unknown, numeration: unknown = 9) => ({ type: 'Order', numeration, order: o });

/** The evaluator's answer, and the milliseconds evaluate() took (the body parsed before). */
function answer(text: string): { json: any; ms: number } {
  const parsed = parseJsonValues(text);
  const started = performance.now();
  const out = evaluate(engine, parsed);
  return { json: JSON.parse(out), ms: performance.now() - started };
}

describe('Order conditions', () => {
  it('answer as ../shared/oracle/evaluate.py on 1,000 random payloads (seeded)', () => {
    const seed = 20_251_201;
    let state = seed;
    const rnd = (n: number) => {
      state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
      return (state >>> 8) % n;
    };
    // values that are equal in Python across types (1, 1.0, true), and ones that are not ('1', [1], null)
    const values = [0, 1, 1, 2, 2, 1.0, true, false, '1', [1], [1.0], null, { a: 1 }, 1.5];
    const list = (max: number) => Array.from({ length: rnd(max + 1) }, () => values[rnd(values.length)]);
    const lines: string[] = [];
    for (let i = 0; i < 1_000; i++) {
      const conditions: unknown[] = [];
      // up to 10 conditions, half of them Order: after a few searches the rest go to the automaton
      for (let c = rnd(10); c > 0; c--) conditions.push(rnd(2) === 0 ? order(list(3), values[rnd(values.length)]) : always(values[rnd(values.length)]));
      const odd = ['0', { 0: 1 }, '', {}, 5][rnd(12)];
      conditions.push(order(odd === undefined ? list(4) : odd));
      lines.push(body(list(8), conditions));
    }
    const expected = oracleAnswers('eval', lines);
    const wrong = lines.filter((line, i) => !sameAnswer(answer(line).json, expected[i]));
    expect(wrong, `seed ${seed}`).toEqual([]);
  });

  it('checks a 235 KiB body in milliseconds (14.9 s when every start compared a slice)', () => {
    const seen = Array(81_000).fill(0);
    const run = [...Array(39_999).fill(0), 1];
    const missing = body(seen, [order(run)]);
    expect(missing.length).toBeGreaterThan(235 * 1024);
    const miss = answer(missing);
    expect(miss.json).toEqual({ trueConditions: [], context: {} });
    expect(miss.ms).toBeLessThan(1000);
    const hit = answer(body(seen, [always(1), order(run)]));
    expect(hit.json).toEqual({ trueConditions: [1, 9], context: {} });
    expect(hit.ms).toBeLessThan(1000);
  });

  it('checks 2,000 Order conditions against 40,000 trueConditions in milliseconds (3.9 s when each searched them all)', () => {
    // each search reads all 40,001 to fail at the end
    const seen = [1, ...Array(40_000).fill(2)];
    const conditions = Array.from({ length: 2_000 }, (_, i) => order([2, 2, 1], i));
    const text = body(seen, conditions);
    expect(text.length).toBeGreaterThan(150 * 1024);
    const { json, ms } = answer(text);
    expect(json).toEqual({ trueConditions: [], context: {} });
    expect(ms).toBeLessThan(1000);
  });
});
