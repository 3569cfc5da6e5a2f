import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BINARY, commandFor } from './support/server.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

/** The single executable, run as a binary: alone in an empty folder, with an empty environment. */
describe.runIf(existsSync(BINARY))('build/evaluator', () => {
  const run = (args: string[], env: Record<string, string> = {}) => {
    const cmd = commandFor('binary', args);
    const extra = Object.entries(env).map(([k, v]) => `${k}=${v}`);
    // commandFor gives ['env', '-i', 'HOME=dir', binary, ...args]: put the extra variables after HOME
    const argv = [...cmd.args.slice(0, 2), ...extra, ...cmd.args.slice(2)];
    return spawnSync(cmd.command, argv, { encoding: 'utf8', timeout: 15_000 });
  };

  it('holds node itself: no node on PATH, no node_modules beside it', () => {
    expect(statSync(BINARY).size).toBeGreaterThan(50 * 2 ** 20);
    const r = run(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`evaluator ${version}\n`);
  });

  it('prints its options with --help, and refuses an unknown option with status 2', () => {
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--port N .*default 8080/);
    expect(help.stdout).toMatch(/--workers N/);
    const bad = run(['--bogus']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe("evaluator: unknown option '--bogus' (see --help)\n");
    const badValue = run(['--port', 'abc']);
    expect(badValue.status).toBe(2);
    expect(badValue.stderr).toBe("evaluator: --port must be a whole number, not 'abc'\n");
  });

  it('unpacks its addon once into a private, content-addressed cache, safely when several start at once', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'evaluator-cache-'));
    const starts = Array.from({ length: 4 }, () => {
      const cmd = commandFor('binary', ['--port', '0', '--host', '127.0.0.1', '--workers', '2']);
      const child = spawn(cmd.command, [...cmd.args.slice(0, 2), `XDG_CACHE_HOME=${cache}`, ...cmd.args.slice(2)], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout!.on('data', (d) => (out += d));
      child.stderr!.on('data', (d) => (out += d));
      return new Promise<string>((resolve) => {
        const timer = setInterval(() => {
          if (/listening on/.test(out) || child.exitCode !== null) {
            clearInterval(timer);
            child.kill('SIGTERM');
            child.once('exit', () => resolve(out));
            if (child.exitCode !== null) resolve(out);
          }
        }, 20);
      });
    });
    const outputs = await Promise.all(starts);
    for (const out of outputs) expect(out).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+ with 2 workers/);
    const dir = join(cache, 'evaluator');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^uws-[0-9a-f]{32}\.node$/);
  });

  it('says clearly when no writable place exists for its addon', () => {
    const r = run(['--port', '0', '--workers', '1'], { XDG_CACHE_HOME: '/dev/null/a', HOME: '/dev/null/b', TMPDIR: '/dev/null/c' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `evaluator: cannot unpack the embedded uWebSockets.js addon: no writable private folder among /dev/null/a/evaluator, /dev/null/b/.cache/evaluator, /dev/null/c/evaluator-${process.getuid!()} (set XDG_CACHE_HOME to one)\n`,
    );
  });
});
