import { gzipSync } from 'node:zlib';
import type { ServeOptions } from '../cli/options.js';
import type { Answer, GetRoute } from './answer.js';

declare global {
  // Set by scripts/bundle.mjs: the page bundled for the browser, and its script's SHA-256.
  // Unset when src/ runs unbundled (the tests of src/): then there is no page to serve.
  var PLAYGROUND_HTML: string | undefined;
  var PLAYGROUND_SCRIPT_SHA256: string | undefined;
}

/** Read once: the bundle holds the page's text in this one place. */
const HTML = globalThis.PLAYGROUND_HTML;
const SCRIPT_SHA256 = globalThis.PLAYGROUND_SCRIPT_SHA256;

/**
 * The page may run its own inline script and nothing else, and talk only to the server
 * that served it: a condition or log pasted into it can never load or send anything
 * elsewhere. CodeMirror sets inline styles, hence style-src 'unsafe-inline'.
 */
const policy = (scriptHash: string) =>
  `default-src 'none'; script-src 'sha256-${scriptHash}'; style-src 'unsafe-inline'; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

let answers: { plain: Answer; gzip: Answer } | undefined;

/** Whether GET / is served: off with --no-playground, and where src/ runs unbundled (no page). */
export const playgroundServed = (options: ServeOptions): boolean => options.playground && HTML !== undefined;

/** GET /: the playground (src/playground), gzipped for browsers that take it. */
export const playground: GetRoute = (_worker, acceptEncoding) => {
  // made at the first request, not at every worker's start: most evaluators never serve it
  answers ??= page(HTML!, SCRIPT_SHA256!);
  return /\bgzip\b/i.test(acceptEncoding) ? answers.gzip : answers.plain;
};

function page(html: string, scriptHash: string): { plain: Answer; gzip: Answer } {
  const headers: [string, string][] = [
    ['Content-Security-Policy', policy(scriptHash)],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'no-referrer'],
    ['Cache-Control', 'no-cache'],
    ['Vary', 'Accept-Encoding'],
  ];
  const contentType = 'text/html; charset=utf-8';
  return {
    plain: { status: '200 OK', contentType, body: html, headers },
    gzip: { status: '200 OK', contentType, body: gzipSync(html, { level: 9 }), headers: [...headers, ['Content-Encoding', 'gzip']] },
  };
}
