import pino from 'pino';

/** Fields of a log line beside its event name and message. */
export type Fields = Record<string, unknown>;

/** What the primary and the workers log: one event per call, with fields for machines and a sentence for people. */
export interface Log {
  info(event: string, fields: Fields, text: string): void;
  warn(event: string, fields: Fields, text: string): void;
  error(event: string, fields: Fields, text: string): void;
}

/**
 * JSON on stderr through pino, one object a line (level, time, pid, event, the fields, msg);
 * or, with --log-format text, the sentence alone as before, for a terminal. Writes are
 * synchronous: a process that exits (a drained worker, a fatal start) loses no line.
 */
export function createLog(format: 'json' | 'text'): Log {
  if (format === 'text') {
    const write = (_event: string, _fields: Fields, text: string) => void process.stderr.write(`evaluator: ${text}\n`);
    return { info: write, warn: write, error: write };
  }
  const logger = pino(
    {
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      // the level's name, not pino's number: what log shippers and people read
      formatters: { level: (label) => ({ level: label }) },
    },
    pino.destination({ fd: 2, sync: true }),
  );
  return {
    info: (event, fields, text) => logger.info({ event, ...fields }, text),
    warn: (event, fields, text) => logger.warn({ event, ...fields }, text),
    error: (event, fields, text) => logger.error({ event, ...fields }, text),
  };
}
