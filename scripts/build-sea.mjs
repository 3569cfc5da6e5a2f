#!/usr/bin/env node
// Builds build/evaluator: one file with Node, the bundled service and the uWS addon.
//   1. esbuild bundles src/ into dist/evaluator.cjs;
//   2. node --experimental-sea-config makes the SEA blob, with the platform's uWS addon
//      as an asset and V8's code cache for a faster start;
//   3. postject injects the blob into a copy of the node binary running this script.
// No network: everything comes from node_modules and the local node.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle } from './bundle.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const started = performance.now();

const addon = join(
  dirname(require.resolve('@trufflesuite/uws-js-unofficial/package.json')),
  'binaries',
  `uws_${process.platform}_${process.arch}_${process.versions.modules}.node`,
);
if (!existsSync(addon)) {
  console.error(`build-sea: uWebSockets.js has no binary for ${process.platform}-${process.arch}, Node ABI ${process.versions.modules} (${addon})`);
  process.exit(1);
}

const addonSha256 = createHash('sha256').update(readFileSync(addon)).digest('hex').slice(0, 32);
await bundle(addonSha256);
mkdirSync(join(root, 'build'), { recursive: true });
const blob = join(root, 'build/sea-prep.blob');
const config = join(root, 'build/sea-config.json');
writeFileSync(
  config,
  JSON.stringify({
    main: join(root, 'dist/evaluator.cjs'),
    output: blob,
    disableExperimentalSEAWarning: true,
    useCodeCache: process.env.SEA_CODE_CACHE !== '0',
    assets: { 'uws.node': addon },
  }),
);
const prepared = spawnSync(process.execPath, ['--experimental-sea-config', config], { cwd: root, encoding: 'utf8' });
if (prepared.status !== 0) {
  console.error(prepared.stdout + prepared.stderr);
  process.exit(1);
}

const out = join(root, 'build/evaluator');
rmSync(out, { force: true });
copyFileSync(process.execPath, out);
chmodSync(out, 0o755);
const postject = join(dirname(require.resolve('postject/package.json')), 'dist/cli.js');
const args = [postject, out, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2'];
if (process.platform === 'darwin') args.push('--macho-segment-name', 'NODE_SEA');
// postject's LIEF warns about '.note' sections on Linux: harmless, and kept out of the output
const injected = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
const stderr = injected.stderr.split('\n').filter((l) => l.trim() !== '' && !/Can't find string offset for section name/.test(l));
if (injected.status !== 0 || stderr.length > 0) console.error(stderr.join('\n'));
if (injected.status !== 0) process.exit(1);
rmSync(blob);
rmSync(config);

const mib = (statSync(out).size / 2 ** 20).toFixed(1);
console.log(`build-sea: build/evaluator (${mib} MiB, node ${process.version}, ${process.platform}-${process.arch}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
