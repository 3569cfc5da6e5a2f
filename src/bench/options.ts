import { availableParallelism } from 'node:os';
import { UsageError } from '../cli/options.js';

export type Scenario = 'original' | 'workers' | 'replay' | 'saturate';
export type Endpoint = 'eval' | 'eval-launch' | 'mixed';

/** A server to load: its label in reports, and where it listens. */
export interface TargetOption {
  name: string;
  url: string;
}

export interface BenchOptions {
  targets: TargetOption[];
  scenarios: Scenario[];
  endpoint: Endpoint;
  requests: number;
  /** Client counts; undefined: each scenario's own default. */
  clients: number[] | undefined;
  logs: number;
  batch: number;
  duration: number;
  /** Seconds of load before each measured point, not counted. */
  warmup: number;
  /** Seconds a request may wait for its whole answer before it fails as 'timeout'. */
  timeout: number;
  seed: number;
  payload: string | undefined;
  json: string | undefined;
  csv: string | undefined;
  html: string | undefined;
  /** Workers of the local evaluator (no --target). */
  workers: number;
  /** Compare every target's answers with the first target's. */
  compare: boolean;
  /** Where to write the first `maxMismatches` mismatches, as NDJSON. */
  mismatches: string | undefined;
  maxMismatches: number;
  /** The command line, for the report. */
  argv: string[];
}

export const BENCH_USAGE = `Usage: evaluator --bench [options]

Load-tests evaluators: with no --target, starts this evaluator on a free loopback port.
The load: closed-loop keep-alive HTTP/1.1 clients, one request in flight each.

  --target [NAME=]URL a running evaluator, e.g. flask=http://127.0.0.1:5000 (repeatable; ratios to
                      the first; NAME labels it in reports, the URL by default)
  --compare           send every target the same requests and compare each answer with the first
                      target's: mismatches per target in the table
  --mismatches FILE   write the first mismatches, with their requests, as NDJSON (implies --compare)
  --max-mismatches N  how many --mismatches keeps (default 100)
  --scenario NAME     original (default), workers, replay, saturate, or all
  --endpoint E        eval (default), eval-launch or mixed
  --requests N        requests per point of 'original' and 'workers' (default 1000)
  --clients LIST      client counts, e.g. 2,4,5,10,20 (original, workers) or 20 (replay, saturate)
  --logs N            logs for 'replay' (default 459311, the original study's job)
  --batch K           'replay' sends K logs per POST /eval/batch (default 0: one /eval per log)
  --duration S        seconds of 'saturate' (default 10)
  --warmup S          seconds of load before each measured point, not counted (default 1)
  --timeout S         a request with no whole answer after S seconds fails as 'timeout' (default 30)
  --workers N         workers of the local evaluator (default: cores)
  --seed N            the generated corpus (default 1)
  --payload FILE      replay these NDJSON request bodies instead, cycling
  --json FILE         write the rows as JSON
  --csv DIR           write one CSV per scenario, like the original study's results/
  --html FILE         write a self-contained page with SVG charts
`;

const SCENARIOS: Scenario[] = ['original', 'workers', 'replay', 'saturate'];

function count(text: string | undefined, name: string, min = 1): number {
  if (text === undefined || !/^\d+$/.test(text)) throw new UsageError(`${name} needs a whole number, not '${text ?? ''}'`);
  const n = Number(text);
  if (n < min) throw new UsageError(`${name} must be at least ${min}`);
  return n;
}

export function parseBenchOptions(args: string[], defaultWorkers = availableParallelism()): BenchOptions | 'help' {
  const o: BenchOptions = {
    targets: [], scenarios: ['original'], endpoint: 'eval', requests: 1000, clients: undefined, logs: 459_311, batch: 0,
    duration: 10, warmup: 1, timeout: 30, seed: 1, payload: undefined, json: undefined, csv: undefined, html: undefined, workers: defaultWorkers,
    compare: false, mismatches: undefined, maxMismatches: 100, argv: args,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case '--help':
      case '-h':
        return 'help';
      case '--target': {
        const text = value();
        const m = /^([^=]*)=(.*)$/s.exec(text);
        const url = m === null ? text : m[2];
        if (!/^http:\/\/[^/]+(:\d+)?\/?$/.test(url)) throw new UsageError(`--target must be an http://host:port URL, not '${url}'`);
        const name = m === null ? url.replace(/\/$/, '') : m[1];
        if (!/^[\w.:/@+-]{1,40}$/.test(name)) throw new UsageError(`--target's name must be 1-40 letters, digits or . _ - + @ : /, not '${name}'`);
        if (o.targets.some((t) => t.name === name)) throw new UsageError(`--target ${name} is given twice`);
        o.targets.push({ name, url: url.replace(/\/$/, '') });
        break;
      }
      case '--compare':
        o.compare = true;
        break;
      case '--mismatches':
        o.mismatches = value();
        o.compare = true;
        break;
      case '--max-mismatches':
        o.maxMismatches = count(value(), arg, 0);
        break;
      case '--scenario': {
        const s = value();
        if (s === 'all') o.scenarios = SCENARIOS;
        else if ((SCENARIOS as string[]).includes(s)) o.scenarios = [s as Scenario];
        else throw new UsageError(`--scenario must be one of ${SCENARIOS.join(', ')} or all, not '${s}'`);
        break;
      }
      case '--endpoint': {
        const e = value();
        if (e !== 'eval' && e !== 'eval-launch' && e !== 'mixed') throw new UsageError(`--endpoint must be eval, eval-launch or mixed, not '${e}'`);
        o.endpoint = e;
        break;
      }
      case '--requests':
        o.requests = count(value(), arg);
        break;
      case '--clients':
        o.clients = value().split(',').map((c) => count(c, arg));
        break;
      case '--logs':
        o.logs = count(value(), arg);
        break;
      case '--batch':
        o.batch = count(value(), arg, 0);
        break;
      case '--duration':
        o.duration = count(value(), arg);
        break;
      case '--warmup':
        o.warmup = count(value(), arg, 0);
        break;
      case '--timeout':
        o.timeout = count(value(), arg);
        break;
      case '--workers':
        o.workers = count(value(), arg);
        break;
      case '--seed':
        o.seed = count(value(), arg, 0);
        break;
      case '--payload':
        o.payload = value();
        break;
      case '--json':
        o.json = value();
        break;
      case '--csv':
        o.csv = value();
        break;
      case '--html':
        o.html = value();
        break;
      default:
        throw new UsageError(`unknown bench option '${arg}' (see --bench --help)`);
    }
  }
  if (o.compare && o.targets.length < 2) throw new UsageError('--compare needs two or more --target to compare');
  if (o.targets.length > 0 && o.scenarios.includes('workers') && o.scenarios.length === 1) {
    throw new UsageError("--scenario workers restarts the local evaluator: it takes no --target");
  }
  return o;
}
