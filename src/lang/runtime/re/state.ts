import { checkSize, step } from '../budget.js';
import { asciiLower, lower } from './case.js';
import { asciiWord, uniWord } from './categories.js';
import { inSet } from './charset.js';
import { AtCode, Op, type Program } from './compile.js';
import { MAXREPEAT } from './tree.js';

// The matcher's state (sre's SRE_STATE: marks, repeats, the saved data stack) and the
// single-character tests and mark moves match.ts's opcodes use (sre_lib.h's helpers).

/**
 * Units of work per step of the budget (a step is about 0.5 µs, as in the rest of the cost
 * model). An opcode is a unit, a child context three, an attempt at a position nine, a
 * character scanned by a repeat a quarter; one compared by a backreference or a mark saved,
 * an eighth. Measured on the development machine: 180-500 ns a step on catastrophic patterns.
 */
export const UNITS_PER_STEP = 4;
/** A context counts for this many items of the size limit; a saved mark or pointer for one. */
export const CTX_ITEMS = 8;

export interface Repeat {
  count: number;
  /** Where its <skip> <min> <max> body start. */
  pc: number;
  prev: Repeat | null;
  lastPtr: number;
}

export interface Ctx {
  count: number;
  rep: Repeat | null;
  chr: number;
  lastmark: number;
  lastindex: number;
  pc: number;
  ptr: number;
  toplevel: boolean;
  jump: number;
}

/** The fields of a saved context, in this order, a slot of CtxStack's Int32Array each. */
const FIELDS = 8;
const EMPTY = new Int32Array(0);

/**
 * The matcher's stack of saved contexts (sre's data stack of SRE(match_context)s), field by
 * field in one Int32Array, and their repeats beside it: a search on a long subject keeps
 * some 125,000 of them, which as objects the garbage collector walked at every collection
 * (searches of 50-70 ms with outliers of 350 ms, for the same steps).
 */
export class CtxStack {
  length = 0;
  // made at the first push: most searches never save a context
  private slots = EMPTY;
  private reps: (Repeat | null)[] = [];

  push(c: Ctx): void {
    const at = this.length * FIELDS;
    if (at + FIELDS > this.slots.length) {
      // two contexts at first, 64 bytes, which V8 keeps on its heap: a larger typed array has a
      // buffer of its own, allocated and freed outside it, and a walk of many short matches
      // makes a state, and so a stack, for each (450,000 buffers of 2 KB took 60% of a
      // safe_substitute's time, collecting them included)
      const grown = new Int32Array(Math.max(FIELDS * 2, this.slots.length * 2));
      grown.set(this.slots);
      this.slots = grown;
    }
    const f = this.slots;
    f[at] = c.count;
    f[at + 1] = c.chr;
    f[at + 2] = c.lastmark;
    f[at + 3] = c.lastindex;
    f[at + 4] = c.pc;
    f[at + 5] = c.ptr;
    f[at + 6] = c.toplevel ? 1 : 0;
    f[at + 7] = c.jump;
    this.reps[this.length++] = c.rep;
  }

  /** The context on top, copied into `into`, and taken off. */
  pop(into: Ctx): void {
    const at = --this.length * FIELDS;
    const f = this.slots;
    into.count = f[at];
    into.chr = f[at + 1];
    into.lastmark = f[at + 2];
    into.lastindex = f[at + 3];
    into.pc = f[at + 4];
    into.ptr = f[at + 5];
    into.toplevel = f[at + 6] === 1;
    into.jump = f[at + 7];
    into.rep = this.reps[this.length];
    this.reps[this.length] = null;
  }
}

export class State {
  mark: number[] = [];
  lastmark = -1;
  lastindex = -1;
  repeat: Repeat | null = null;
  ptr = 0;
  start = 0;
  mustAdvance = false;
  matchAll = false;
  data: number[] = [];
  /** The contexts match() has saved: one stack for every match() of the state, empty between them. */
  readonly stack = new CtxStack();
  ops = 0;
  constructor(readonly s: Int32Array, readonly end: number) {}

  reset(): void {
    this.lastmark = this.lastindex = -1;
  }

  /** Charges n opcodes or characters: a step per OPS_PER_STEP. */
  charge(n: number): void {
    const before = this.ops;
    this.ops += n;
    for (let k = Math.floor(this.ops / UNITS_PER_STEP) - Math.floor(before / UNITS_PER_STEP); k > 0; k--) step();
  }
}

export function at(st: State, ptr: number, code: number): boolean {
  const s = st.s;
  const end = st.end;
  switch (code) {
    case AtCode.BEGINNING:
    case AtCode.BEGINNING_STRING:
      return ptr === 0;
    case AtCode.BEGINNING_LINE:
      return ptr === 0 || s[ptr - 1] === 10;
    case AtCode.END:
      return (end - ptr === 1 && s[ptr] === 10) || ptr === end;
    case AtCode.END_LINE:
      return ptr === end || s[ptr] === 10;
    case AtCode.END_STRING:
      return ptr === end;
  }
  if (end === 0) return false;
  const word = code === AtCode.UNI_BOUNDARY || code === AtCode.UNI_NON_BOUNDARY ? uniWord : asciiWord;
  const that = ptr > 0 ? word(s[ptr - 1]) : false;
  const thisp = ptr < end ? word(s[ptr]) : false;
  return code === AtCode.BOUNDARY || code === AtCode.UNI_BOUNDARY ? thisp !== that : thisp === that;
}

/** Whether the one-character opcode at pc takes ch. */
export function one(prog: Program, pc: number, ch: number): boolean {
  const code = prog.code;
  switch (code[pc]) {
    case Op.ANY:
      return ch !== 10;
    case Op.ANY_ALL:
      return true;
    case Op.LITERAL:
      return ch === code[pc + 1];
    case Op.NOT_LITERAL:
      return ch !== code[pc + 1];
    case Op.LITERAL_IGNORE:
      return asciiLower(ch) === code[pc + 1];
    case Op.NOT_LITERAL_IGNORE:
      return asciiLower(ch) !== code[pc + 1];
    case Op.LITERAL_UNI_IGNORE:
      return lower(ch) === code[pc + 1];
    case Op.NOT_LITERAL_UNI_IGNORE:
      return lower(ch) !== code[pc + 1];
    case Op.IN:
      return inSet(prog.sets[code[pc + 2]], ch);
    case Op.IN_IGNORE:
      return inSet(prog.sets[code[pc + 2]], asciiLower(ch));
    case Op.IN_UNI_IGNORE:
      return inSet(prog.sets[code[pc + 2]], lower(ch));
  }
  return false;
}

/** SRE(count): how many times (up to max) the one-character item at pc matches from st.ptr. */
export function count(prog: Program, st: State, pc: number, max: number): number {
  const from = st.ptr;
  let end = st.end;
  if (max < end - from && max !== MAXREPEAT) end = from + max;
  let p = from;
  if (prog.code[pc] === Op.ANY_ALL) p = end;
  else while (p < end && one(prog, pc, st.s[p])) p++;
  st.charge(((p - from) >> 2) + 1);
  return p - from;
}

export function markPush(st: State, lastmark: number): void {
  if (lastmark < 0) return;
  st.charge((lastmark >> 3) + 1);
  checkSize(st.data.length + lastmark + 1);
  for (let i = 0; i <= lastmark; i++) st.data.push(st.mark[i]);
}

export function markPop(st: State, lastmark: number, discard = true): void {
  if (lastmark < 0) return;
  const base = st.data.length - (lastmark + 1);
  for (let i = 0; i <= lastmark; i++) st.mark[i] = st.data[base + i];
  if (discard) st.data.length = base;
}

export function markDiscard(st: State, lastmark: number): void {
  if (lastmark >= 0) st.data.length -= lastmark + 1;
}
