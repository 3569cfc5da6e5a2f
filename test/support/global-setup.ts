import { bundle } from '../../scripts/bundle.mjs';
import { makeBinaryFolder } from './server.js';

/**
 * The server tests run what ships: the bundle is built once before any test, and the
 * executable copied once into a folder of its own, removed when the run ends.
 */
export default async function setup(): Promise<() => void> {
  await bundle();
  const folder = makeBinaryFolder();
  process.env.EVALUATOR_TEST_BINARY_DIR = folder.dir;
  return folder.remove;
}
