import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createSecureContext } from 'node:tls';
import { DEFAULT_LIMITS } from '../lang/index.js';

export interface ServeOptions {
  port: number;
  host: string;
  workers: number;
  maxBody: number;
  maxSteps: number;
  cacheSize: number;
  /** Milliseconds one request may take: its conditions, or a batch's payloads, compiling included. */
  requestBudget: number;
  /** Estimated bytes of compiled conditions kept per worker. */
  cacheBytes: number;
  /** Each worker's V8 heap cap in MiB; above 3/4 of it after a full GC, a worker is replaced. */
  workerMemory: number;
  /** Milliseconds without a heartbeat after which a worker is killed and replaced. */
  stallTimeout: number;
  /** Milliseconds a graceful stop may take before workers are killed. */
  shutdownTimeout: number;
  /** Whether GET / serves the playground page. */
  playground: boolean;
  /** One log line per request. */
  accessLog: boolean;
  /** A condition that runs longer than this many milliseconds is logged; 0: none. */
  slowMs: number;
  logFormat: 'json' | 'text';
  /** PEM files: serve HTTPS. Workers read them when they start, so a SIGHUP picks up new ones. */
  tlsCert: string | null;
  tlsKey: string | null;
  /** A file of bearer tokens, one a line; read by each worker when it starts. */
  authTokenFile: string | null;
  /** GET routes answered without a token. */
  authExempt: string[];
}

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'serve'; options: ServeOptions }
  | { kind: 'bench'; args: string[]; options: ServeOptions }
  | { kind: 'check'; args: string[] };

export class UsageError extends Error {}

export const USAGE = `Usage: evaluator [serve] [options]
       evaluator --bench [bench options]   (see evaluator --bench --help)
       evaluator check [options] FILE...   (see evaluator check --help)

Evaluates a log detector's Python-dialect conditions over HTTP:
POST /eval, /eval-launch, /eval/batch, /check; GET /healthz, /readyz, /metrics, /openapi.json,
and GET / (the playground).
Signals: TERM/INT stop gracefully, HUP replaces the workers one by one, TTIN/TTOU add/remove one.

Options (each also read from the environment variable in brackets):
  --port N            port to listen on, 0 for any free one     [PORT]     default 8080
  --host ADDR         address to listen on                      [HOST]     default 0.0.0.0
  --workers N         worker processes sharing the port         [WORKERS]  default: cores
  --max-body SIZE     largest request body, e.g. 1MiB, 512KiB, 65536       default 1MiB
  --max-steps N       loop iterations and calls one condition may take     default ${DEFAULT_LIMITS.maxSteps}
  --cache-size N      compiled conditions kept per worker                  default ${DEFAULT_LIMITS.cacheSize}
  --request-budget MS time one request may take, all its conditions        default ${DEFAULT_LIMITS.requestMillis}
  --cache-bytes SIZE  estimated bytes of compiled conditions per worker    default 128MiB (at most 1/4 of --worker-memory)
  --worker-memory MIB V8 heap cap per worker, replaced above 3/4 of it   default 1024
  --stall-timeout MS  kill and replace a worker silent for this long       default 2000
  --shutdown-timeout MS  how long a graceful stop may take                 default 10000
  --no-playground     do not serve the playground page at GET / (for a public port)
  --log-format FORMAT json (one object a line on stderr) or text           default json
  --access-log        log one line per request
  --slow-ms N         log every condition that runs longer than N ms       default 0 (off)
  --tls-cert FILE     serve HTTPS with this PEM certificate (and --tls-key)
  --tls-key FILE      the certificate's PEM private key
  --auth-token-file FILE  require Authorization: Bearer <token>, tokens one a line
  --auth-exempt PATHS answer these GET routes without a token, e.g. /healthz,/metrics
  --help              show this text
  --version           show the version
`;

const SIZE = /^(\d+)\s*(B|KiB|KB|K|MiB|MB|M|GiB|G)?$/i;
const UNITS: Record<string, number> = { b: 1, kib: 1024, kb: 1000, k: 1024, mib: 1 << 20, mb: 1e6, m: 1 << 20, gib: 1 << 30, g: 1 << 30 };

export function parseSize(text: string, name: string): number {
  const m = SIZE.exec(text.trim());
  if (m === null) throw new UsageError(`${name} must be a size such as 1MiB, 512KiB or 65536, not '${text}'`);
  const n = Number(m[1]) * UNITS[(m[2] ?? 'b').toLowerCase()];
  if (n < 1 || n > 1 << 30) throw new UsageError(`${name} must be between 1 byte and 1GiB, not '${text}'`);
  return n;
}

function parseInteger(text: string, name: string, min: number, max: number): number {
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`${name} must be a whole number, not '${text}'`);
  const n = Number(text);
  if (n < min || n > max) throw new UsageError(`${name} must be between ${min} and ${max}, not ${n}`);
  return n;
}

const VALUED = new Set([
  '--port', '--host', '--workers', '--max-body', '--max-steps', '--cache-size', '--cache-bytes', '--request-budget', '--worker-memory', '--stall-timeout',
  '--shutdown-timeout', '--log-format', '--slow-ms', '--tls-cert', '--tls-key', '--auth-token-file', '--auth-exempt',
]);
const SWITCHES = new Set(['--access-log']);
/** The GET routes a token may be waived for: probes and scrapers that cannot send one. */
export const EXEMPTIBLE = ['/healthz', '/readyz', '/metrics', '/openapi.json'];
/** Shorter tokens are guessable: refused at start. */
const MIN_TOKEN = 16;

/** The tokens of a token file: one a line, blank lines ignored. Throws UsageError naming the flag and the reason. */
export function readTokens(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`--auth-token-file cannot read '${file}': ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const tokens = text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  if (tokens.length === 0) throw new UsageError(`--auth-token-file '${file}' holds no token`);
  for (const [i, token] of tokens.entries()) {
    if (token.length < MIN_TOKEN) throw new UsageError(`--auth-token-file '${file}': the token on line ${i + 1} is ${token.length} characters; at least ${MIN_TOKEN} are needed`);
    // RFC 6750's token68 characters: anything else could never arrive in a header intact
    if (!/^[A-Za-z0-9\-._~+/]+=*$/.test(token)) throw new UsageError(`--auth-token-file '${file}': the token on line ${i + 1} has a character a Bearer token cannot hold`);
  }
  return tokens;
}

/** The certificate and key as OpenSSL takes them (uWS's own failure says only 'App construction failed'). */
function tlsPair(cert: string, key: string): void {
  try {
    createSecureContext({ cert: readFileSync(cert), key: readFileSync(key) });
  } catch (err) {
    throw new UsageError(`--tls-cert '${cert}' and --tls-key '${key}' do not make a TLS pair: ${(err as Error).message}`);
  }
}

/** A PEM file for --tls-cert or --tls-key: readable and PEM, checked once before any worker starts. */
function pemFile(file: string, name: string, kind: string): string {
  // the file is read again by each worker: this is only to fail early and clearly
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`${name} cannot read '${file}': ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  if (!new RegExp(`-----BEGIN [A-Z ]*${kind}-----`).test(text)) throw new UsageError(`${name} '${file}' is not a PEM ${kind.toLowerCase()}`);
  return file;
}

/** The command line and environment, as a command. Unknown or malformed options raise UsageError. */
export function parseCommand(argv: string[], env: NodeJS.ProcessEnv): Command {
  if (argv[0] === 'check') return { kind: 'check', args: argv.slice(1) };
  const values = new Map<string, string>();
  const rest: string[] = [];
  let bench = false;
  let playground = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (bench) {
      rest.push(arg);
      continue;
    }
    if ((arg === '--help' || arg === '-h') && !argv.includes('--bench')) return { kind: 'help' };
    if (arg === '--version' || arg === '-v') return { kind: 'version' };
    if (arg === '--bench') {
      bench = true;
      continue;
    }
    if (arg === 'serve' && i === 0) continue;
    if (arg === '--no-playground') {
      playground = false;
      continue;
    }
    if (SWITCHES.has(arg)) {
      values.set(arg, '');
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!VALUED.has(name)) throw new UsageError(`unknown option '${arg}' (see --help)`);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new UsageError(`${name} needs a value`);
    values.set(name, value);
  }
  const pick = (name: string, envName?: string): string | undefined => values.get(name) ?? (envName === undefined ? undefined : env[envName] || undefined);
  const port = pick('--port', 'PORT');
  const host = pick('--host', 'HOST');
  const workers = pick('--workers', 'WORKERS');
  const maxBody = pick('--max-body');
  const maxSteps = pick('--max-steps');
  const cacheSize = pick('--cache-size');
  const requestBudget = pick('--request-budget');
  const cacheBytes = pick('--cache-bytes');
  const workerMemory = pick('--worker-memory');
  const stallTimeout = pick('--stall-timeout');
  const shutdown = pick('--shutdown-timeout');
  const logFormat = pick('--log-format') ?? 'json';
  if (logFormat !== 'json' && logFormat !== 'text') throw new UsageError(`--log-format must be json or text, not '${logFormat}'`);
  const slowMs = pick('--slow-ms');
  const tlsCert = pick('--tls-cert');
  const tlsKey = pick('--tls-key');
  if ((tlsCert === undefined) !== (tlsKey === undefined)) throw new UsageError(tlsCert === undefined ? '--tls-key needs --tls-cert' : '--tls-cert needs --tls-key');
  if (tlsCert !== undefined && tlsKey !== undefined) tlsPair(pemFile(tlsCert, '--tls-cert', 'CERTIFICATE'), pemFile(tlsKey, '--tls-key', 'PRIVATE KEY'));
  const tokenFile = pick('--auth-token-file');
  if (tokenFile !== undefined) readTokens(tokenFile);
  const exempt = pick('--auth-exempt')?.split(',').map((p) => p.trim()).filter((p) => p !== '') ?? [];
  if (exempt.length > 0 && tokenFile === undefined) throw new UsageError('--auth-exempt needs --auth-token-file');
  for (const path of exempt) if (!EXEMPTIBLE.includes(path)) throw new UsageError(`--auth-exempt: '${path}' is not one of ${EXEMPTIBLE.join(', ')}`);
  const memory = workerMemory === undefined ? 1024 : parseInteger(workerMemory, '--worker-memory', 64, 1 << 20);
  const options: ServeOptions = {
    port: port === undefined ? 8080 : parseInteger(port, '--port', 0, 65535),
    host: host ?? '0.0.0.0',
    workers: workers === undefined ? availableParallelism() : parseInteger(workers, '--workers', 1, 256),
    maxBody: maxBody === undefined ? 1 << 20 : parseSize(maxBody, '--max-body'),
    maxSteps: maxSteps === undefined ? DEFAULT_LIMITS.maxSteps : parseInteger(maxSteps, '--max-steps', 1, 1e9),
    cacheSize: cacheSize === undefined ? DEFAULT_LIMITS.cacheSize : parseInteger(cacheSize, '--cache-size', 1, 1e7),
    requestBudget: requestBudget === undefined ? DEFAULT_LIMITS.requestMillis : parseInteger(requestBudget, '--request-budget', 1, 600_000),
    // by default at most a quarter of the heap, so that a full cache never makes a worker recycle
    cacheBytes: cacheBytes === undefined ? Math.min(DEFAULT_LIMITS.cacheBytes, memory * 2 ** 18) : parseSize(cacheBytes, '--cache-bytes'),
    workerMemory: memory,
    stallTimeout: stallTimeout === undefined ? 2000 : parseInteger(stallTimeout, '--stall-timeout', 500, 600_000),
    shutdownTimeout: shutdown === undefined ? 10_000 : parseInteger(shutdown, '--shutdown-timeout', 1, 600_000),
    playground,
    accessLog: values.has('--access-log'),
    slowMs: slowMs === undefined ? 0 : parseInteger(slowMs, '--slow-ms', 0, 600_000),
    logFormat,
    tlsCert: tlsCert ?? null,
    tlsKey: tlsKey ?? null,
    authTokenFile: tokenFile ?? null,
    authExempt: exempt,
  };
  // the watchdog is for a stuck worker: a request that may legitimately run longer would get its worker killed
  if (options.requestBudget >= options.stallTimeout) {
    throw new UsageError(`--request-budget (${options.requestBudget} ms) must be below --stall-timeout (${options.stallTimeout} ms), or the watchdog kills the worker of a slow request`);
  }
  if (bench) return { kind: 'bench', args: rest, options };
  return { kind: 'serve', options };
}
