import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

// the module's first use in a worker compiles its code and patterns: done once, before the timed cases
for (let i = 0; i < 2; i++) compareWithCPython(["import html.entities\nreturn html.unescape('&amp;&#65;&notit;'), html.escape('<'), len(html.entities.html5), len(html.entities.entitydefs), len(html.entities.codepoint2name)"]);

/** html.escape and html.unescape, and html.entities' tables, as CPython 3.11 answers them. */
it('escapes and unescapes as CPython does', () => {
  const exprs = [
    `html.escape('<a href="x">Tom & Jerry\\'s</a>')`, `html.escape('<a href="x">\\'</a>', quote=False)`, `html.escape('')`, `html.escape('é😀&')`, `html.escape(5)`, `html.escape(b'<a>')`,
    `html.escape('a', False)`, `html.escape()`, `html.escape('a', quote=True, x=1)`, `html.escape(None)`,
    `html.unescape('&lt;p&gt;caf&eacute; &amp; &#39;x&#39; &#x27; &#X41;&#65&copy')`, `html.unescape('')`, `html.unescape('no refs')`, `html.unescape('&notit; &notin; &noti')`,
    `html.unescape('&#0;&#13;&#128;&#129;&#x9F;&#1;&#11;&#xD800;&#x110000;&#99999999999999;&#xFFFE;&#x10FFFF;&#xFDD0;&#127;&#160;')`, `html.unescape('&#' + '9' * 4301)`, `html.unescape('&#' + '9' * 4300 + ';')`,
    `html.unescape('&#x' + 'f' * 5000 + ';')`, `html.unescape('&amp')`, `html.unescape('&AMP;&AMP&Amp;')`, `html.unescape('&ampxyz;')`, `html.unescape('&' + 'a' * 40 + ';')`,
    `html.unescape('&😀; &é; & &; &#; &#x; &#xg;')`, `html.unescape('&nbsp&nbsp;')`, `html.unescape('&NotNestedGreaterGreater;&acE;&fjlig;&bne;')`, `html.unescape(5)`, `html.unescape(b'&amp;')`,
    `html.unescape([1])`, `html.unescape(['&'])`, `html.unescape(html.escape('<"é\\'>&'))`, `html.unescape('&lt' * 3)`, `html.unescape('&copy&copysr;')`, `html.unescape('&#x1F600;&#128512;')`,
  ];
  const bodies = [
    ...exprs.map((e) => `import html\nreturn ${e}`),
    `import html.entities\nreturn html.entities.name2codepoint['eacute'], html.entities.codepoint2name[233], html.entities.entitydefs['lt'], html.entities.html5['amp;'], len(html.entities.html5)`,
    `from html.entities import html5, name2codepoint, codepoint2name, entitydefs\nreturn len(html5), len(name2codepoint), len(codepoint2name), len(entitydefs), list(html5)[:5], list(name2codepoint)[-3:]`,
    `from html import escape, unescape\nreturn escape('&'), unescape('&gt;')`,
    `import html\nreturn html.entities.html5['gt;'], type(html.entities).__name__`, `import html\nclass S(str):\n    pass\nr = html.escape(S('<'))\nreturn r, type(r).__name__, type(html.unescape(S('&lt;'))).__name__, type(html.unescape(S('x'))).__name__`,
    `import html\nclass S(str):\n    def replace(self, a, b):\n        return 'own'\nreturn html.escape(S('<'))`,
    `import html\nreturn list(html.entities.html5.items())[-3:]`,
    // last: CPython's process keeps the change for the cases after it, where each condition has its own module
    `import html, html.entities as e\ne.html5['x;'] = 'y'\ne.html5['xy'] = 'z'\ndel e.html5['amp;']\nreturn 'x;' in e.html5, html.unescape('&x; &xyw &amp; &amp &lt;')`,
  ];
  expect(compareWithCPython(bodies)).toEqual([]);
});

/** Hostile inputs (huge, slow, recursive) end in the limits' errors, soon (the bound allows for a loaded machine). */
it.each([
    ["import html\nreturn len(html.unescape(('&' + 'a' * 31) * 30000))", /^(StepLimitError)/],
    ["import html\nreturn len(html.unescape('&#' + '9' * 4400 + ';'))", /^(ValueError)/],
    ["import html\nreturn len(html.escape('<&>\"' * 250000))", /^(MemoryError)/],
    ["import html\ns = '&amp;' * 100000\nfor i in range(1000):\n    s = html.unescape(s) + '&amp;' * 100000\nreturn len(s)", /^(StepLimitError|MemoryError)/],
    ["import html.entities as e\nfor i in range(10**6):\n    e.html5['amp;']\nreturn 1", /^(StepLimitError)/],
])('ends %j within the limits', (source, error) => {
  const engine = new Engine();
  const started = performance.now();
  const out = evaluator(engine, { source });
  expect(out.repr ?? out.error).toMatch(error);
  expect(performance.now() - started).toBeLessThan(1500);
});

/** Odd inputs: str subclasses, non-ASCII and odd whitespace, odd option types, codecs and error handlers. */
it('answers odd inputs as CPython does', () => {
  expect(compareWithCPython([
    `import html\nreturn html.escape('&amp;', quote=0), html.unescape('&#x0;&#xd;&#x80;&#x9f;&#xa0;'), html.unescape('&AElig&AEligx;&Aacute;x&aacute')`,
  ])).toEqual([]);
});

/** Random texts of references, near-references and markup, unescaped and escaped as CPython does. */
it('unescapes random texts as CPython does', () => {
  let seed = 3;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  const pieces = ['&', '&amp', '&amp;', '&lt', '&notin', '&notit', '&#', '&#x', '&#39', '&#x1F600;', '&#128;', '&#0', '&#xD800;', ';', 'a', ' ', '<', '>', '"', "'", 'é', '&AElig', '&copysr', '&NotNestedLessLess;', '&Xi;', '&xi', '\n'];
  const cases: string[] = [];
  for (let i = 0; i < 80; i++) {
    const text = JSON.stringify(Array.from({ length: 1 + rnd(10) }, () => pieces[rnd(pieces.length)]).join(''));
    cases.push(`import html\nreturn html.unescape(${text}), html.escape(${text}), html.escape(${text}, False)`);
  }
  expect(compareWithCPython(cases)).toEqual([]);
});
