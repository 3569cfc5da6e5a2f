import { describe, expect, it } from 'vitest';
import { parseCommand, type ServeOptions } from '../../src/cli/options.js';

const serve = (...argv: string[]): ServeOptions => {
  const command = parseCommand(argv, {});
  if (command.kind !== 'serve') throw new Error(command.kind);
  return command.options;
};

describe('process options', () => {
  it('default to a 1024 MiB heap, a 128 MiB cache and a 2 s stall timeout', () => {
    expect(serve()).toMatchObject({ workerMemory: 1024, cacheBytes: 128 * 2 ** 20, stallTimeout: 2000 });
  });

  it('keep the default cache to a quarter of a smaller heap', () => {
    expect(serve('--worker-memory', '256').cacheBytes).toBe(64 * 2 ** 20);
    expect(serve('--worker-memory', '256', '--cache-bytes', '200MiB').cacheBytes).toBe(200 * 2 ** 20);
  });

  it('refuse values out of range', () => {
    expect(() => serve('--worker-memory', '63')).toThrow('--worker-memory must be between 64 and 1048576, not 63');
    expect(() => serve('--stall-timeout', '499')).toThrow('--stall-timeout must be between 500 and 600000, not 499');
    expect(() => serve('--cache-bytes', 'lots')).toThrow("--cache-bytes must be a size such as 1MiB, 512KiB or 65536, not 'lots'");
  });
});

describe('the request budget', () => {
  it('defaults to 1 s, below the 2 s stall timeout', () => {
    expect(serve()).toMatchObject({ requestBudget: 1000, stallTimeout: 2000 });
  });

  it('must stay below the stall timeout, or the watchdog would kill the worker of a slow request', () => {
    expect(serve('--request-budget', '1999').requestBudget).toBe(1999);
    expect(() => serve('--request-budget', '2000')).toThrow('--request-budget (2000 ms) must be below --stall-timeout (2000 ms), or the watchdog kills the worker of a slow request');
    expect(serve('--request-budget', '5000', '--stall-timeout', '10000').requestBudget).toBe(5000);
  });
});

describe('subcommands', () => {
  it('give check its own arguments, before any server option is read', () => {
    expect(parseCommand(['check', '--format', 'json', 'a.py'], { PORT: 'nonsense' })).toEqual({ kind: 'check', args: ['--format', 'json', 'a.py'] });
  });
});
