import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommand, readTokens, type ServeOptions } from '../../src/cli/options.js';

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

describe('operating options', () => {
  const dir = mkdtempSync(join(tmpdir(), 'evaluator-options-'));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('default to JSON logs, no access log, no slow log, no TLS, no token', () => {
    expect(serve()).toMatchObject({ logFormat: 'json', accessLog: false, slowMs: 0, tlsCert: null, tlsKey: null, authTokenFile: null, authExempt: [] });
    expect(serve('--access-log', '--slow-ms', '20', '--log-format', 'text')).toMatchObject({ accessLog: true, slowMs: 20, logFormat: 'text' });
  });

  it('refuse a bad log format or slow threshold', () => {
    expect(() => serve('--log-format', 'xml')).toThrow("--log-format must be json or text, not 'xml'");
    expect(() => serve('--slow-ms', '-1')).toThrow("--slow-ms must be a whole number, not '-1'");
    expect(() => serve('--access-log=yes')).toThrow("unknown option '--access-log=yes'");
  });

  it('need both TLS files, readable, PEM, and a pair', () => {
    const cert = file('cert.pem', '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    const key = file('key.pem', '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n');
    expect(() => serve('--tls-cert', cert)).toThrow('--tls-cert needs --tls-key');
    expect(() => serve('--tls-key', key)).toThrow('--tls-key needs --tls-cert');
    expect(() => serve('--tls-cert', join(dir, 'none.pem'), '--tls-key', key)).toThrow(`--tls-cert cannot read '${join(dir, 'none.pem')}': ENOENT`);
    expect(() => serve('--tls-cert', key, '--tls-key', key)).toThrow(`--tls-cert '${key}' is not a PEM certificate`);
    expect(() => serve('--tls-cert', cert, '--tls-key', cert)).toThrow(`--tls-key '${cert}' is not a PEM private key`);
    expect(() => serve('--tls-cert', cert, '--tls-key', key)).toThrow(`--tls-cert '${cert}' and --tls-key '${key}' do not make a TLS pair`);
  });

  it('read a token file, refusing short, odd or no tokens, and exempt only GET routes', () => {
    const good = file('tokens', 'abcdefghijklmnop0123\n\n  second-token-0123456789  \n');
    expect(readTokens(good)).toEqual(['abcdefghijklmnop0123', 'second-token-0123456789']);
    expect(serve('--auth-token-file', good, '--auth-exempt', '/healthz,/metrics')).toMatchObject({ authTokenFile: good, authExempt: ['/healthz', '/metrics'] });
    expect(() => serve('--auth-token-file', file('empty', '\n \n'))).toThrow('holds no token');
    expect(() => serve('--auth-token-file', file('short', 'short\n'))).toThrow('the token on line 1 is 5 characters; at least 16 are needed');
    expect(() => serve('--auth-token-file', file('odd', 'abcdefghijklmnop qrs\n'))).toThrow('the token on line 1 has a character a Bearer token cannot hold');
    expect(() => serve('--auth-token-file', join(dir, 'missing'))).toThrow("--auth-token-file cannot read");
    expect(() => serve('--auth-exempt', '/healthz')).toThrow('--auth-exempt needs --auth-token-file');
    expect(() => serve('--auth-token-file', good, '--auth-exempt', '/eval')).toThrow("--auth-exempt: '/eval' is not one of /healthz, /readyz, /metrics, /openapi.json");
  });
});
