import { ConditionError, describeException, Engine, PyDict, PyException, type ConditionKind, type Program } from '../lang/index.js';
import { FILE_KINDS, readConditionFile, type FoundCondition, type Problem } from './condition-files.js';
import { LineIndex } from './line-index.js';
import { UsageError } from './options.js';
import { readSamples, type Sample } from './sample-logs.js';

export const CHECK_USAGE = `Usage: evaluator check [options] FILE...

Checks condition files without a server, for a detector's rule repository in CI: every
condition that does not compile, or that uses what the evaluator refuses, is reported as
FILE:LINE:COLUMN: message, with the line and a caret under the place.

FILE is ${FILE_KINDS}.

Options:
  --format text|json      how to report (default text; json: an array of problems)
  --log FILE              also run each condition on the sample logs in FILE (NDJSON of
                          log records, or of /eval or /eval-launch bodies) and report
                          the errors they raise
  --kind standard|launch  what a .py file holds (default standard)
  --help                  show this text

Exit status: 0 when there is no problem, 1 when there is any, 2 for a usage error.
`;

interface CheckOptions {
  files: string[];
  format: 'text' | 'json';
  log: string | undefined;
  pyKind: ConditionKind;
}

function parseCheckArgs(args: string[]): CheckOptions | 'help' {
  const options: CheckOptions = { files: [], format: 'text', log: undefined, pyKind: 'standard' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--') {
      options.files.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      options.files.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (name !== '--format' && name !== '--log' && name !== '--kind') throw new UsageError(`check: unknown option '${arg}' (see check --help)`);
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined) throw new UsageError(`check: ${name} needs a value`);
    if (name === '--format') {
      if (value !== 'text' && value !== 'json') throw new UsageError(`check: --format must be text or json, not '${value}'`);
      options.format = value;
    } else if (name === '--kind') {
      if (value !== 'standard' && value !== 'launch') throw new UsageError(`check: --kind must be standard or launch, not '${value}'`);
      options.pyKind = value;
    } else options.log = value;
  }
  if (options.files.length === 0) throw new UsageError('check: no FILE given (see check --help)');
  return options;
}

/** `evaluator check`: writes the report to `out`, and returns the exit status. */
export function runCheck(args: string[], out: (text: string) => void, err: (text: string) => void): number {
  const options = parseCheckArgs(args);
  if (options === 'help') {
    out(CHECK_USAGE);
    return 0;
  }
  const engine = new Engine();
  const problems: Problem[] = [];
  const compiled: { found: FoundCondition; program: Program; place: Problem }[] = [];
  let count = 0;
  for (const path of options.files) {
    const file = readConditionFile(path, options.pyKind);
    problems.push(...file.problems);
    for (const found of file.conditions) {
      count++;
      const program = engine.compile(found.source, found.kind);
      if (program instanceof ConditionError) {
        const { line, column } = file.lines.position(found.at(program.start));
        // the condition's line as LineIndex cuts it: a line of megabytes shows the part around the caret
        const carets = /\^+$/.exec(program.excerpt)?.[0].length ?? 1;
        problems.push({ file: path, line, column, type: program.type, message: program.message, excerpt: new LineIndex(found.source).excerpt(program.start, carets) });
      } else compiled.push({ found, program, place: { file: path, ...file.lines.position(found.at(0)), type: '', message: '', excerpt: null } });
    }
  }
  if (options.log !== undefined) {
    const { samples, problems: bad } = readSamples(options.log);
    problems.push(...bad);
    for (const c of compiled) problems.push(...runOnSamples(engine, c.found, c.program, samples, c.place));
  }
  const order = new Map(options.files.map((f, i) => [f, i]));
  problems.sort((a, b) => (order.get(a.file) ?? order.size) - (order.get(b.file) ?? order.size) || a.line - b.line || a.column - b.column);
  if (options.format === 'json') out(JSON.stringify(problems, null, 2) + '\n');
  else {
    for (const p of problems) out(`${p.file}:${p.line}:${p.column}: ${p.type}: ${p.message}\n${p.excerpt === null ? '' : p.excerpt.replace(/^/gm, '    ') + '\n'}`);
    const files = `${options.files.length} file${options.files.length === 1 ? '' : 's'}`;
    err(`evaluator check: ${count} condition${count === 1 ? '' : 's'} in ${files}, ${problems.length === 0 ? 'no problems' : `${problems.length} problem${problems.length === 1 ? '' : 's'}`}\n`);
  }
  return problems.length > 0 ? 1 : 0;
}

/**
 * Each condition on each sample log, as /eval or /eval-launch would run it, with the
 * sample's context, else that of the body the condition came in, else {}. One problem per
 * distinct error, at the condition's start: a runtime error carries no position.
 */
function runOnSamples(engine: Engine, found: FoundCondition, program: Program, samples: Sample[], place: Problem): Problem[] {
  const failures = new Map<string, { count: number; first: string }>();
  for (const sample of samples) {
    try {
      if (found.kind === 'launch') engine.runLaunch(program, sample.log, sample.text);
      else engine.runStandard(program, sample.log, sample.text, sample.context ?? found.context ?? new PyDict());
    } catch (e) {
      if (!(e instanceof PyException)) throw e;
      const message = describeException(e);
      const seen = failures.get(message);
      if (seen === undefined) failures.set(message, { count: 1, first: sample.where });
      else seen.count++;
    }
  }
  return [...failures].map(([message, { count, first }]) => {
    const [type, ...rest] = message.split(': ');
    return { ...place, type, message: `${rest.join(': ')} (on ${count} of ${samples.length} sample logs; the first: ${first})` };
  });
}
