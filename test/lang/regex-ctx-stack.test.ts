/**
 * The own regex engine's saved contexts live in one Int32Array (re/state.ts's CtxStack), not as
 * objects the garbage collector walks: every field must come back as it went in, through the
 * array's growth, with a repeat of its own beside each.
 */
import { expect, it } from 'vitest';
import { CtxStack, type Ctx, type Repeat } from '../../src/lang/runtime/re/state.js';

it('gives back every field of every saved context, in reverse order, across growth', () => {
  const stack = new CtxStack();
  const reps: Repeat[] = [];
  const saved: Ctx[] = [];
  // 10,000 contexts: past the first 64 slots many times over; negative marks, toplevel both ways, a repeat or none
  for (let i = 0; i < 10_000; i++) {
    const rep: Repeat | null = i % 3 === 0 ? null : { count: i, pc: i * 2, prev: reps[reps.length - 1] ?? null, lastPtr: -i };
    if (rep !== null) reps.push(rep);
    const ctx: Ctx = { count: i * 7, rep, chr: 0x10ffff - i, lastmark: (i % 5) - 1, lastindex: -1 - (i % 4), pc: i, ptr: 2 ** 31 - 1 - i, toplevel: i % 2 === 0, jump: i % 25 };
    saved.push({ ...ctx });
    stack.push(ctx);
  }
  expect(stack.length).toBe(10_000);
  const into: Ctx = { count: 0, rep: null, chr: 0, lastmark: 0, lastindex: 0, pc: 0, ptr: 0, toplevel: false, jump: 0 };
  for (let i = saved.length - 1; i >= 0; i--) {
    stack.pop(into);
    expect(into).toEqual(saved[i]);
    // the very repeat, not a copy: match() changes its count and lastPtr through it
    expect(into.rep).toBe(saved[i].rep);
  }
  expect(stack.length).toBe(0);
});
