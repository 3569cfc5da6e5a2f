import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeAsRoot } from '../support/as-root.js';
import { all, envOf, execForm, one, readStages } from '../support/dockerfile.js';
import { childrenOf } from '../support/server.js';

/**
 * deploy/Dockerfile without a Docker engine: the build stage's steps run on the files
 * .dockerignore lets into the context (node_modules standing in for `npm ci`, which needs the
 * network), and the runtime stage's executable runs in a chroot holding only it, the
 * libraries ldd lists, /tmp and /dev/null, as the Dockerfile's USER, with its ENV and
 * ENTRYPOINT; then its HEALTHCHECK runs in there too, with the image's bash.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const stages = readStages(join(ROOT, 'deploy/Dockerfile'));
const build = stages[0];
const runtime = stages[stages.length - 1];
const buildDir = one(build, 'WORKDIR');

/** Paths .dockerignore lets in: it must be an allowlist, `*` then `!path` lines. */
function allowed(): string[] {
  const lines = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  if (lines[0] !== '*' || !lines.slice(1).every((l) => l.startsWith('!'))) throw new Error('.dockerignore is expected to be an allowlist: * then !path lines');
  return lines.slice(1).map((l) => l.slice(1).replace(/\/$/, ''));
}

/** The libraries a file links, as ldd lists them (the vDSO has no file). */
function libraries(file: string): string[] {
  const r = spawnSync('ldd', [file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ldd ${file}: ${r.stderr}`);
  return [...r.stdout.matchAll(/(\/\S+) \(0x/g)].map((m) => m[1]);
}

/** Copies files into the chroot at their own paths, following links; never over one a running process maps. */
function install(root: string, files: string[]): void {
  for (const f of files) {
    if (existsSync(join(root, f))) continue;
    mkdirSync(join(root, dirname(f)), { recursive: true });
    copyFileSync(f, join(root, f));
    chmodSync(join(root, f), 0o755);
  }
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

const chrootBin = ['/usr/sbin/chroot', '/usr/bin/chroot'].find(existsSync) ?? 'chroot';
/** Docker's PATH for a Debian image. */
const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

describe('deploy/Dockerfile', () => {
  let context: string;
  beforeAll(() => {
    context = mkdtempSync(join(tmpdir(), 'evaluator-image-'));
  });
  afterAll(() => rmSync(context, { recursive: true, force: true }));

  it('runs the executable alone on a slim base, as a numeric non-root user, on the port it exposes', () => {
    expect(build.from).toMatch(/^node:20-bookworm AS build$/i);
    expect(runtime.from).toMatch(/^(debian:bookworm-slim|gcr\.io\/distroless\/cc-debian12\S*)$/);
    const copies = all(runtime, 'COPY');
    expect(copies).toHaveLength(1);
    const [, source, target] = /^--from=build (\S+) (\S+)$/.exec(copies[0])!;
    expect(source).toBe(`${buildDir}/build/evaluator`);
    expect(execForm(one(runtime, 'ENTRYPOINT'))).toEqual([target]);
    const [uid, gid] = one(runtime, 'USER').split(':');
    expect(Number(uid)).toBeGreaterThan(0);
    expect(Number(gid)).toBeGreaterThan(0);
    expect(one(runtime, 'EXPOSE')).toBe(envOf(runtime).PORT);
  });

  it("makes build/evaluator from the files .dockerignore lets in, with the build stage's own steps", () => {
    const dir = join(context, buildDir);
    mkdirSync(dir, { recursive: true });
    const allow = allowed();
    for (const args of all(build, 'COPY')) {
      const words = args.split(/\s+/);
      const target = words.pop()!;
      for (const source of words) {
        const path = source.replace(/\/$/, '');
        expect(allow, `${source} is copied but .dockerignore leaves it out`).toContain(path);
        // Docker's rule: a folder's contents go into the target; a file goes into a target ending in /
        const from = join(ROOT, path);
        const into = target.endsWith('/') && !statSync(from).isDirectory() ? join(target, basename(path)) : target;
        cpSync(from, join(dir, into), { recursive: true });
      }
    }
    // `npm ci` needs the network: the project's node_modules stands in for it
    symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(dir, 'node_modules'));
    for (const step of all(build, 'RUN').filter((r) => !r.startsWith('npm ci'))) {
      const r = spawnSync('bash', ['-c', step], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
      expect(r.status, `RUN ${step}\n${r.stdout}${r.stderr}`).toBe(0);
    }
    expect(existsSync(join(dir, 'build/evaluator'))).toBe(true);
  }, 180_000);

  describeAsRoot('its runtime stage, in a chroot', () => {
    const [uid, gid] = one(runtime, 'USER').split(':').map(Number);
    const entrypoint = execForm(one(runtime, 'ENTRYPOINT'));
    const healthcheck = execForm(/\bCMD\s+(\[.*\])$/.exec(one(runtime, 'HEALTHCHECK'))![1]);
    let root: string;
    let server: ChildProcess | undefined;
    let port: number;
    let output = '';

    beforeAll(async () => {
      const executable = join(context, buildDir, 'build/evaluator');
      if (!existsSync(executable)) throw new Error('the build stage made no build/evaluator');
      root = mkdtempSync(join(tmpdir(), 'evaluator-chroot-'));
      chmodSync(root, 0o755);
      mkdirSync(join(root, dirname(entrypoint[0])), { recursive: true });
      copyFileSync(executable, join(root, entrypoint[0]));
      chmodSync(join(root, entrypoint[0]), 0o755);
      // the executable's libraries, and its embedded addon's (the same file node_modules holds)
      const addon = join(ROOT, 'node_modules/@trufflesuite/uws-js-unofficial/binaries', `uws_linux_${process.arch}_${process.versions.modules}.node`);
      install(root, [...new Set([...libraries(executable), ...libraries(addon)])]);
      // found by trying: the addon is unpacked under /tmp, and workers start with stdin on /dev/null
      mkdirSync(join(root, 'tmp'), { mode: 0o1777 });
      chmodSync(join(root, 'tmp'), 0o1777);
      mkdirSync(join(root, 'dev'));
      const node = spawnSync('mknod', ['-m', '666', join(root, 'dev/null'), 'c', '1', '3'], { encoding: 'utf8' });
      if (node.status !== 0) throw new Error(`mknod: ${node.stderr}`);

      port = await freePort();
      // as `docker run -e`: the image's ENV, with a free loopback port and two workers
      const env = { PATH, ...envOf(runtime), PORT: String(port), HOST: '127.0.0.1', WORKERS: '2' };
      server = spawn(chrootBin, [`--userspec=${uid}:${gid}`, root, ...entrypoint], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      server.stdout!.on('data', (d) => (output += d));
      server.stderr!.on('data', (d) => (output += d));
      await new Promise<void>((resolve, reject) => {
        const timer = setInterval(() => {
          if (/listening on/.test(output)) resolve();
          else if (server!.exitCode !== null) reject(new Error(`the evaluator exited ${server!.exitCode} in the chroot: ${output}`));
          else return;
          clearInterval(timer);
        }, 20);
      });
    }, 60_000);

    afterAll(() => {
      if (server !== undefined && server.exitCode === null) server.kill('SIGKILL');
      if (root !== undefined) rmSync(root, { recursive: true, force: true });
    });

    it('answers /healthz and /eval over loopback', async () => {
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });
      const log = { Text: 'Waiting up to 2.430 seconds', Thread: 'T-1' };
      const conditions = [{ type: 'Standard', numeration: 0, text: 'return "Waiting" in text' }];
      const res = await fetch(`http://127.0.0.1:${port}/eval`, {
        method: 'POST',
        body: JSON.stringify({ payload: { log, conditions, context: {}, trueConditions: [], logProcessingTime: 0, stateTime: 0 } }),
      });
      expect(await res.json()).toEqual({ context: {}, trueConditions: [0] });
    });

    it("runs as the Dockerfile's user, workers included", () => {
      const pids = [server!.pid!, ...childrenOf(server!.pid!)];
      expect(pids).toHaveLength(3);
      for (const pid of pids) {
        const uids = /^Uid:\s+(.*)$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1].split(/\s+/).map(Number);
        expect(uids).toEqual([uid, uid, uid, uid]);
      }
    });

    it('passes its HEALTHCHECK while it serves, fails it once stopped, and stops cleanly on SIGTERM', async () => {
      // the check runs with the image's bash
      install(root, ['/usr/bin/bash', ...libraries('/usr/bin/bash')]);
      const probe = () => spawnSync(chrootBin, [`--userspec=${uid}:${gid}`, root, ...healthcheck], { env: { PATH, PORT: String(port) }, encoding: 'utf8', timeout: 5_000 });
      const up = probe();
      expect(up.status, up.stderr).toBe(0);
      const exited = new Promise<number | null>((resolve) => server!.once('exit', resolve));
      server!.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(probe().status).not.toBe(0);
    });
  });
});
