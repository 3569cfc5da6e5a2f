import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { getattr } from '../../src/lang/runtime/attributes.js';
import { callValue } from '../../src/lang/runtime/call.js';
import { compilePattern } from '../../src/lang/runtime/re.js';
import { repr } from '../../src/lang/runtime/repr.js';
import type { Py } from '../../src/lang/runtime/values.js';
import { clockLifted, compareWithCPython, evaluator } from '../support/cpython.js';

// CPython 3.11's Unicode is 14.0, V8's 17: every code point through str's Unicode tests and case
// mappings, repr, and re's \w and \d on both of the engine's spellings (units within the BMP,
// code points beyond it) and on the own engine, against CPython.

const python = (script: string) => execFileSync('python3', ['-c', script], { encoding: 'utf8', maxBuffer: 1 << 29, env: { ...process.env, PYTHONIOENCODING: 'utf-8' } });
const call = (obj: Py, name: string, ...args: Py[]): Py => callValue(getattr(obj, name), args, null);
const ALL = [...Array(0x110000).keys()];

const PREDICATES = ['isalpha', 'isalnum', 'isdecimal', 'isdigit', 'isnumeric', 'isprintable', 'isidentifier', 'isupper', 'islower', 'istitle'];
const MAPPINGS = ['upper', 'lower', 'casefold', 'title', 'swapcase', 'capitalize'];

describe("Unicode 14.0, CPython 3.11's", () => {
  new Engine(); // the regular expression engines' flags and tables

  it("answers str's tests, case mappings and repr for every code point as CPython does", () => {
    const script = `import json
preds = ${JSON.stringify(PREDICATES)}
maps = ${JSON.stringify(MAPPINGS)}
out = {'flags': ''.join(chr(48 + sum(1 << k for k, p in enumerate(preds) if getattr(chr(c), p)()) // 32) + chr(48 + sum(1 << k for k, p in enumerate(preds) if getattr(chr(c), p)()) % 32) for c in range(0x110000))}
for m in maps:
    out[m] = {c: getattr(chr(c), m)() for c in range(0x110000) if getattr(chr(c), m)() != chr(c)}
out['repr'] = {c: repr(chr(c)) for c in range(0x110000) if repr(chr(c)) != "'" + chr(c) + "'"}
print(json.dumps(out))`;
    const want = JSON.parse(python(script)) as Record<string, Record<string, string>> & { flags: string };
    const wrong: string[] = [];
    for (const c of ALL) {
      const ch = String.fromCodePoint(c);
      const code = (want.flags.charCodeAt(2 * c) - 48) * 32 + want.flags.charCodeAt(2 * c + 1) - 48;
      PREDICATES.forEach((p, k) => {
        if (call(ch, p) !== ((code >> k) & 1) > 0 && wrong.length < 20) wrong.push(`chr(0x${c.toString(16)}).${p}()`);
      });
      for (const m of MAPPINGS) if (call(ch, m) !== (want[m][c] ?? ch) && wrong.length < 20) wrong.push(`chr(0x${c.toString(16)}).${m}()`);
      if (repr(ch) !== (want.repr[c] ?? `'${ch}'`) && wrong.length < 20) wrong.push(`repr(chr(0x${c.toString(16)}))`);
    }
    expect(wrong).toEqual([]);
  }, 300_000);

  it("finds \\w, \\W, \\d and \\D, alone and in sets, on V8's two spellings and the own engine, as sre does", () => {
    const PATTERNS = ['\\w', '\\W', '\\d', '\\D', '[\\w.]', '[\\W5]', '[^\\d]', '(?i)\\w', '(?>\\w)', '(?>\\D)', '\\w\\b', '\\B\\W'];
    // within the BMP (units), the BMP again with one character beyond it (code points), then each plane beyond
    const texts = [ALL.filter((c) => c < 0x10000 && (c < 0xd800 || c > 0xdfff)), [...ALL.filter((c) => c < 0x10000 && (c < 0xd800 || c > 0xdfff)), 0x10000]];
    for (let plane = 1; plane < 17; plane++) texts.push(ALL.slice(plane * 0x10000, (plane + 1) * 0x10000));
    const script = `import json, re, sys
texts = [''.join(map(chr, t)) for t in json.load(sys.stdin)]
print(json.dumps([[''.join(re.findall(p, t)) for t in texts] for p in ${JSON.stringify(PATTERNS)}]))`;
    const want = JSON.parse(execFileSync('python3', ['-c', script], { input: JSON.stringify(texts), encoding: 'utf8', maxBuffer: 1 << 29 })) as string[][];
    const wrong: string[] = [];
    PATTERNS.forEach((p, i) => {
      const compiled = compilePattern(p);
      texts.forEach((t, k) => {
        const got = (call(compiled, 'findall', String.fromCodePoint(...t)) as string[]).join('');
        if (got !== want[i][k]) {
          const g = [...got];
          const w = [...want[i][k]];
          const at = g.findIndex((ch, j) => ch !== w[j]);
          wrong.push(`${p} on text ${k}: at ${at}, ${JSON.stringify(g[at] ?? 'end')} where CPython finds ${JSON.stringify(w[at] ?? 'end')}`);
        }
      });
    });
    expect(wrong).toEqual([]);
  }, 300_000);

  it('keeps a final sigma next to a letter whose case came later, matches none of them under re.I, and the tokenizer takes no identifier 14.0 lacks', () => {
    expect(
      compareWithCPython([
        "return ['ƛΣ'.lower(), 'ΑΣƛ'.lower(), 'ΑΣ\\U00010d50'.lower(), 'ΑΣ\\U00010d50Σ'.lower(), 'ƛΣƛ'.upper(), 'aƛ\\U00010d70b'.upper(), 'ƛσ'.capitalize(), 'Σƛ'.swapcase()]",
        'return [s.isidentifier() for s in ["\\u088f", "a\\u0897", "x\\U00011f00"]]',
        'return "\\U0001fae8 \\U0001f600 \\U00031350"',
        "return '{:\\U0001fae8^5}'.format('a')",
        'return [int("\\U00011f51"), int("١")]',
        'return float("\\U00011f51")',
        'import decimal\nreturn decimal.Decimal("\\U0001e4f1")',
        'import re\nreturn re.sub(r"\\b", "|", "a\\U00031350b \\U0001e4f1 \\u0c5c")',
        // re.I: V8 pairs these, 14.0 has them caseless or unassigned
        "import re\nreturn [re.findall('(?i)[\\u019b\\u0264\\ua7d3\\ua7d5\\U00010d50-\\U00010d65]', '\\ua7dc\\ua7cb\\ua7d2\\ua7d4\\U00010d70\\U00010d85'), bool(re.match('(?i)\\u019b', '\\ua7dc')), bool(re.search('(?i)\\U00010d50', 'x\\U00010d70'))]",
      ]),
    ).toEqual([]);
  });

  // mapped apart between each two such letters: 150-190 ms of a worker's time for a million characters, had the pieces not been steps
  it('pays the pieces of a text mapped around such letters as steps', () => {
    // the clock lifted: on a machine twice as slow the 50 ms clock ran out before the steps did
    const out = evaluator(clockLifted(), { source: "s = '\\u019b\\u03a3' * 499999\nreturn len(s.lower())", data: {} });
    expect(out.error).toMatch(/^StepLimitError: condition exceeded its budget of \d+ steps/);
  });
});
