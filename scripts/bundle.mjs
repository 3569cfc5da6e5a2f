#!/usr/bin/env node
// Bundles src/ into dist/evaluator.cjs: the script `npm start` runs and the SEA embeds.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** `addonSha256`: the digest of the addon a single executable embeds, so it need not hash it at start-up. */
export async function bundle(addonSha256) {
  await build({
    absWorkingDir: root,
    entryPoints: ['src/main.ts'],
    outfile: 'dist/evaluator.cjs',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // the native addon is loaded at run time: from node_modules, or embedded in the SEA
    external: ['@trufflesuite/uws-js-unofficial'],
    define: {
      EVALUATOR_VERSION: JSON.stringify(version),
      ...(addonSha256 === undefined ? {} : { EVALUATOR_ADDON_SHA256: JSON.stringify(addonSha256) }),
    },
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundle();
