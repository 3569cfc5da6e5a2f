import { compareAnswers, type Answer } from './answers.js';
import type { Payload } from './loadgen.js';

/** A request two targets answered differently, as --mismatches writes it (one JSON line). */
export interface Mismatch {
  scenario: string;
  clients: number;
  reference: string;
  target: string;
  path: string;
  /** The request body, as sent: a line of a --payload file. */
  request: string;
  /** Where the answers first differ. */
  difference: string;
  /** Each target's status and body text, as received (number spellings matter). */
  answers: Record<string, Answer>;
}

const HEAD_END = Buffer.from('\r\n\r\n');
const bodyOf = (p: Payload) => p.bytes.subarray(p.bytes.indexOf(HEAD_END) + 4).toString('utf8');

/**
 * --compare: the first target's answer to each request is the reference; every other
 * target's answers to the same requests (the same payload index of the same corpus) are
 * compared with it. Answers of /eval routes depend only on the request, so an answer
 * from any point of the reference serves.
 */
export class Comparison {
  private readonly references = new Map<string, Map<number, Answer>>();
  readonly mismatches: Mismatch[] = [];
  /** Mismatches found, kept or not. */
  found = 0;

  constructor(
    readonly reference: string,
    private readonly keep: number,
  ) {}

  /** Records a point's first answer to each payload. */
  static recorder(): { answers: Map<number, Answer>; record: (index: number, status: number, body: string) => void } {
    const answers = new Map<number, Answer>();
    return { answers, record: (index, status, body) => void (answers.has(index) || answers.set(index, { status, body })) };
  }

  /**
   * A point's answers: kept when they are the reference's, else compared with them.
   * `key` names the corpus (scenario, endpoint, batch): only answers to the same requests compare.
   */
  settle(key: string, target: string, scenario: string, clients: number, payloads: Payload[], answers: Map<number, Answer>): { compared: number; mismatches: number } | null {
    let reference = this.references.get(key);
    if (target === this.reference) {
      if (reference === undefined) this.references.set(key, (reference = new Map()));
      for (const [i, a] of answers) if (!reference.has(i)) reference.set(i, a);
      return null;
    }
    let compared = 0;
    let mismatches = 0;
    for (const [i, a] of answers) {
      const r = reference?.get(i);
      if (r === undefined) continue;
      compared++;
      const difference = compareAnswers(r, a);
      if (difference === null) continue;
      mismatches++;
      this.found++;
      if (this.mismatches.length < this.keep) {
        const p = payloads[i];
        this.mismatches.push({ scenario, clients, reference: this.reference, target, path: p.path, request: bodyOf(p), difference, answers: { [this.reference]: r, [target]: a } });
      }
    }
    return { compared, mismatches };
  }
}
