import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/**
 * A test of the language that measures time (a wall or CPU clock read, a bound in milliseconds
 * or in typical budgets) or starts a server runs alone, as the server tests do; the others, pure
 * answers in this process, run two at a time. One after another, the 239 files took 30 minutes
 * of CI's 30 on 2 cores. Each file keeps its own module graph (isolate): shared, the answers took
 * half the time, but a test that meets the host's stack at 5,000 levels ran it out, its frames
 * sized by whichever files had run before it in that worker.
 */
const MEASURES_TIME = /startServer|cpuUsage|performance\.now|threadCpuMs|expectCpuWithin|verdict\(|Date\.now|cpuMs|elapsed/;
const LANG = 'test/lang';
const answersOnly = readdirSync(LANG)
  .filter((f) => f.endsWith('.test.ts') && !MEASURES_TIME.test(readFileSync(`${LANG}/${f}`, 'utf8')))
  .map((f) => `${LANG}/${f}`);

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // CI also keeps a JSON report, from which .ci/run prints a plain 'N passed, N failed' line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results.json' }]] : ['default'],
    projects: [
      {
        extends: true,
        test: { name: 'answers', include: answersOnly, fileParallelism: true, maxWorkers: 2, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        // Server tests start real multi-process servers; keep files from competing for the 2 cores.
        test: {
          name: 'alone', include: ['test/**/*.test.ts'], exclude: answersOnly, fileParallelism: false, sequence: { groupOrder: 1 },
          // the bundle and the executable the server tests run, built once
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
    ],
  },
});
