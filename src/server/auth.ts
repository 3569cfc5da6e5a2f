import { createHash, timingSafeEqual } from 'node:crypto';
import { readTokens } from '../cli/options.js';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/**
 * --auth-token-file: a request needs `Authorization: Bearer <token>` with one of the file's
 * tokens. Tokens are compared as SHA-256 digests with timingSafeEqual, every token each
 * time: the time taken says nothing of how much of a guess was right, nor of its length.
 */
export class BearerAuth {
  private readonly digests: Buffer[];
  constructor(
    tokens: string[],
    /** GET routes answered without a token (--auth-exempt). */
    readonly exempt: ReadonlySet<string>,
  ) {
    this.digests = tokens.map(digest);
  }

  /** Read when a worker starts, so that a SIGHUP puts a changed file in force. */
  static fromFile(file: string, exempt: string[]): BearerAuth {
    return new BearerAuth(readTokens(file), new Set(exempt));
  }

  allows(header: string): boolean {
    const m = BEARER.exec(header);
    if (m === null) return false;
    const given = digest(m[1]);
    let ok = false;
    for (const d of this.digests) ok = timingSafeEqual(given, d) || ok;
    return ok;
  }
}
