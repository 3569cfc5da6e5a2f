import { parseCommand, USAGE, UsageError, type ServeOptions } from './cli/options.js';
import { runPrimary, WORKER_ENV } from './server/primary.js';
import { unpackEmbeddedAddon } from './server/addon.js';
import { runWorker } from './server/worker.js';

declare const EVALUATOR_VERSION: string;
const VERSION = typeof EVALUATOR_VERSION === 'string' ? EVALUATOR_VERSION : '0.0.0-dev';

/** A start-up failure: one clear line, no stack trace. */
function die(err: unknown): never {
  process.stderr.write(`evaluator: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}

function main(): void {
  const workerOptions = process.env[WORKER_ENV];
  if (workerOptions !== undefined) {
    try {
      runWorker(JSON.parse(workerOptions) as ServeOptions);
    } catch (err) {
      die(err);
    }
    return;
  }
  let command;
  try {
    command = parseCommand(process.argv.slice(2), process.env);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`evaluator: ${err.message}\n`);
    process.exit(2);
  }
  switch (command.kind) {
    case 'help':
      process.stdout.write(USAGE);
      return;
    case 'version':
      process.stdout.write(`evaluator ${VERSION}\n`);
      return;
    case 'bench':
      // loaded only here: the load generator and its histograms cost every server start otherwise
      import('./bench/main.js')
        .then(({ runBench }) => runBench(command.args, command.options.workers))
        .then(
        (code) => process.exit(code),
        (err) => {
          if (err instanceof UsageError) {
            process.stderr.write(`evaluator: ${err.message}\n`);
            process.exit(2);
          }
          die(err);
        },
      );
      return;
    case 'check':
      // no server, no addon: the language and the files alone
      // a reader that stops early (| head) ends the report, as it ends grep's: quietly
      process.stdout.on('error', (err: NodeJS.ErrnoException) => (err.code === 'EPIPE' ? process.exit() : die(err)));
      import('./cli/check.js').then(({ runCheck }) => {
        try {
          process.exitCode = runCheck(command.args, (t) => process.stdout.write(t), (t) => process.stderr.write(t));
        } catch (err) {
          if (!(err instanceof UsageError)) throw err;
          process.stderr.write(`evaluator: ${err.message}\n`);
          process.exitCode = 2;
        }
      }).catch(die);
      return;
    case 'serve':
      try {
        // fail once, clearly, before any worker starts; the workers find the addon unpacked
        unpackEmbeddedAddon();
      } catch (err) {
        die(err);
      }
      runPrimary(command.options, VERSION).catch(die);
  }
}

main();
