import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oracleAnswers } from '../support/oracle.js';
import { startServer, targets, type Server } from '../support/server.js';
import { readNdjson, readNdjsonLines, sameAnswer } from '../support/shared.js';

async function replay(server: Server, route: string, lines: string[]): Promise<unknown[]> {
  const answers: unknown[] = new Array(lines.length);
  // 8 at a time, like several detector clients
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < lines.length) {
        const i = next++;
        const res = await fetch(`${server.url}/${route}`, { method: 'POST', body: lines[i] });
        expect(res.status).toBe(200);
        answers[i] = await res.json();
      }
    }),
  );
  return answers;
}

function mismatches(actual: unknown[], expected: unknown[]): string[] {
  return actual.flatMap((a, i) => (sameAnswer(a, expected[i]) ? [] : [`line ${i + 1}: got ${JSON.stringify(a)}, expected ${JSON.stringify(expected[i])}`]));
}

describe.each(targets())('corpora over HTTP (%s)', (target) => {
  let server: Server;
  beforeAll(async () => {
    server = await startServer(target);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it.each(['eval', 'eval-launch'] as const)('answers the differential %s corpus as CPython did', async (route) => {
    const lines = readNdjsonLines(`fixtures/differential/${route}.requests.ndjson`);
    const expected = readNdjson(`fixtures/differential/${route}.expected.ndjson`);
    expect(mismatches(await replay(server, route, lines), expected)).toEqual([]);
  });

  it.each(['eval', 'eval-launch'] as const)("answers the original service's own %s requests as the oracle does", async (route) => {
    const lines = readNdjsonLines(`fixtures/original/${route}.ndjson`);
    expect(lines.length).toBeGreaterThan(50);
    expect(mismatches(await replay(server, route, lines), oracleAnswers(route, lines))).toEqual([]);
  });
});
