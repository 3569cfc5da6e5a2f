#!/usr/bin/env node
// Runs a TypeScript entry (a benchmark) under node: bundled with esbuild into dist/, then executed
// with the same node flags the service uses, and any arguments passed on.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs ENTRY.ts [args...]');
  process.exit(2);
}
const outfile = `dist/${basename(entry, '.ts')}.mjs`;
await build({
  absWorkingDir: root,
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  logLevel: 'warning',
});
const r = spawnSync(process.execPath, [outfile, ...args], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
