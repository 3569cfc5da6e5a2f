import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandFor, targets } from '../support/server.js';
import { SHARED } from '../support/shared.js';

const ORIGINAL = join(SHARED, 'fixtures/original');

/** A condition file's text, each condition's broken place marked by the first character after '⟨' (removed). */
function marked(text: string): { text: string; places: { line: number; column: number }[] } {
  const places: { line: number; column: number }[] = [];
  const lines = text.split('\n').map((line, i) => {
    let out = line;
    for (let at = out.indexOf('⟨'); at >= 0; at = out.indexOf('⟨')) {
      out = out.slice(0, at) + out.slice(at + 1);
      places.push({ line: i + 1, column: at + 1 });
    }
    return out;
  });
  return { text: lines.join('\n'), places };
}

describe.each(targets())('evaluator check (%s, no server)', (target) => {
  const dir = mkdtempSync(join(tmpdir(), 'evaluator-check-'));
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const check = (...args: string[]) => {
    const cmd = commandFor(target, ['check', ...args]);
    const r = spawnSync(cmd.command, cmd.args, { env: cmd.env, encoding: 'utf8', timeout: 20_000 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const positions = (stdout: string, file: string) => [...stdout.matchAll(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+):(\\d+): `, 'gm'))].map((m) => ({ line: Number(m[1]), column: Number(m[2]) }));

  it('reports nothing on the real conditions of ../shared/fixtures/original', () => {
    const files = readdirSync(ORIGINAL).map((f) => join(ORIGINAL, f));
    expect(files.length).toBeGreaterThan(0);
    const r = check(...files);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`evaluator check: 201 conditions in ${files.length} files, no problems\n`);
    expect(r.status).toBe(0);
  });

  it('points into a JSON file at the line and column of the broken place, through its escapes', () => {
    // the text decodes \", \\, \n, \t and \u00e9 to one character each: the column counts them as written
    const { text, places } = marked(`[
  {"type": "Standard", "numeration": 0, "text": "return 'park' in text"},
  {"type": "Standard", "numeration": 1, "text": "x = \\"\\u00e9\\\\\\t\\"\\nreturn x +⟨* 2"},
  {"type": "Timed", "numeration": 2, "text": "if x⟨\\n    return 1", "timeRange": 5},
  ⟨{"type": "Timed", "numeration": 3, "text": "return True"},
  {"type": "Standard", "numeration": 4, "text": ⟨7}
]`);
    const file = write('rules.json', text);
    const r = check(file);
    expect(r.status).toBe(1);
    expect(positions(r.stdout, file)).toEqual(places);
    expect(r.stdout).toContain(`${file}:3:${places[0].column}: SyntaxError: `);
    // the caret excerpt: the condition's line, decoded, with the caret under the place
    expect(r.stdout).toContain('    return x +* 2\n              ^\n');
    expect(r.stdout).toContain(`${file}:5:3: KeyError: 'timeRange'`);
    expect(r.stdout).toContain(`${file}:6:${places[3].column}: TypeError: condition text must be str, not int`);
  });

  it('points into NDJSON bodies and plain .py files', () => {
    const body = (cond: string) => JSON.stringify({ payload: { log: { Text: 'a' }, conditions: [{ type: 'Standard', numeration: 0, text: cond }], context: {} } });
    const launch = (cond: string) => JSON.stringify({ payload: { log: { Text: 'a' }, launchCondition: cond } });
    const lines = [body('return True'), '', body('return (1,\n  2]'), launch("launch({'a': 1})"), launch('import os')];
    const ndjson = write('bodies.ndjson', lines.join('\n') + '\n');
    const py = write('cond.py', "if 'park' in text:\n    return log['Thread'] ==\n");
    const r = check(ndjson, py);
    expect(r.status).toBe(1);
    const at = (line: number, needle: string) => ({ line, column: lines[line - 1].indexOf(needle) + 1 });
    expect(positions(r.stdout, ndjson)).toEqual([at(3, ']'), at(5, 'os')]);
    expect(r.stdout).toContain("UnsupportedError: no module named 'os'");
    // the newline after '==' is where an expression was expected
    expect(positions(r.stdout, py)).toEqual([{ line: 2, column: 28 }]);
    expect(r.stderr).toBe('evaluator check: 5 conditions in 2 files, 3 problems\n');
  });

  it('reports as JSON with --format json', () => {
    const py = write('json.py', 'return (1 +* 2)\n');
    const r = check('--format', 'json', py);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual([{ file: py, line: 1, column: 12, type: 'SyntaxError', message: "invalid syntax: unexpected '*'", excerpt: 'return (1 +* 2)\n           ^' }]);
  });

  it('runs each condition on sample logs with --log and reports the errors they raise', () => {
    const rules = write('runtime.json', JSON.stringify([
      { type: 'Standard', numeration: 0, text: "return log['Thread'] == 'T-1'" },
      { type: 'Standard', numeration: 1, text: 'return int(text) > 2' },
    ]));
    const logs = write('logs.ndjson', [
      JSON.stringify({ Text: '5', Thread: 'T-1' }),
      JSON.stringify({ payload: { log: { Text: 'x', Thread: 'T-2' }, context: {} } }),
      JSON.stringify({ Text: '7' }),
      '[1]',
    ].join('\n'));
    const r = check(rules, '--log', logs);
    expect(r.status).toBe(1);
    const column = (needle: string) => readFileSync(rules, 'utf8').indexOf(needle) + 1;
    expect(r.stdout).toBe([
      `${rules}:1:${column("return log['Thread']")}: KeyError: 'Thread' (on 1 of 3 sample logs; the first: ${logs}:3)\n`,
      `${rules}:1:${column('return int')}: ValueError: invalid literal for int() with base 10: 'x' (on 1 of 3 sample logs; the first: ${logs}:2)\n`,
      `${logs}:4:1: FormatError: expected a log record or an /eval or /eval-launch body, not list\n    [1]\n    ^\n`,
    ].join(''));
  });

  it('says where a file stops being UTF-8: the line and column of its first bad byte', () => {
    // a BOM, a character of each UTF-8 length, a U+FFFD the file holds, then a truncated sequence
    const bytes = Buffer.concat([Buffer.from('\ufeffx = "é€😀\ufffd"\r\ny = 2\n\treturn "ab', 'utf8'), Buffer.from([0xe2, 0x82]), Buffer.from('"\n')]);
    const bad = write('late.py', bytes as unknown as string);
    const r = check(bad);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${bad}:3:12: FileError: file is not valid UTF-8 (first bad byte at offset ${bytes.indexOf(0xe2, 20)})`);
  });

  it('cuts the excerpt of a long line to the part around the caret', () => {
    const long = write('long.py', `x = '${'a'.repeat(80_000)}' + $ + 1`);
    const r = check(long);
    expect(r.status).toBe(1);
    const [head, text, caret] = r.stdout.split('\n');
    expect(head).toMatch(/^\S+long\.py:1:80010: SyntaxError: /);
    expect(text.length).toBeLessThan(120);
    expect(text).toMatch(/^ {4}\.\.\.a+' \+ \$ \+ 1$/);
    // the caret stays under the place
    expect(text[caret.indexOf('^')]).toBe('$');
  });

  it('stops quietly when its output is closed early, as by | head', () => {
    const many = write('many.ndjson', Array.from({ length: 3000 }, (_, i) => JSON.stringify({ payload: { launchCondition: `return ${i} +` } })).join('\n'));
    const cmd = commandFor(target, ['check', many]);
    const quoted = [cmd.command, ...cmd.args].map((a) => `'${a}'`).join(' ');
    const r = spawnSync('sh', ['-c', `${quoted} | head -n 1`], { env: { ...cmd.env, PATH: process.env.PATH }, encoding: 'utf8', timeout: 20_000 });
    expect(r.stdout).toMatch(/many\.ndjson:1:\d+: SyntaxError/);
    expect(r.stderr).not.toMatch(/EPIPE|node:events/);
  });

  it('refuses what is not a rule file, clearly, and a usage error with status 2', () => {
    const deep = write('deep.json', '['.repeat(100_000) + ']'.repeat(100_000));
    const big = write('big.ndjson', '');
    truncateSync(big, 65 * 2 ** 20);
    const bad = write('bad.py', Buffer.from([0x72, 0x65, 0xff]) as unknown as string);
    const other = write('rules.yaml', 'a: 1');
    const r = check(deep, big, bad, other, join(dir, 'absent.py'));
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${deep}:1:513: JSONDecodeError: Nesting deeper than 512 levels`);
    expect(r.stdout).toContain(`${big}:1:1: FileError: file is over 67108864 bytes`);
    expect(r.stdout).toContain(`${bad}:1:3: FileError: file is not valid UTF-8 (first bad byte at offset 2)`);
    expect(r.stdout).toContain(`${other}:1:1: FileError: unknown kind of file '.yaml'`);
    expect(r.stdout).toContain(`${join(dir, 'absent.py')}:1:1: FileError: cannot read the file: ENOENT`);
    expect(check().status).toBe(2);
    const usage = check('--format', 'xml', deep);
    expect([usage.status, usage.stderr]).toEqual([2, "evaluator: check: --format must be text or json, not 'xml'\n"]);
    expect(check('--help').stdout).toMatch(/^Usage: evaluator check/);
  });
});
