import type * as Uws from '@trufflesuite/uws-js-unofficial/docs/index.js';
import { loadEmbeddedAddon } from './addon.js';

export type { HttpRequest, HttpResponse, TemplatedApp, us_listen_socket } from '@trufflesuite/uws-js-unofficial/docs/index.js';

let uws: typeof Uws | undefined;

/**
 * uWebSockets.js: from node_modules when run by node, or from the copy embedded in the
 * single executable. Loaded on first use so that --help and --version never need it.
 */
export function loadUws(): typeof Uws {
  if (uws === undefined) {
    const embedded = loadEmbeddedAddon();
    uws = (embedded ?? require('@trufflesuite/uws-js-unofficial')) as typeof Uws;
  }
  return uws;
}
