import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Engine, type Limits } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';
import { announceSeed } from '../support/fuzz-seed.js';

// The own engine (src/lang/runtime/re/): what V8 cannot run as sre does, against CPython.

const R = (b: string) => `import re\nreturn ${b}`;
/** Answers are what these compare: a clock roomier than the run's 50 ms keeps a loaded machine's first runs from failing them. */
const roomy = new Engine({ maxMillis: 5_000 });
/** Every group's span, lastindex and the groups of a search, or None. */
const SPANS = (pattern: string, subject: string, how = 'search', flags = '0') =>
  `import re\nm = re.${how}(${pattern}, ${subject}, ${flags})\nreturn m and ([m.span(g) for g in range(len(m.groups()) + 1)], m.lastindex, m.groups())`;

describe('constructs JavaScript lacks', () => {
  it('scoped inline flags', () => {
    expect(compareWithCPython([
      SPANS(`'(?i:ab)c'`, `'ABc ABC'`), SPANS(`'(?i:a(?-i:b))'`, `'AB Ab'`), SPANS(`'(?s:.)+.'`, `'a\\nb\\n'`), SPANS(`'(?m:^b$)'`, `'a\\nb\\nc'`),
      SPANS(`'(?x: a b # c\\n)c'`, `'abc'`), SPANS(`'(?a:\\\\w+)'`, `'é abc'`), SPANS(`'(?i)(?-i:a)A'`, `'aA AA'`), SPANS(`'(?u:\\\\w)'`, `'é'`),
      R(`re.compile('(?i-i:a)')`), R(`re.compile('(?-a:a)')`), R(`re.compile('(?L:a)')`), R(`re.compile('(?au:a)')`), R(`re.compile('(?i')`),
      R(`re.compile('(?-')`), R(`re.compile('(?-q:a)')`), R(`re.compile('(?i-:a)')`), R(`re.compile('(?iq:a)')`), R(`re.compile('a(?i:b')`),
      R(`re.compile('(?x:a b)').pattern`), R(`re.compile('(?i:a)', re.M).flags`), R(`re.compile('(?i)x(?s:y)').flags`), R(`(re.compile('(?>a)', re.A).flags, re.compile('a', re.A).flags, re.compile('(?a)(?>a)').flags)`),
    ], roomy)).toEqual([]);
  });

  it('atomic groups and possessive repeats', () => {
    expect(compareWithCPython([
      SPANS(`'(?>a+)b'`, `'aaab'`), SPANS(`'(?>a*)a'`, `'aaa'`), SPANS(`'(?>(a|ab))c'`, `'abc'`), SPANS(`'a++b'`, `'aab'`), SPANS(`'a*+a'`, `'aaa'`),
      SPANS(`'a?+a'`, `'a'`), SPANS(`'a{1,2}+a'`, `'aa'`), SPANS(`'(?:ab)*+'`, `'ababa'`), SPANS(`'(?:a|ab)++c'`, `'abc'`), SPANS(`'(a)++'`, `'aaa'`),
      SPANS(`'(?:(a)|b)*+c'`, `'abac'`), SPANS(`'x{2}+'`, `'xxx'`), SPANS(`'(?>)*'`, `'a'`), SPANS(`'(?>a|)*b'`, `'aab'`),
      R(`re.compile('a**+')`), R(`re.compile('a+++')`), R(`re.compile('(?>a')`), R(`re.findall('\\\\w++', 'ab cd')`), R(`re.sub('a*+', '-', 'baac')`),
    ], roomy)).toEqual([]);
  });

  it('conditional groups', () => {
    expect(compareWithCPython([
      SPANS(`'(a)?(?(1)b|c)'`, `'ab'`), SPANS(`'(a)?(?(1)b|c)'`, `'c'`), SPANS(`'(?P<x>a)?(?(x)b)c'`, `'abc'`), SPANS(`'(b)?c(?(1)d)'`, `'cd'`),
      SPANS(`'^(<)?\\\\w+(?(1)>)$'`, `'<a>'`), SPANS(`'^(<)?\\\\w+(?(1)>)$'`, `'<a'`), SPANS(`'(?:(a)|b)(?(1)c|d)'`, `'bd'`),
      R(`re.compile('(?(1)a|b|c)')`), R(`re.compile('(a)(?(1)a|b|c)')`), R(`re.compile('(?(2)a)(a)')`), R(`re.compile('(a)(?(2)a)')`),
      R(`re.compile('(?(x)a)')`), R(`re.compile('(?(1a)a)')`), R(`re.compile('(?(0)a)')`), R(`re.compile('(a)(?(1)a')`), R(`re.compile('(?(1')`),
    ], roomy)).toEqual([]);
  });

  it('backreferences, lookarounds and empty-match loops, as sre leaves its marks', () => {
    expect(compareWithCPython([
      SPANS(`'(?:(a)|b)*'`, `'ab'`, 'match'), SPANS(`'(a?)*'`, `'aa'`, 'match'), SPANS(`'(a|)*'`, `'aa'`, 'match'), SPANS(`'(a*)*'`, `'b'`, 'match'),
      SPANS(`'(?:)*'`, `'x'`), SPANS(`'(?:(a)|(b)|c)*'`, `'abc'`, 'match'), SPANS(`'(?:a(?=b)|a)*(?>a|)'`, `'aab'`, 'match'),
      SPANS(`'(?>(a)|b)\\\\1'`, `'ba'`), SPANS(`'(?>(a)|b)*?c(?(1)x)'`, `'abc'`), SPANS(`'(?<=a)b'`, `'b ab'`), SPANS(`'(?<!^)(?>b)'`, `'bb'`),
      SPANS(`'(?<=(a))(?>b)'`, `'ab'`), SPANS(`'(?>(\\\\w+))\\\\s\\\\1'`, `'hello hello'`), R(`re.compile('(?>(?<=a+))')`), R(`re.compile('(?<=(?>a|bc))x')`),
      R(`[m.span() for m in re.finditer('(?>x*)', 'axxb')]`), R(`re.split('(?>x*)', 'axxb')`), R(`re.findall('(?>^|a)', 'aa')`),
      R(`re.fullmatch('(?>a|ab)', 'ab')`), R(`re.match('(?>a|ab)', 'ab', re.I).lastindex`), R(`re.search('(?>(a)(b)?)', 'ab').lastindex`),
      R(`re.search('(?>a)', 'xa', pos=1) if False else re.compile('(?>a)').search('xa', 1).span()`), R(`re.compile('(?>^a)').search('aa', 1)`),
    ], roomy)).toEqual([]);
  });
});

describe("sre's rules where V8's differ", () => {
  it("re.I folds case as sre does: 'ſ', the Kelvin sign, 'ẞ', 'µ' and the rest of its extra cases", () => {
    expect(compareWithCPython([
      R(`re.match('(?i)s', 'ſ')`), R(`re.match('(?i)k', '\\u212a')`), R(`re.match('(?i)ß', 'ẞ')`), R(`re.match('(?i)µ', 'Μ')`), R(`re.findall('(?i)[a-z]+', 'ſK\\u212aİı')`),
      R(`re.findall('(?i)[^k]', 'k\\u212aK')`), R(`re.match('(?i)(.)\\\\1', '\\u212ak')`), R(`re.findall('(?i)σ', 'Σσς')`), R(`re.findall('(?i)[𐐀x]', '𐐀𐐨X')`),
      R(`re.findall('(?i)\\\\u0345', 'ιΙ\\u1fbe')`), R(`re.findall('(?ia)[a-z]', 'éÉkK\\u212a')`), R(`re.findall('(?ia)é', 'éÉ')`), R(`re.search('(?i)straße', 'STRASSE')`),
      R(`re.sub('(?i)K', '*', 'k\\u212a K')`), R(`re.findall('(?i)[\\u0100-\\u017f]', 'ĀāſS')`), R(`re.findall('(?i)ǅ', 'ǄǅǆDž')`),
      R(`re.compile('(?i)k').search('\\u212a').span()`),
    ], roomy)).toEqual([]);
  });

  it('a table of extra cases the same as CPython 3.11 has', () => {
    // the own engine's table, read back through its effect: each lowercase matches its extra cases
    const EXTRA = [0x69, 0x73, 0xb5, 0x131, 0x17f, 0x345, 0x390, 0x3b0, 0x3b2, 0x3b5, 0x3b8, 0x3b9, 0x3ba, 0x3bc, 0x3c0, 0x3c1, 0x3c2, 0x3c3, 0x3c6, 0x3d0, 0x3d1,
      0x3d5, 0x3d6, 0x3f0, 0x3f1, 0x3f5, 0x432, 0x434, 0x43e, 0x441, 0x442, 0x44a, 0x463, 0x1c80, 0x1c81, 0x1c82, 0x1c83, 0x1c84, 0x1c85, 0x1c86, 0x1c87,
      0x1c88, 0x1e61, 0x1e9b, 0x1fbe, 0x1fd3, 0x1fe3, 0xa64b, 0xfb05, 0xfb06];
    expect(compareWithCPython([
      // every character of the table, and their uppercase and lowercase, matched by each
      ...EXTRA.map((c) => `import re\ns = ''.join(sorted({x for c in ${JSON.stringify(EXTRA)} for x in (chr(c), chr(c).upper()[0], chr(c).lower()[0])}))\nreturn re.findall(chr(${c}), s, re.I), re.findall('[' + chr(${c}) + ']', s, re.I), re.findall('[^' + chr(${c}) + ']', s, re.I)`),
    ], roomy)).toEqual([]);
  });

  it('search-time cases V8 refused: a $ followed by more pattern on a subject ending in \\n, group positions, \\b beyond ASCII', () => {
    expect(compareWithCPython([
      R(`re.search(r'(a|a)*$\\n?', 'aa\\n').span()`), R(`re.search(r'(?:a|a)*$\\n', 'aaa\\n')`), R(`re.search(r'(a|a)*c', 'aac').span(1)`),
      R(`re.search(r'(a|ab)*c', 'ababc').start(1)`), R(`re.search(r'\\b(é|é)*\\b', ' éé ').span()`), R(`re.findall(r'\\b(?:\\w|é)+\\b', 'déjà vu')`),
      R(`re.search(r'(?m)(a|a)*$', 'aa\\r\\n').span()`), R(`re.findall(r'[\\W\\d]', 'a😀1 ')`), R(`re.search(r'(?:(a)|a)*\\1', 'aaaa').span(1)`), R(`re.fullmatch('(a|a)*?', 'aaa').span(1)`), R(`re.fullmatch('(a|a)*?b', 'aab').span(1)`),
    ], roomy)).toEqual([]);
  });

  it('patterns V8 could backtrack catastrophically on, once refused, answer as CPython', () => {
    expect(compareWithCPython([
      R(`re.search('(a|ab)*c', 'ababc').span(1)`), R(`re.search(r'\\d*\\d*x(?=y)', '12xy').span()`), R(`re.search('(a+)+(?=b)', 'aab').groups()`),
      R(`re.search('(?i)(a|A)*c', 'aAc').span()`), R(`re.search(r'(\\w+)\\s*\\1x', 'ab abx')`), R(`re.findall('(?=(a|a)*b)', 'aab')`),
    ], roomy)).toEqual([]);
  });
});

describe('the own engine on hostile input', () => {
  const engine = new Engine();
  const timed = (source: string, limits: Partial<Limits> = {}): [string, number] => {
    const started = performance.now();
    const out = evaluator(limits === undefined ? engine : new Engine(limits), { source });
    return [out.repr ?? out.error!, performance.now() - started];
  };

  const CATASTROPHIC = ['(?>a|a)*(a|a)*c', '(a|ab)*c(?=x)', '(?:a+)+(?<=b)', '(a*)*(?=b)', '\\d*\\d*\\d*x(?!y)', '(?i)(?:k|K)*(?:k|\\u212a)*x', '(?:(a)|a)*\\1x', '(a|a)*(?(1)c|d)'];
  const SUBJECTS = ["'a' * 30", "'a' * 10_000", "'a' * 1_000_000", "'1' * 100_000", "'k' * 100_000"];
  it.each(CATASTROPHIC)('stops %s on long hostile subjects within the budget', (pattern) => {
    for (const subject of SUBJECTS) {
      const [answer, ms] = timed(`import re\nreturn re.search(r'${pattern}', ${subject})`);
      expect(answer, subject).toMatch(/^(None|<re\.Match object|StepLimitError|MemoryError)/);
      // the run's budget is 50 ms: a loaded machine may overshoot it, never by seconds
      expect(ms, `${pattern} on ${subject}: ${answer}`).toBeLessThan(1000);
    }
  });

  it('charges its steps: the same search passes at N steps and stops at N - 1', () => {
    const source = R(`re.search('(?:a|a)*c(?=x)', 'a' * 14) is None`);
    let n = 1;
    while (timed(source, { maxSteps: n, maxMillis: 60_000 })[0] !== 'True') n *= 2;
    let lo = n / 2;
    let hi = n;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (timed(source, { maxSteps: mid, maxMillis: 60_000 })[0] === 'True') hi = mid;
      else lo = mid;
    }
    expect(timed(source, { maxSteps: hi, maxMillis: 60_000 })[0]).toBe('True');
    expect(timed(source, { maxSteps: hi - 1, maxMillis: 60_000 })[0]).toBe(`StepLimitError: condition exceeded its budget of ${hi - 1} steps`);
    // exponential in the subject: each two more characters cost far more steps
    expect(hi).toBeGreaterThan(10_000);
  });

  it('bounds its stacks by the size limit', () => {
    // every iteration of a repeat of a group keeps a context and its marks until the match ends
    const [answer] = timed(R(`re.fullmatch('(?:(a)|b)*(?>c?)', 'a' * 200_000) is None`), { maxSteps: 10_000_000, maxMillis: 60_000 });
    expect(answer).toMatch(/^MemoryError/);
    expect(timed(R(`re.fullmatch('(?:(a)|b)*(?>c?)', 'a' * 2_000).span(1)`), { maxMillis: 5_000 })[0]).toBe('(1999, 2000)');
  });

  it('deep nesting, huge repeat counts, many groups, position 0 and surrogate pairs', () => {
    expect(compareWithCPython([
      R(`re.compile('(?>' * 300 + 'a' + ')' * 300).match('a').span()`), R(`re.compile('(' * 300 + '(?>a)' + ')' * 300).match('a').span(300)`),
      R(`re.compile('(?>' * 1000 + 'a' + ')' * 1000)`), R(`re.compile('(' * 1000 + ')' * 1000)`), R(`re.compile('(' * 300 + ')' * 300).groups`), R(`re.search('(?>a{0,4294967295})b', 'aab').span()`), R(`re.search('(?>a{0,4294967295}?)b', 'aab').span()`),
      R(`re.compile('(?>a{4294967295})')`), R(`re.search('(?>' + '(a)' * 1000 + ')', 'a' * 1000).span(999)`), R(`re.search('(?<=a)(?>b)', 'b')`),
      R(`re.search('(?<!a)(?>b)', 'b').span()`), R(`re.search('(?>😀+)(.)', 'x😀😀y').span(1)`), R(`re.findall('(?>[😀-🙏])', 'a😀🙏b')`),
      R(`re.search('(?i)(?>\\U00010400)', '\\U00010428').span()`), R(`re.sub('(?>x*)', '-', 'a😀b')`), R(`re.split('(?>😀)', 'a😀b😀')`),
      R(`re.search('(?>' + 'a?' * 30 + ')' + 'a' * 30, 'a' * 30).span()`), R(`re.search('(?>(a?)*)*b', 'aab').span(1)`),
    ], roomy)).toEqual([]);
  });
});

describe('random patterns against CPython', () => {
  const seed = announceSeed('regex-own-engine');
  const atom = fc.constantFrom('a', 'b', 'ab', '.', '[ab]', '[^a]', '\\w', '\\s', '\\d', 'ſ', 'K', 's', '\\b', '^', '$', '(?i:s)', '(?<=a)', '(?<!b)');
  const pattern: fc.Arbitrary<string> = fc.letrec<{ re: string }>((tie) => ({
    re: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      atom,
      fc.tuple(tie('re'), tie('re')).map(([a, b]) => a + b),
      tie('re').map((a) => `(${a})`),
      fc.tuple(tie('re'), tie('re')).map(([a, b]) => `(?:${a}|${b})`),
      fc.tuple(tie('re'), fc.constantFrom('*', '+', '?', '*?', '+?', '??', '{1,2}', '{0,2}?', '*+', '++', '?+')).map(([a, q]) => `(?:${a})${q}`),
      tie('re').map((a) => `(?>${a})`),
      tie('re').map((a) => `(?=${a})`),
      tie('re').map((a) => `(?!${a})`),
      fc.tuple(tie('re'), tie('re')).map(([a, b]) => `(a)?(?(1)${a}|${b})`),
      tie('re').map((a) => `(?i:${a})`),
    ),
  })).re;
  const subject = fc.array(fc.constantFrom('a', 'b', 's', 'ſ', 'K', ' ', '\n', '😀'), { maxLength: 8 }).map((cs) => cs.join(''));
  it('gives every group the span CPython gives it (seeded)', () => {
    const cases = fc.sample(fc.tuple(pattern, subject, fc.constantFrom('search', 'match', 'fullmatch'), fc.constantFrom('0', 're.I', 're.M', 're.S', 're.A')), { seed, numRuns: 600 });
    const sources = cases.map(([p, s, how, flags]) => `import re\ntry:\n    p = re.compile(${JSON.stringify(p)}, ${flags})\nexcept re.error:\n    return 'error'\nm = getattr(p, '${how}')(${JSON.stringify(s)})\nreturn m and [m.span(g) for g in range(p.groups + 1)]`);
    expect(compareWithCPython(sources, roomy)).toEqual([]);
  });
});
