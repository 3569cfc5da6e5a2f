import { describe, expect, it } from 'vitest';
import { ConditionError, Engine, PyDict, PyException, describeException, parseJson } from '../../src/lang/index.js';
import { compareWithCPython } from '../support/cpython.js';
import { cpuTimed } from '../support/cpu-timed.js';

/**
 * Regular expressions on str patterns are Unicode, as Python's re: \d is Unicode's Nd, \w
 * str.isalnum() or '_', \s str.isspace(), \b between them; re.A makes them ASCII; a character
 * beyond the BMP is one character, and positions count code points.
 */
const R = (body: string) => `import re\nreturn ${body}`;
const CASES = [
  R(`re.findall(r'\\w+', 'Joël élévation')`), R(`re.findall(r'\\w+', 'Joël élévation', re.A)`), R(`re.findall(r'(?a)\\w+', 'Joël')`),
  R(`re.findall(r'\\d+', 'x ١٢٣ ٤ 45 ５６')`), R(`re.findall(r'\\d', '²³')`), R(`re.findall(r'\\D+', 'a١b')`), R(`re.sub(r'\\s+', '_', 'a\\u00a0b\\u2003c\\x1cd\\x85e\\u200bf')`),
  R(`re.sub(r'\\S', '.', 'a\\u00a0b\\u3000ç')`), R(`re.findall(r'\\b\\w', 'Joël élévation naïve')`), R(`re.findall(r'\\B\\w', 'ça va')`), R(`re.findall(r'\\w+\\b', 'Ünïcödé ok')`),
  R(`re.sub(r'[^\\x00-\\x7f]', '?', '🚀')`), R(`re.sub(r'[^\\x00-\\x7f]', '?', 'é🚀x😀')`), R(`re.findall(r'.', 'a😀b')`), R(`re.findall(r'\\W', '🚀 a')`), R(`re.findall(r'\\w', '𝐀𝟎b')`),
  R(`re.search(r'b', 'a😀b').span()`), R(`re.search(r'(b)', 'a😀b').span(1)`), R(`re.search(r'b', 'a😀b').start()`), R(`repr(re.search(r'c', '😀😀c'))`), R(`re.compile('b').search('😀ab', 2).start()`),
  R(`[m.span() for m in re.finditer(r'', '😀a')]`), R(`re.sub(r'', '-', '😀é')`), R(`re.split(r'\\W+', 'Joël, 🚀 élan!')`), R(`re.findall(r'[\\w-]+', 'a-é-😀-𝐀')`), R(`re.findall(r'[^\\w ]', 'a é ! ¿')`),
  R(`re.findall(r'[\\d.]+', 'v١.٢ and 3.4')`), R(`re.findall(r'[\\s,]+', 'a,\\u00a0b')`), R(`re.findall(r'[^\\s]+', 'é\\u2003ü')`), R(`re.findall(r'[^\\W]+', 'Joël!')`), R(`re.findall(r'[\\S]+', 'ö ü')`),
  R(`re.fullmatch(r'\\w+', 'élève') is not None`), R(`re.match(r'\\w+', 'ÉLÈVE', re.I).group()`), R(`re.findall(r'é', 'ÉéE', re.I)`), R(`re.findall(r'[a-z]+', 'Straße', re.I)`),
  R(`re.findall(r'\\s', '\\x1c\\x1f\\t')`), R(`re.findall(r'\\s', '\\x1c\\x1f\\t', re.A)`), R(`re.findall(r'[\\S]', '\\x1c a', re.A)`), R(`re.findall(r'\\S+', '\\x1ca b\\x1f')`),
  R(`re.findall(r'[a\\-z]', 'a-z b')`), R(`re.findall(r'a{,2}}', 'aaa}')`), R(`re.findall(r'x]', 'x]')`), R(`re.findall(r'\\U0001F680+', '🚀🚀x')`), R(`re.findall(r'[😀-🙏]', 'a😀🙂b')`),
  R(`re.search(r'(\\w+)\\s(\\w+)', 'día más').groups()`), R(`re.search(r'(?P<w>\\w+)', '  ñandú').span('w')`), R(`re.search(r'\\w+$', 'él\\n').group()`), R(`re.match(r'.*', '😀\\n😀').end()`),
  R(`len(re.findall(r'\\w', ''.join(chr(c) for c in range(0x100, 0x800))))`), R(`len(re.findall(r'\\d', ''.join(chr(c) for c in range(0x600, 0x10000, 16))))`),
  R(`re.findall(r'\\s', ''.join(chr(c) for c in range(0, 0x3001, 3)))`), R(`re.findall(r'[\\x80-\\U0010ffff]+', 'aéb')`), R(`re.findall(r'[\\U0001F600-\\U0001F64F]', 'a😀b')`),
  R(`re.findall(r'\\\\b', 'x\\\\by é')`), R(`re.findall(r'\\bé', 'é aé')`), R(`re.findall(r'(?a)\\b\\w+', 'é aé')`), R(`re.findall(r'😀+|a', 'x😀😀a')`), R(`re.findall(r'\\b\\w+\\s+\\w+\\b', 'élan vital, ça va')`), R(`re.findall(r'(\\w+)\\s+(\\d+)', 'é😀 ab ١٢')`), R(`re.findall(r'\\S+\\s+\\S+', 'é😀 x\\x85y\\ufeffz')`), R(`re.findall(r'(?:😀b)+', '😀b😀bc')`), R(`re.findall(r'\\U0001F600{2}', '😀😀😀')`), R(`re.compile(r'\\w').search('😀b').endpos`),
];

it('reads str patterns as Unicode, as Python re does', () => {
  expect(compareWithCPython(CASES)).toEqual([]);
});

const engine = new Engine();

/** The answer's first words and the time it took, one run. */
function timed(source: string): [string, number] {
  const started = performance.now();
  const program = engine.compile(source, 'standard');
  if (program instanceof ConditionError) return [`SyntaxError: ${program.message}`, performance.now() - started];
  try {
    return [String(engine.runStandard(program, parseJson('{"Text": ""}') as PyDict, '', new PyDict()).truthy), performance.now() - started];
  } catch (e) {
    if (e instanceof PyException) return [describeException(e), performance.now() - started];
    throw e;
  }
}

/**
 * Catastrophic patterns on subjects beyond ASCII and beyond the BMP, where the Unicode \b
 * and the u flag leave only the backtracking engine: refused or stopped, never slow.
 */
const HOSTILE = [
  [`(\\w|\\d)+!`, `'é' * 30`], [`(\\w+\\s?)+$`, `'é' * 30 + '!'`], [`\\b(a|a)*c`, `'é ' + 'a' * 40`], [`(.|a)*c`, `'a' * 40 + '😀'`],
  [`.*x`, `'😀' * 300000`], [`(\\w+)+\\b!`, `'ß' * 40`], [`(?:\\W|\\s)*x`, `'\\u00a0' * 40 + '😀'`], [`\\b\\w+\\b`, `'é' * 500000`],
  [`(\\d+)*x`, `'١' * 40 + '😀'`], [`[\\w😀]*[^\\w]`, `'😀a' * 100000`], [`(?:a|\\w)*$`, `'a' * 40 + 'é\\n'`], [`\\S+\\s+\\S+x`, `'é ' * 100000`],
];

describe('hostile patterns beyond ASCII', () => {
  for (const [pattern, subject] of HOSTILE) {
    it(`re.search(r'${pattern}', ${subject.slice(0, 20)}) is answered quickly`, () => {
      const source = `import re\ns = ${subject}\nreturn re.search(r'${pattern}', s) is None`;
      timed(source);
      const [answer, ms] = timed(source);
      expect(answer).toMatch(/^(?:true|false|StepLimitError)/);
      // the run budget is 50 ms; under the machine's load a run may overshoot it a little
      expect(ms).toBeLessThan(150);
    });
  }
});

it('pays for the Unicode sets of a long pattern before compiling them', () => {
  // 1,000 \w spelt out are 5 MB of expression within the BMP, and 1,000 Unicode properties under the u flag: 60-170 ms to compile unpaid
  for (const subject of [`'é' * 10`, `'😀' * 10`]) {
    const source = `import re\nfor i in range(20):\n    re.search(r'\\w' * 1000 + str(i), ${subject})\nreturn True`;
    // CPU time: a loaded machine stretches the wall time of a 20 ms run past 50 ms
    const [answer, ms] = cpuTimed(engine, source, (_v, truthy) => String(truthy));
    expect(answer).toMatch(/^StepLimitError/);
    expect(ms).toBeLessThan(50);
  }
});

/** A character beyond the BMP in a pattern, or in the subject, as sre reads code points: a repeat takes the whole character, a set's never matches U+FFFF, no match starts between a pair's halves, a repeated lookaround is sre's. */
it('reads characters beyond the BMP in patterns and subjects as whole code points, as sre does', () => {
  expect(compareWithCPython([
    "import re\nr = []\nfor f in [lambda: re.search('a\ud83d\ude00?', 'ab'), lambda: re.search('a\ud83d\ude00{0,1}b', 'ab'), lambda: re.findall('\ud83d\ude00*', 'ab'), lambda: re.sub('x\ud83d\ude00?', '-', 'xy'), lambda: re.search('a\\\\U0001F600?', 'ab'), lambda: re.findall('a\ud83d\ude00+', 'a\ud83d\ude00\ud83d\ude00 a'), lambda: re.findall('a\ud83d\ude00+', 'ab a\ud83d\ude00\ud83d\ude00')]:\n    try:\n        m = f()\n        r.append(m.span() if isinstance(m, re.Match) else m)\n    except Exception as e:\n        r.append((type(e).__name__, str(e)))\nreturn r\n",
    "import re\nr = []\nfor f in [lambda: re.search(r'[\ud83d\ude00]', '\\uffff'), lambda: re.search(r'[^\ud83d\ude00]', '\\uffff'), lambda: re.search(r'[\ud83d\ude00-\ud83d\ude4f]', '\\uffff'), lambda: re.search(r'(?i)[\ud83d\ude00]', '\\uffff'), lambda: re.findall(r'[a-\ud83d\ude00]', 'b\\uffff')]:\n    try:\n        m = f()\n        r.append(m.span() if isinstance(m, re.Match) else m)\n    except Exception as e:\n        r.append((type(e).__name__, str(e)))\nreturn r\n",
    "import re\nr = []\nfor f in [lambda: re.findall(r'\\B', '\ud835\udefc'), lambda: re.sub(r'\\B', '-', '\ud835\udefc\ud83d\ude00'), lambda: [m.span() for m in re.finditer(r'\\B', 'a\ud83d\ude00b')], lambda: [m.span() for m in re.finditer(r'\\B', '\ud835\udefc\ud835\udefc')], lambda: re.findall(r'(?a)\\B', 'a\ud83d\ude00b'), lambda: re.sub('(?<!b)', '-', 'b\ud83d\ude00'), lambda: re.findall('(?<!b)', 'b\ud83d\ude00'), lambda: re.split(r'\\b', '\u00e9\ud83d\ude00 a')]:\n    try:\n        m = f()\n        r.append(m.span() if isinstance(m, re.Match) else m)\n    except Exception as e:\n        r.append((type(e).__name__, str(e)))\nreturn r\n",
    "import re\nr = []\nfor f in [lambda: re.match(r'(?<=a)?b', 'b'), lambda: re.findall('(?<=a)?', 'ab'), lambda: re.match(r'(?=a)?\ud83d\ude00', '\ud83d\ude00'), lambda: re.findall('(?!b)??\ud83d\ude00', 'a\ud83d\ude00'), lambda: re.match(r'(?<!b)*c', 'c')]:\n    try:\n        m = f()\n        r.append(m.span() if isinstance(m, re.Match) else m)\n    except Exception as e:\n        r.append((type(e).__name__, str(e)))\nreturn r\n",
  ])).toEqual([]);
});
