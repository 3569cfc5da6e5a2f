#!/usr/bin/env node
// Bundles src/ into dist/evaluator.cjs: the script `npm start` runs and the SEA embeds.
// The playground page (src/playground/) is bundled first, for the browser, into one HTML
// text that the service carries as a string: GET / needs no file beside the executable.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** The playground as one self-contained HTML text, and the hash its Content-Security-Policy allows its script by. */
async function playground() {
  const { outputFiles } = await build({
    absWorkingDir: root,
    entryPoints: ['src/playground/main.ts'],
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    minify: true,
    write: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
  // '</script' inside the code would end the element early; in JS '<\/' reads the same
  const script = outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1');
  const template = readFileSync(new URL('../src/playground/index.html', import.meta.url), 'utf8');
  const html = template.replace('<!--SCRIPT-->', () => `<script>${script}</script>`);
  return { html, scriptHash: createHash('sha256').update(script).digest('base64') };
}

/** `addonSha256`: the digest of the addon a single executable embeds, so it need not hash it at start-up. */
export async function bundle(addonSha256) {
  const page = await playground();
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
      'globalThis.PLAYGROUND_HTML': JSON.stringify(page.html),
      'globalThis.PLAYGROUND_SCRIPT_SHA256': JSON.stringify(page.scriptHash),
      ...(addonSha256 === undefined ? {} : { EVALUATOR_ADDON_SHA256: JSON.stringify(addonSha256) }),
    },
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundle();
