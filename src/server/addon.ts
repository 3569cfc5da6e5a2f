import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, lstatSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { homedir, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { getRawAsset, isSea } from 'node:sea';

declare const EVALUATOR_ADDON_SHA256: string | undefined;

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex').slice(0, 32);

/** The SEA asset that holds the uWS addon for the platform the executable was built on. */
export const ADDON_ASSET = 'uws.node';

/**
 * The uWS addon inside the single executable. A native addon can only be loaded from a
 * file, so the embedded copy is written once to a private, content-addressed cache file
 * and loaded with dlopen. Returns undefined when not running as a single executable.
 */
export function loadEmbeddedAddon(): unknown {
  const path = unpackEmbeddedAddon();
  if (path === undefined) return undefined;
  const module = { exports: {} as unknown };
  process.dlopen(module, path);
  return module.exports;
}

/**
 * Writes the embedded addon to its cache file (once) and answers its path; undefined when
 * not running as a single executable. The primary calls it to fail early and clearly.
 */
export function unpackEmbeddedAddon(): string | undefined {
  if (!isSea()) return undefined;
  const bytes = new Uint8Array(getRawAsset(ADDON_ASSET) as ArrayBuffer);
  // the build puts the addon's digest in the bundle: no hashing at start-up
  const digest = typeof EVALUATOR_ADDON_SHA256 === 'string' ? EVALUATOR_ADDON_SHA256 : sha256(bytes);
  return cachedAddon(bytes, digest);
}

/** Candidate cache folders, most specific first: XDG, ~/.cache, then the temp folder per user. */
function cacheDirs(): string[] {
  const dirs: string[] = [];
  const xdg = process.env.XDG_CACHE_HOME;
  if (xdg) dirs.push(join(xdg, 'evaluator'));
  let home = process.env.HOME;
  if (!home) {
    try {
      home = homedir();
    } catch {
      home = undefined;
    }
  }
  if (home) dirs.push(join(home, '.cache', 'evaluator'));
  dirs.push(join(tmpdir(), `evaluator-${uid()}`));
  return dirs;
}

function uid(): string {
  try {
    return String(userInfo().uid);
  } catch {
    return 'user';
  }
}

/**
 * A folder only this user can use: created with mode 0700, or an existing one that is a
 * real folder (not a link), owned by this user and closed to others.
 */
function privateDir(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = lstatSync(dir);
    const me = process.getuid?.() ?? st.uid;
    if (!st.isDirectory() || st.uid !== me) return false;
    if ((st.mode & 0o077) !== 0) chmodSync(dir, 0o700);
    return true;
  } catch {
    return false;
  }
}

/**
 * The addon's cache file: reused when its content matches, else written to a unique
 * temporary name and renamed into place, so workers starting together never see half a file.
 */
function cachedAddon(bytes: Uint8Array, digest: string): string {
  const tried: string[] = [];
  for (const dir of cacheDirs()) {
    tried.push(dir);
    if (!privateDir(dir)) continue;
    const path = join(dir, `uws-${digest}.node`);
    try {
      // named by its content in a folder only this user can write: the right size is enough
      if (statSync(path).size === bytes.length) return path;
    } catch {
      // not there yet
    }
    const tmp = join(dir, `.uws-${digest}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      const fd = openSync(tmp, 'wx', 0o700);
      try {
        writeSync(fd, bytes);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, path);
      return path;
    } catch {
      rmSync(tmp, { force: true });
    }
  }
  throw new Error(`cannot unpack the embedded uWebSockets.js addon: no writable private folder among ${tried.join(', ')} (set XDG_CACHE_HOME to one)`);
}
