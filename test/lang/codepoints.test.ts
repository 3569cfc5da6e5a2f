import { describe, expect, it } from 'vitest';
import { Engine, parseJson, type Program, type PyDict } from '../../src/lang/index.js';
import { stepsTaken } from '../../src/lang/runtime/budget.js';
import { compareWithCPython } from '../support/cpython.js';
import { cpuTimed } from '../support/cpu-timed.js';

/**
 * Strings by code point, as CPython counts them: characters beyond the BMP (emoji, CJK
 * extension B, mathematical letters) are one character each, accented text as it is,
 * and lone surrogates are characters of their own.
 */
const E = "'a😀b𠀀c'";
const CASES = [
  `return len(${E})`, `return len('😀' * 100)`, `return len('é' + 'e\\u0301')`, `return len('\\ud800')`, `return len(chr(0xd800) + 'x')`,
  `return ${E}[1]`, `return ${E}[-1]`, `return ${E}[-2]`, `return ${E}[3]`, `return ${E}[5]`, `return ${E}[-6]`,
  `return ${E}[1:3]`, `return ${E}[::-1]`, `return ${E}[::2]`, `return ${E}[-3:]`, `return ${E}[1:-1:2]`, `return ('x' * 70 + '😀' + 'y')[69:72]`,
  `return list(${E})`, `return [c for c in ${E}]`, `return list(reversed(${E}))`, `return sorted(${E})`, `return tuple('😀😀')`,
  `return ord('😀')`, `return chr(0x1f600)`, `return ord(chr(0xd800))`, `return ord('😀x')`, `return ord('')`,
  `return max('\\uff01', '😀')`, `return min('\\uff01', '😀')`, `return '😀' > '\\uffff'`, `return '\\ud800' < '\\ue000'`, `return sorted(['\\ue000', '😀', 'z', '\\ud7ff', '𠀀', '\\uffff'])`,
  `return sorted(['a😀', 'a\\uff01', 'a'])`, `return ['😀'] < ['\\uffff']`, `return ('😀', 1) > ('\\ue000', 2)`, `return max(['x\\ud83d', 'x😀'])`,
  `return ${E}.find('b')`, `return ${E}.find('c')`, `return ${E}.rfind('😀')`, `return ${E}.index('𠀀')`, `return ${E}.rindex('c')`, `return ${E}.find('b', 2)`,
  `return ${E}.find('b', 3)`, `return ${E}.find('c', -2, -1)`, `return ${E}.find('c', -2)`, `return ${E}.count('')`, `return ${E}.count('', 2)`, `return ${E}.count('😀', 1, 2)`,
  `return ${E}.startswith('b', 2)`, `return ${E}.endswith('𠀀', 0, -1)`, `return ${E}.find('', 9)`, `return ${E}.find('', 5)`,
  `return '😀'.center(5, '*')`, `return '😀'.ljust(3, '𠀀')`, `return 'x'.rjust(4, '😀')`, `return '😀'.zfill(4)`, `return 'ab'.center(6, '😀😀')`,
  `return '%5s|' % '😀'`, `return '%-4s|' % '😀'`, `return '%.2s' % ${E}`, `return '%c' % 0x1f600`, `return '%c' % '😀'`, `return '%c' % 'ab'`, `return '%3c|' % '😀'`,
  `return '{:>5}'.format('😀')`, `return '{:😀^7}'.format('ab')`, `return '{:.3}'.format(${E})`, `return format('😀', '*<4')`, `return f'{"😀":^5}|{"é":3}|'`,
  `return '{:^7}'.format('𠀀𠀀')`, `return f'{"😀b":.1}'`, `return repr('\\ud800')`, `return repr(chr(0xdfff) + '😀')`, `return ascii('😀')`,
  `return json.dumps('\\ud800')`, `return json.dumps('😀')`, `return json.dumps('😀\\udc00', ensure_ascii=False) == '"😀\\udc00"'`, `return json.loads('"\\\\ud83d\\\\ude00"') == '😀'`,
  `return 'Joël élévation'[2:6]`, `return len('Joël élévation')`, `return 'a\\t😀\\tb'.expandtabs(4)`, `return '😀' in ${E}`, `return ${E}.split('𠀀')`,
  `return ${E}.partition('😀')`, `return 'x😀'.strip('x')`, `return {'😀': 1}['😀']`, `return str(${E}[1:2] == '😀')`,
  `data['t'] = '😀'\nreturn True`, `data['t'] = ['\\ud800', chr(0xdfff) + 'x']\nreturn True`, `return text[1:]`, `return str(chr(0xd800))`, `return [chr(0xd800)]`,
  `return ('a😀b\\ud800' * 3)[::-1]`, `return ('a😀b\\ud800' * 3)[1::3]`, `return ('a😀b\\ud800' * 3)[-1:-8:-2]`, `return ('中😀' * 4)[10:2:-3]`, `return 'abc'[::-1] + ''[::2]`,
  `return '\\ud800' in 'a\\ud800b'`, `return ('a' + chr(0xd800)).upper()`, `return len(json.loads('"\\\\ud800"'))`, `return '%s|' % chr(0xdc00)`, `return sorted([chr(0xdc00), '\\ue000', '😀'])`,
];

it('counts, indexes, orders and pads strings by code point, as CPython does', () => {
  expect(compareWithCPython(CASES)).toEqual([]);
});

const engine = new Engine();

const timed = (source: string): [string, number] => cpuTimed(engine, source, (_value, truthy) => String(truthy));

/**
 * Strings chosen to be slow by code point: a long text beyond the BMP read a character at a
 * time, two such texts in turns (no cached layout helps), sorting and comparing them.
 */
const HOSTILE = [
  `s = '😀a' * 300000\nn = 0\nfor i in range(100000):\n    n += s[i * 3] == 'a'\nreturn n`,
  `a = '😀' * 300000\nb = 'x😀' * 200000\nn = 0\nfor i in range(100000):\n    n += len(a) + len(b) + (a[i] == b[i])\nreturn n`,
  `a = '😀' * 300000\nb = 'x😀' * 200000\nreturn [a[-1] for _ in range(100000)] and [b[5:9] for _ in range(100000)]`,
  `s = '😀' * 500000\nreturn sorted([s, s + 'a', s[:-1]]) and max(s, s) and s.find('x') + s.count('😀') + len(s.center(999999, '𠀀'))`,
  `s = ('é😀' * 250000)\nreturn s[::-1][:3] + s[::7][:3] + '%.5s' % s + f'{s:>3}'[:2]`,
  `s = '😀' * 400000\nreturn s.replace('', '-')[:5]`,
  // two equal strings, or two that differ only at the end: JS compares them unit by unit
  `a = '😀a' * 300000\nb = '😀a' * 300000\nn = 0\nfor i in range(100000):\n    n += (a[i] == b[i])\nreturn n`,
  `a = '中' * 400000 + 'a'\nb = '中' * 400000 + 'b'\nn = 0\nfor i in range(100000):\n    n += len(a) + len(b)\nreturn n`,
  `s = '中' * 1000000\nreturn len(s[::-1]) + len(s[::2])`,
];

describe('slow strings beyond the BMP', () => {
  for (const source of HOSTILE) {
    it(`is answered or stopped within the run's budget: ${source.split('\n').slice(0, 2).join('; ')}`, () => {
      const [answer, ms] = timed(source);
      expect(answer).not.toMatch(/internal/);
      // the run budget is 50 ms of wall time; its CPU time stays below that, but for the GC's
      expect(ms).toBeLessThan(150);
    });
  }
});

describe('the table of where code points start', () => {
  // bench/instructions' 'non-BMP text' rows: each condition of a request reads the same log
  // text, and the table is kept from one run to the next, but each run pays for it as if it made it
  it('charges each run the same steps, whether an earlier run made the table or not', () => {
    const engine = new Engine();
    const stepsOf = (source: string, text: string) => {
      const log = parseJson(JSON.stringify({ Text: text })) as PyDict;
      const program = engine.compile(source, 'standard') as Program;
      return () => {
        expect(engine.runStandard(program, log, text, parseJson('{}')).truthy).toBe(true);
        return stepsTaken();
      };
    };
    const wide = stepsOf("return len(text) > 20 and text[8] == '🚀' and text[10:14] == 'DV01'", 'Antenna 🚀 DV01 moved to 𝛼=12.5° in élévation mode: ' + 'x'.repeat(3000));
    const made = wide();
    // the same string object again, its table kept: the same charge
    expect([wide(), wide()]).toEqual([made, made]);
    // and the table's walk is charged at all: a text of the same length within the BMP costs less
    const plain = stepsOf("return len(text) > 20 and text[8] == 'x' and text[10:14] == 'DV01'", 'Antenna x DV01 moved to a=12.5° in élévation mode: ' + 'x'.repeat(3002));
    expect(plain()).toBeLessThan(made - 50);
  });
});
