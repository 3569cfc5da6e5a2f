import { checkSize } from '../budget.js';
import { asciiLower, lower } from './case.js';
import { Op, type Program } from './compile.js';
import { MAXREPEAT } from './tree.js';
import { at, count, CTX_ITEMS, markDiscard, markPop, markPush, one, State, type Ctx, type Repeat } from './state.js';

// _sre's matcher (Modules/_sre/sre_lib.h, SRE(match) and SRE(search)) over code points:
// the same opcodes, marks, repeat contexts and backtracking, with its C gotos as labels.
// Like sre's, it keeps its own stack of contexts instead of recursing, so neither a long
// subject nor a deep pattern reaches the JS stack's end. Every opcode run, character
// counted and mark saved is charged to the run's budget, and the stacks are bounded.

// where a child context returns to (sre_lib.h's JUMP_*), and labels within one context
const enum J {
  NONE, MAX_UNTIL_1, MAX_UNTIL_2, MAX_UNTIL_3, MIN_UNTIL_1, MIN_UNTIL_2, MIN_UNTIL_3, REPEAT, REPEAT_ONE_1, REPEAT_ONE_2,
  MIN_REPEAT_ONE, BRANCH, ASSERT, ASSERT_NOT, POSS_REPEAT_1, POSS_REPEAT_2, ATOMIC_GROUP,
  L_BRANCH_NEXT, L_REPEAT_ONE_1, L_REPEAT_ONE_2, L_MIN_REPEAT_ONE, L_MAX_UNTIL_TAIL, L_POSS_MIN, L_POSS_LOOP, L_POSS_TAIL,
}

/** SRE(match): whether the program matches at st.ptr; st.ptr is then where the match ends. */
export function match(prog: Program, st: State, toplevel: boolean): boolean {
  const code = prog.code;
  const s = st.s;
  const end = st.end;
  // the context running: one object, whose fields the stack saves and restores (state.ts's CtxStack)
  const stack = st.stack;
  stack.length = 0;
  const ctx: Ctx = { count: 0, rep: null, chr: 0, lastmark: -1, lastindex: -1, pc: 0, ptr: 0, toplevel, jump: J.NONE };
  const newCtx = (top: boolean, jump: number): void => {
    ctx.count = 0;
    ctx.rep = null;
    ctx.chr = 0;
    ctx.lastmark = ctx.lastindex = -1;
    ctx.pc = ctx.ptr = 0;
    ctx.toplevel = top;
    ctx.jump = jump;
  };
  let pc = 0;
  let ptr = st.ptr;
  let ret = false;
  let exiting = false;
  let resume: J = J.NONE;
  st.charge(8);

  const lastmarkSave = () => {
    ctx.lastmark = st.lastmark;
    ctx.lastindex = st.lastindex;
  };
  const lastmarkRestore = () => {
    st.lastmark = ctx.lastmark;
    st.lastindex = ctx.lastindex;
  };
  /** DO_JUMP: run the code at next in a child context, then come back to `jump`. */
  const jumpTo = (jump: J, next: number, top: boolean) => {
    ctx.pc = pc;
    ctx.ptr = ptr;
    st.charge(2);
    stack.push(ctx);
    checkSize(stack.length * CTX_ITEMS + st.data.length);
    newCtx(top, jump);
    pc = next;
    ptr = st.ptr;
  };
  const fail = () => {
    ret = false;
    exiting = true;
  };
  const succeed = () => {
    ret = true;
    exiting = true;
  };

  for (;;) {
    if (exiting) {
      exiting = false;
      const jump = ctx.jump;
      if (stack.length === 0) return ret;
      stack.pop(ctx);
      pc = ctx.pc;
      ptr = ctx.ptr;
      resume = jump;
    }
    st.charge(1);
    if (resume !== J.NONE) {
      const j: J = resume;
      resume = J.NONE;
      switch (j) {
        case J.BRANCH:
          if (ret) {
            if (st.repeat) markDiscard(st, ctx.lastmark);
            succeed();
            continue;
          }
          if (st.repeat) markPop(st, ctx.lastmark, false);
          lastmarkRestore();
          pc += code[pc];
          resume = J.L_BRANCH_NEXT;
          continue;
        case J.L_BRANCH_NEXT:
          if (code[pc] !== 0) {
            st.ptr = ptr;
            jumpTo(J.BRANCH, pc + 1, ctx.toplevel);
            continue;
          }
          if (st.repeat) markDiscard(st, ctx.lastmark);
          fail();
          continue;
        case J.REPEAT_ONE_1:
        case J.REPEAT_ONE_2:
        case J.MIN_REPEAT_ONE:
          if (ret) {
            if (st.repeat) markDiscard(st, ctx.lastmark);
            succeed();
            continue;
          }
          if (st.repeat) markPop(st, ctx.lastmark, false);
          lastmarkRestore();
          if (j === J.MIN_REPEAT_ONE) {
            st.ptr = ptr;
            if (count(prog, st, pc + 3, 1) === 0) {
              if (st.repeat) markDiscard(st, ctx.lastmark);
              fail();
              continue;
            }
            ptr++;
            ctx.count++;
            resume = J.L_MIN_REPEAT_ONE;
            continue;
          }
          ptr--;
          ctx.count--;
          resume = j === J.REPEAT_ONE_1 ? J.L_REPEAT_ONE_1 : J.L_REPEAT_ONE_2;
          continue;
        case J.L_REPEAT_ONE_1: {
          const min = code[pc + 1];
          let moved = 0;
          while (ctx.count >= min && (ptr >= end || s[ptr] !== ctx.chr)) {
            ptr--;
            ctx.count--;
            moved++;
          }
          st.charge(moved >> 3);
          if (ctx.count < min) {
            if (st.repeat) markDiscard(st, ctx.lastmark);
            fail();
            continue;
          }
          st.ptr = ptr;
          jumpTo(J.REPEAT_ONE_1, pc + code[pc], ctx.toplevel);
          continue;
        }
        case J.L_REPEAT_ONE_2:
          if (ctx.count >= code[pc + 1]) {
            st.ptr = ptr;
            jumpTo(J.REPEAT_ONE_2, pc + code[pc], ctx.toplevel);
            continue;
          }
          if (st.repeat) markDiscard(st, ctx.lastmark);
          fail();
          continue;
        case J.L_MIN_REPEAT_ONE:
          if (code[pc + 2] === MAXREPEAT || ctx.count <= code[pc + 2]) {
            st.ptr = ptr;
            jumpTo(J.MIN_REPEAT_ONE, pc + code[pc], ctx.toplevel);
            continue;
          }
          if (st.repeat) markDiscard(st, ctx.lastmark);
          fail();
          continue;
        case J.REPEAT:
          st.repeat = ctx.rep!.prev;
          if (ret) succeed();
          else fail();
          continue;
        case J.MAX_UNTIL_1:
        case J.MIN_UNTIL_1:
          if (ret) {
            succeed();
            continue;
          }
          ctx.rep!.count = ctx.count - 1;
          st.ptr = ptr;
          fail();
          continue;
        case J.MAX_UNTIL_2: {
          const rep = ctx.rep!;
          rep.lastPtr = st.data.pop()!;
          if (ret) {
            markDiscard(st, ctx.lastmark);
            succeed();
            continue;
          }
          markPop(st, ctx.lastmark);
          lastmarkRestore();
          rep.count = ctx.count - 1;
          st.ptr = ptr;
          resume = J.L_MAX_UNTIL_TAIL;
          continue;
        }
        case J.L_MAX_UNTIL_TAIL:
          st.repeat = ctx.rep!.prev;
          jumpTo(J.MAX_UNTIL_3, pc, ctx.toplevel);
          continue;
        case J.MAX_UNTIL_3:
          st.repeat = ctx.rep;
          if (ret) {
            succeed();
            continue;
          }
          st.ptr = ptr;
          fail();
          continue;
        case J.MIN_UNTIL_2: {
          const rep = ctx.rep!;
          const repeatOfTail = st.repeat;
          st.repeat = rep;
          if (ret) {
            if (repeatOfTail) markDiscard(st, ctx.lastmark);
            succeed();
            continue;
          }
          if (repeatOfTail) markPop(st, ctx.lastmark);
          lastmarkRestore();
          st.ptr = ptr;
          const max = code[rep.pc + 2];
          if ((ctx.count >= max && max !== MAXREPEAT) || st.ptr === rep.lastPtr) {
            fail();
            continue;
          }
          rep.count = ctx.count;
          st.data.push(rep.lastPtr);
          rep.lastPtr = st.ptr;
          jumpTo(J.MIN_UNTIL_3, rep.pc + 3, ctx.toplevel);
          continue;
        }
        case J.MIN_UNTIL_3:
          ctx.rep!.lastPtr = st.data.pop()!;
          if (ret) {
            succeed();
            continue;
          }
          ctx.rep!.count = ctx.count - 1;
          st.ptr = ptr;
          fail();
          continue;
        case J.POSS_REPEAT_1:
          if (!ret) {
            st.ptr = ptr;
            fail();
            continue;
          }
          ctx.count++;
          resume = J.L_POSS_MIN;
          continue;
        case J.L_POSS_MIN:
          if (ctx.count < code[pc + 1]) {
            jumpTo(J.POSS_REPEAT_1, pc + 3, false);
            continue;
          }
          ptr = -1;
          resume = J.L_POSS_LOOP;
          continue;
        case J.POSS_REPEAT_2:
          if (ret) {
            markDiscard(st, ctx.lastmark);
            ctx.count++;
            resume = J.L_POSS_LOOP;
            continue;
          }
          markPop(st, ctx.lastmark);
          lastmarkRestore();
          st.ptr = ptr;
          resume = J.L_POSS_TAIL;
          continue;
        case J.L_POSS_LOOP:
          if ((ctx.count < code[pc + 2] || code[pc + 2] === MAXREPEAT) && st.ptr !== ptr) {
            lastmarkSave();
            markPush(st, ctx.lastmark);
            ptr = st.ptr;
            jumpTo(J.POSS_REPEAT_2, pc + 3, false);
            continue;
          }
          resume = J.L_POSS_TAIL;
          continue;
        case J.L_POSS_TAIL:
          pc += code[pc] + 1;
          ptr = st.ptr;
          continue;
        case J.ATOMIC_GROUP:
          if (!ret) {
            st.ptr = ptr;
            fail();
            continue;
          }
          pc += code[pc];
          ptr = st.ptr;
          continue;
        case J.ASSERT:
          if (!ret) {
            fail();
            continue;
          }
          pc += code[pc];
          continue;
        case J.ASSERT_NOT:
          if (ret) {
            if (st.repeat) markDiscard(st, ctx.lastmark);
            fail();
            continue;
          }
          if (st.repeat) markPop(st, ctx.lastmark);
          lastmarkRestore();
          pc += code[pc];
          continue;
      }
      continue;
    }

    const op = code[pc++];
    switch (op) {
      case Op.MARK: {
        const i = code[pc];
        if (i & 1) st.lastindex = (i >> 1) + 1;
        if (i > st.lastmark) {
          for (let j = st.lastmark + 1; j < i; j++) st.mark[j] = -1;
          st.lastmark = i;
        }
        st.mark[i] = ptr;
        pc++;
        continue;
      }
      case Op.LITERAL:
      case Op.NOT_LITERAL:
      case Op.LITERAL_IGNORE:
      case Op.NOT_LITERAL_IGNORE:
      case Op.LITERAL_UNI_IGNORE:
      case Op.NOT_LITERAL_UNI_IGNORE:
        if (ptr >= end || !one(prog, pc - 1, s[ptr])) fail();
        pc++;
        ptr++;
        continue;
      case Op.IN:
      case Op.IN_IGNORE:
      case Op.IN_UNI_IGNORE:
        if (ptr >= end || !one(prog, pc - 1, s[ptr])) fail();
        pc += code[pc];
        ptr++;
        continue;
      case Op.ANY:
      case Op.ANY_ALL:
        if (ptr >= end || !one(prog, pc - 1, s[ptr])) fail();
        ptr++;
        continue;
      case Op.SUCCESS:
        if (ctx.toplevel && ((st.matchAll && ptr !== end) || (st.mustAdvance && ptr === st.start))) {
          fail();
          continue;
        }
        st.ptr = ptr;
        succeed();
        continue;
      case Op.FAILURE:
        fail();
        continue;
      case Op.AT:
        if (!at(st, ptr, code[pc])) fail();
        pc++;
        continue;
      case Op.JUMP:
        pc += code[pc];
        continue;
      case Op.BRANCH:
        lastmarkSave();
        if (st.repeat) markPush(st, ctx.lastmark);
        resume = J.L_BRANCH_NEXT;
        continue;
      case Op.REPEAT_ONE:
      case Op.POSSESSIVE_REPEAT_ONE: {
        const min = code[pc + 1];
        if (min > end - ptr) {
          fail();
          continue;
        }
        st.ptr = ptr;
        ctx.count = count(prog, st, pc + 3, code[pc + 2]);
        ptr += ctx.count;
        if (ctx.count < min) {
          fail();
          continue;
        }
        const tail = pc + code[pc];
        if (code[tail] === Op.SUCCESS && ptr === end && !(ctx.toplevel && st.mustAdvance && ptr === st.start)) {
          st.ptr = ptr;
          succeed();
          continue;
        }
        if (op === Op.POSSESSIVE_REPEAT_ONE) {
          pc = tail;
          continue;
        }
        lastmarkSave();
        if (st.repeat) markPush(st, ctx.lastmark);
        if (code[tail] === Op.LITERAL) {
          ctx.chr = code[tail + 1];
          resume = J.L_REPEAT_ONE_1;
        } else resume = J.L_REPEAT_ONE_2;
        continue;
      }
      case Op.MIN_REPEAT_ONE: {
        const min = code[pc + 1];
        if (min > end - ptr) {
          fail();
          continue;
        }
        st.ptr = ptr;
        if (min === 0) ctx.count = 0;
        else {
          const n = count(prog, st, pc + 3, min);
          if (n < min) {
            fail();
            continue;
          }
          ctx.count = n;
          ptr += n;
        }
        if (code[pc + code[pc]] === Op.SUCCESS && !(ctx.toplevel && ((st.matchAll && ptr !== end) || (st.mustAdvance && ptr === st.start)))) {
          st.ptr = ptr;
          succeed();
          continue;
        }
        lastmarkSave();
        if (st.repeat) markPush(st, ctx.lastmark);
        resume = J.L_MIN_REPEAT_ONE;
        continue;
      }
      case Op.REPEAT: {
        const rep: Repeat = { count: -1, pc, prev: st.repeat, lastPtr: -1 };
        ctx.rep = rep;
        st.repeat = rep;
        st.ptr = ptr;
        jumpTo(J.REPEAT, pc + code[pc], ctx.toplevel);
        continue;
      }
      case Op.MAX_UNTIL:
      case Op.MIN_UNTIL: {
        const rep = st.repeat!;
        ctx.rep = rep;
        st.ptr = ptr;
        ctx.count = rep.count + 1;
        const min = code[rep.pc + 1];
        const max = code[rep.pc + 2];
        if (ctx.count < min) {
          rep.count = ctx.count;
          jumpTo(op === Op.MAX_UNTIL ? J.MAX_UNTIL_1 : J.MIN_UNTIL_1, rep.pc + 3, ctx.toplevel);
          continue;
        }
        if (op === Op.MIN_UNTIL) {
          st.repeat = rep.prev;
          lastmarkSave();
          if (st.repeat) markPush(st, ctx.lastmark);
          jumpTo(J.MIN_UNTIL_2, pc, ctx.toplevel);
          continue;
        }
        if ((ctx.count < max || max === MAXREPEAT) && st.ptr !== rep.lastPtr) {
          rep.count = ctx.count;
          lastmarkSave();
          markPush(st, ctx.lastmark);
          st.data.push(rep.lastPtr);
          rep.lastPtr = st.ptr;
          jumpTo(J.MAX_UNTIL_2, rep.pc + 3, ctx.toplevel);
          continue;
        }
        resume = J.L_MAX_UNTIL_TAIL;
        continue;
      }
      case Op.POSSESSIVE_REPEAT:
        st.ptr = ptr;
        ctx.count = 0;
        resume = J.L_POSS_MIN;
        continue;
      case Op.ATOMIC_GROUP:
        st.ptr = ptr;
        jumpTo(J.ATOMIC_GROUP, pc + 1, false);
        continue;
      case Op.GROUPREF:
      case Op.GROUPREF_IGNORE:
      case Op.GROUPREF_UNI_IGNORE: {
        const g = code[pc] * 2;
        if (g >= st.lastmark) {
          fail();
          continue;
        }
        let p = st.mark[g];
        const e = st.mark[g + 1];
        if (p < 0 || e < 0 || e < p) {
          fail();
          continue;
        }
        const fold = op === Op.GROUPREF ? null : op === Op.GROUPREF_IGNORE ? asciiLower : lower;
        st.charge((e - p) >> 3);
        let ok = true;
        for (; p < e; p++, ptr++) {
          if (ptr >= end || (fold === null ? s[ptr] !== s[p] : fold(s[ptr]) !== fold(s[p]))) {
            ok = false;
            break;
          }
        }
        if (!ok) fail();
        pc++;
        continue;
      }
      case Op.GROUPREF_EXISTS: {
        const g = code[pc] * 2;
        if (g >= st.lastmark || st.mark[g] < 0 || st.mark[g + 1] < 0 || st.mark[g + 1] < st.mark[g]) pc += code[pc + 1];
        else pc += 2;
        continue;
      }
      case Op.ASSERT:
        if (ptr < code[pc + 1]) {
          fail();
          continue;
        }
        st.ptr = ptr - code[pc + 1];
        jumpTo(J.ASSERT, pc + 2, false);
        continue;
      case Op.ASSERT_NOT:
        if (ptr >= code[pc + 1]) {
          st.ptr = ptr - code[pc + 1];
          lastmarkSave();
          if (st.repeat) markPush(st, ctx.lastmark);
          jumpTo(J.ASSERT_NOT, pc + 2, false);
          continue;
        }
        pc += code[pc];
        continue;
    }
    throw new Error(`internal: unknown opcode ${op}`);
  }
}

/** SRE(search): the first match at or after st.start; st.start and st.ptr then span it. */
export function search(prog: Program, st: State): boolean {
  let ptr = st.start;
  if (ptr > st.end) return false;
  // the INFO block: a match needs at least min characters, so none starts fewer than min from the end
  if (prog.min > st.end - ptr) return false;
  const last = Math.max(ptr, st.end - Math.max(prog.min - 1, 0));
  st.ptr = ptr;
  let found = match(prog, st, true);
  st.mustAdvance = false;
  while (!found && ptr < last) {
    ptr++;
    st.reset();
    st.start = st.ptr = ptr;
    found = match(prog, st, false);
  }
  return found;
}
