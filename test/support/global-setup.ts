import { bundle } from '../../scripts/bundle.mjs';

/** The server tests run what ships: the bundle is built once before any test. */
export default async function setup(): Promise<void> {
  await bundle();
}
