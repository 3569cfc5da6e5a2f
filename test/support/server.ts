import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BUNDLE = join(ROOT, 'dist/evaluator.cjs');
export const BINARY = join(ROOT, 'build/evaluator');

/** What the tests run: the bundle under node, or the single executable, copied alone and started with an empty environment. */
export type Target = 'bundle' | 'binary';

/** The targets present: the binary only once `npm run build` has made it (CI builds it first). */
export function targets(): Target[] {
  return existsSync(BINARY) ? ['bundle', 'binary'] : ['bundle'];
}

export interface Server {
  url: string;
  port: number;
  process: ChildProcess;
  output: () => string;
  /** What it wrote to stderr alone: its log. */
  errors: () => string;
  /** The worker processes' pids, read from /proc. */
  workers: () => number[];
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

export function commandFor(target: Target, args: string[]): { command: string; args: string[]; env: NodeJS.ProcessEnv } {
  if (target === 'bundle') return { command: process.execPath, args: [BUNDLE, ...args], env: { PATH: process.env.PATH } };
  // the executable alone in a folder of its own, with no environment and no node on PATH
  const dir = binaryFolder();
  return { command: 'env', args: ['-i', `HOME=${dir}`, join(dir, 'evaluator'), ...args], env: {} };
}

/**
 * The folder holding one copy of the executable (103 MiB) for the whole run: made by the
 * global setup, which removes it at the end (a copy per server start once filled the disk:
 * 756 of them, 78 GiB).
 */
function binaryFolder(): string {
  const dir = process.env.EVALUATOR_TEST_BINARY_DIR;
  if (dir === undefined) throw new Error('no EVALUATOR_TEST_BINARY_DIR: the global setup makes it');
  return dir;
}

/** The global setup's: a folder with the executable alone in it, and how to remove it. */
export function makeBinaryFolder(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'evaluator-bin-'));
  if (existsSync(BINARY)) {
    copyFileSync(BINARY, join(dir, 'evaluator'));
    chmodSync(join(dir, 'evaluator'), 0o755);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Starts the real multi-process server on a free port and waits until every worker listens. */
export async function startServer(target: Target = 'bundle', args: string[] = []): Promise<Server> {
  const cmd = commandFor(target, ['--port', '0', '--host', '127.0.0.1', '--workers', '2', ...args]);
  const child = spawn(cmd.command, cmd.args, { env: cmd.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => {
    out += d;
    err += d;
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 20_000);
    const onData = () => {
      const m = /listening on https?:\/\/[^:]+:(\d+)/.exec(out);
      if (m !== null) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${out}`));
    });
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // under `env -i`, env execs the evaluator in place: the same pid
  const pid = child.pid!;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    process: child,
    output: () => out,
    errors: () => err,
    workers: () => childrenOf(pid),
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** The live child processes of pid, from /proc/N/stat (field 4 is the parent). */
export function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === pid && fields[0] !== 'Z') out.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return out.sort((a, b) => a - b);
}

export async function post(server: Server, path: string, body: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(server.url + path, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  return { status: res.status, json: await res.json() };
}
