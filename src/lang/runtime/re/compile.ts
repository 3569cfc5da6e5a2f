import { reError } from '../re-translate.js';
import { asciiIsCased, asciiLower, extraCases, isCased, lower } from './case.js';
import { makeSet, type Case, type CharSet } from './charset.js';
import { FLAG } from './parse.js';
import type { At, Node, Sub } from './tree.js';

// sre_compile's _compile (Lib/re/_compiler.py, 3.11): the tree as the code _sre runs, with
// its opcodes and layout (skips counted from the word after the opcode), so that match.ts
// can follow sre_lib.h step by step. Sets are kept aside and named by their index.

export const enum Op {
  FAILURE, SUCCESS, ANY, ANY_ALL, ASSERT, ASSERT_NOT, AT, BRANCH, IN, IN_IGNORE, IN_UNI_IGNORE, JUMP,
  LITERAL, LITERAL_IGNORE, LITERAL_UNI_IGNORE, NOT_LITERAL, NOT_LITERAL_IGNORE, NOT_LITERAL_UNI_IGNORE,
  MARK, MAX_UNTIL, MIN_UNTIL, REPEAT, REPEAT_ONE, MIN_REPEAT_ONE, POSSESSIVE_REPEAT, POSSESSIVE_REPEAT_ONE,
  ATOMIC_GROUP, GROUPREF, GROUPREF_IGNORE, GROUPREF_UNI_IGNORE, GROUPREF_EXISTS,
}

export const enum AtCode {
  BEGINNING, BEGINNING_LINE, BEGINNING_STRING, END, END_LINE, END_STRING, BOUNDARY, NON_BOUNDARY, UNI_BOUNDARY, UNI_NON_BOUNDARY,
}

export interface Program {
  /** Float64: repeat bounds reach MAXREPEAT, beyond an int32. */
  code: Float64Array;
  sets: CharSet[];
  /** The INFO block's min: the fewest characters a match takes (sre_parse's getwidth). */
  min: number;
}

const AT_CODE: Record<At, AtCode> = {
  BEGINNING: AtCode.BEGINNING, BEGINNING_STRING: AtCode.BEGINNING_STRING, END: AtCode.END, END_STRING: AtCode.END_STRING,
  BOUNDARY: AtCode.BOUNDARY, NON_BOUNDARY: AtCode.NON_BOUNDARY,
};

/** The program of a parsed pattern: its code, then SUCCESS. */
export function compile(p: Sub, flags: number): Program {
  const code: number[] = [];
  const sets: CharSet[] = [];
  emitSub(code, sets, p, flags);
  code.push(Op.SUCCESS);
  return { code: Float64Array.from(code), sets, min: p.getWidth()[0] };
}

const caseOf = (flags: number): Case => (!(flags & FLAG.I) ? 'none' : flags & FLAG.U ? 'unicode' : 'ascii');

/** A repeat's body that is one character wide, run by the *_ONE opcodes. */
function simple(p: Sub): boolean {
  if (p.items.length !== 1) return false;
  const n = p.items[0];
  if (n.op === 'SUBPATTERN') return n.group === null && simple(n.p);
  return n.op === 'LITERAL' || n.op === 'NOT_LITERAL' || n.op === 'ANY' || n.op === 'IN';
}

function combine(flags: number, add: number, del: number): number {
  const TYPE = FLAG.A | FLAG.L | FLAG.U;
  if (add & TYPE) flags &= ~TYPE;
  return (flags | add) & ~del;
}

function emitSub(code: number[], sets: CharSet[], p: Sub, flags: number): void {
  for (const n of p.items) emitNode(code, sets, n, flags);
}

function emitNode(code: number[], sets: CharSet[], n: Node, flags: number): void {
  const kind = caseOf(flags);
  const skipAt = () => code.push(0) - 1;
  const fill = (at: number, extra = 0) => (code[at] = code.length - at + extra);
  switch (n.op) {
    case 'LITERAL':
    case 'NOT_LITERAL': {
      const not = n.op === 'NOT_LITERAL';
      if (kind === 'none' || !(kind === 'unicode' ? isCased : asciiIsCased)(n.c)) {
        code.push(not ? Op.NOT_LITERAL : Op.LITERAL, n.c);
        return;
      }
      const lo = kind === 'unicode' ? lower(n.c) : asciiLower(n.c);
      const extra = kind === 'unicode' ? extraCases(lo) : undefined;
      if (extra === undefined) {
        if (kind === 'unicode') code.push(not ? Op.NOT_LITERAL_UNI_IGNORE : Op.LITERAL_UNI_IGNORE, lo);
        else code.push(not ? Op.NOT_LITERAL_IGNORE : Op.LITERAL_IGNORE, lo);
        return;
      }
      // a letter with extra cases is a set of them, tested on the lowercase
      const items = [...(not ? [{ op: 'NEGATE' as const }] : []), ...[lo, ...extra].map((c) => ({ op: 'LITERAL' as const, c }))];
      const [set] = makeSet(items, 'none', true);
      code.push(Op.IN_UNI_IGNORE, 2, sets.push(set) - 1);
      return;
    }
    case 'IN': {
      const [set, cased] = makeSet(n.items, kind, (flags & FLAG.U) !== 0);
      code.push(!cased ? Op.IN : kind === 'ascii' ? Op.IN_IGNORE : Op.IN_UNI_IGNORE, 2, sets.push(set) - 1);
      return;
    }
    case 'ANY':
      code.push(flags & FLAG.S ? Op.ANY_ALL : Op.ANY);
      return;
    case 'MAX_REPEAT':
    case 'MIN_REPEAT':
    case 'POSSESSIVE_REPEAT': {
      const one = simple(n.p);
      const ops = n.op === 'MAX_REPEAT' ? [Op.REPEAT, Op.MAX_UNTIL, Op.REPEAT_ONE] : n.op === 'MIN_REPEAT' ? [Op.REPEAT, Op.MIN_UNTIL, Op.MIN_REPEAT_ONE] : [Op.POSSESSIVE_REPEAT, Op.SUCCESS, Op.POSSESSIVE_REPEAT_ONE];
      code.push(one ? ops[2] : ops[0]);
      const skip = skipAt();
      code.push(n.min, n.max);
      emitSub(code, sets, n.p, flags);
      if (one) {
        code.push(Op.SUCCESS);
        fill(skip);
      } else {
        fill(skip);
        code.push(ops[1]);
      }
      return;
    }
    case 'SUBPATTERN':
      if (n.group !== null) code.push(Op.MARK, (n.group - 1) * 2);
      emitSub(code, sets, n.p, combine(flags, n.add, n.del));
      if (n.group !== null) code.push(Op.MARK, (n.group - 1) * 2 + 1);
      return;
    case 'ATOMIC_GROUP': {
      code.push(Op.ATOMIC_GROUP);
      const skip = skipAt();
      emitSub(code, sets, n.p, flags);
      code.push(Op.SUCCESS);
      fill(skip);
      return;
    }
    case 'ASSERT':
    case 'ASSERT_NOT': {
      code.push(n.op === 'ASSERT' ? Op.ASSERT : Op.ASSERT_NOT);
      const skip = skipAt();
      if (n.dir > 0) code.push(0);
      else {
        const [lo, hi] = n.p.getWidth();
        if (lo !== hi) reError('look-behind requires fixed-width pattern');
        code.push(lo);
      }
      emitSub(code, sets, n.p, flags);
      code.push(Op.SUCCESS);
      fill(skip);
      return;
    }
    case 'AT': {
      let at = AT_CODE[n.at];
      if (flags & FLAG.M) at = at === AtCode.BEGINNING ? AtCode.BEGINNING_LINE : at === AtCode.END ? AtCode.END_LINE : at;
      if (flags & FLAG.U) at = at === AtCode.BOUNDARY ? AtCode.UNI_BOUNDARY : at === AtCode.NON_BOUNDARY ? AtCode.UNI_NON_BOUNDARY : at;
      code.push(Op.AT, at);
      return;
    }
    case 'BRANCH': {
      code.push(Op.BRANCH);
      const tails: number[] = [];
      for (const alt of n.alts) {
        const skip = skipAt();
        emitSub(code, sets, alt, flags);
        code.push(Op.JUMP);
        tails.push(skipAt());
        fill(skip);
      }
      code.push(Op.FAILURE);
      for (const t of tails) fill(t);
      return;
    }
    case 'GROUPREF':
      code.push(kind === 'none' ? Op.GROUPREF : kind === 'ascii' ? Op.GROUPREF_IGNORE : Op.GROUPREF_UNI_IGNORE, n.g - 1);
      return;
    case 'GROUPREF_EXISTS': {
      code.push(Op.GROUPREF_EXISTS, n.g - 1);
      const skipYes = skipAt();
      emitSub(code, sets, n.yes, flags);
      if (n.no !== null) {
        code.push(Op.JUMP);
        const skipNo = skipAt();
        fill(skipYes, 1);
        emitSub(code, sets, n.no, flags);
        fill(skipNo);
      } else fill(skipYes, 1);
      return;
    }
  }
}
