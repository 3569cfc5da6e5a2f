import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { DEFAULTS, encodeState } from '../../src/playground/state.js';
import { startServer, type Server } from '../support/server.js';

/** Screenshots of each step, kept by CI as artifacts (gitignored). */
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

/** Where the error marker is: 1-based line and column of its first character, and its text. */
const MARKER = `(() => {
  const mark = document.querySelector('.cm-lintRange-error');
  if (mark === null) return null;
  const line = mark.closest('.cm-line');
  const range = document.createRange();
  range.setStart(line, 0);
  range.setEndBefore(mark);
  return { line: [...document.querySelectorAll('.cm-line')].indexOf(line) + 1, column: range.toString().length + 1, text: mark.textContent };
})()`;

describe('the playground at GET /, in Chromium', () => {
  let server: Server;
  let browser: BrowserContext;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startServer('bundle');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const open = async (url: string): Promise<Page> => {
    const page = await browser.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    await page.goto(url);
    await page.locator('#check', { hasText: 'compiles' }).waitFor();
    return page;
  };
  /** Replaces the editor's text; insertText, since typed brackets and quotes would be closed by the editor. */
  const setCondition = async (page: Page, text: string) => {
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(text);
  };
  const condition = async (page: Page) => (await page.locator('.cm-line').allTextContents()).join('\n');

  it('underlines a broken condition where the evaluator finds the error, runs the fixed one, and keeps it all in the link', async () => {
    const page = await open(server.url + '/');

    // typed key by key, as a person would (no brackets or quotes, which the editor closes by itself)
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('x = 1\nreturn x +* 2', { delay: 5 });
    await page.locator('.cm-lintRange-error').waitFor();
    expect(await page.evaluate(MARKER)).toEqual({ line: 2, column: 11, text: '*' });
    await expect.poll(() => page.locator('#check').textContent()).toBe("SyntaxError: invalid syntax: unexpected '*' (line 2, column 11)");
    await page.screenshot({ path: ARTIFACTS + 'playground-1-error.png' });

    await setCondition(page, "data['seen'] = data.get('seen', 0) + 1\nfor i in range(3):\n    pass\nreturn 'Waiting' in text");
    await page.locator('#check', { hasText: 'compiles' }).waitFor();
    expect(await page.locator('.cm-lintRange-error').count()).toBe(0);

    await page.click('#run');
    await page.locator('#verdict', { hasText: 'true' }).waitFor();
    expect(await page.locator('#value').textContent()).toBe('True');
    expect(Number(await page.locator('#steps').textContent())).toBeGreaterThanOrEqual(3);
    expect(await page.locator('#micros').textContent()).toMatch(/^\d+(\.\d)? µs$/);
    expect(await page.locator('#diff .added').allTextContents()).toEqual(['+ "seen": 1\n']);
    expect(await page.locator('#diff .same').allTextContents()).toEqual(['  "requesting": true\n']);
    await page.screenshot({ path: ARTIFACTS + 'playground-2-run.png' });

    // Timed: the time check decides
    await page.selectOption('#kind', 'Timed');
    await page.fill('#timeRange', '1000');
    await page.click('#run');
    await page.locator('#verdict', { hasText: 'false' }).waitFor();
    expect(await page.locator('#time').textContent()).toBe('logProcessingTime - stateTime = 1710 > timeRange 1000: out of time');

    // the link: a fresh page from it shows the same state, and runs the same
    const link = page.url();
    expect(link).toMatch(/#[A-Za-z0-9_-]+$/);
    const again = await open(link);
    expect(await condition(again)).toBe(await condition(page));
    for (const id of ['#kind', '#timeRange', '#log', '#context', '#trueConditions', '#logProcessingTime', '#stateTime']) {
      expect(await again.inputValue(id)).toBe(await page.inputValue(id));
    }
    await again.click('#run');
    await again.locator('#verdict', { hasText: 'false' }).waitFor();
    await again.screenshot({ path: ARTIFACTS + 'playground-3-link.png' });
  });

  it('runs launch conditions and shows the error of one that raises, with its class', async () => {
    const page = await open(server.url + '/');
    await page.selectOption('#kind', 'launch');
    await setCondition(page, "launch({'Thread': log['Thread']})");
    await page.locator('#check', { hasText: 'compiles' }).waitFor();
    await page.click('#run');
    await page.locator('#verdict', { hasText: 'true' }).waitFor();
    expect(await page.locator('#launch').textContent()).toBe('launched, with the context {"Thread":"Thread-221855"}');

    await page.selectOption('#kind', 'Standard');
    await setCondition(page, "return log['Nope']");
    await page.locator('#check', { hasText: 'compiles' }).waitFor();
    await page.click('#run');
    await page.locator('#verdict', { hasText: 'error' }).waitFor();
    expect(await page.locator('#error').textContent()).toBe("KeyError: 'Nope'");

    await page.fill('#context', '{"a": ');
    await page.click('#run');
    expect(await page.locator('#context-error').textContent()).toMatch(/^context is not JSON/);

    // a link whose fragment is not the page's state: said so, and the example instead
    const odd = await open(server.url + '/#not-a-state');
    expect(await odd.locator('#idle').textContent()).toBe("This link's fragment holds no state of this page: it starts from its example.");
    expect(await condition(odd)).toMatch(/^if 'Waiting up to' in text/);
  });

  it('shows HTML from a link, an answer, an error message and a context key as text, never as markup', async () => {
    const html = '<b class="injected">x</b><img class="injected" src="data:,">';
    const state = { ...DEFAULTS, condition: `data['${html}'] = '${html}'\nreturn '${html}'`, context: JSON.stringify({ [html]: 1 }), log: JSON.stringify({ Text: html, Thread: html }) };
    const page = await open(`${server.url}/#${encodeState(state)}`);
    await page.click('#run');
    await page.locator('#verdict', { hasText: 'true' }).waitFor();
    expect(await page.locator('#value').textContent()).toContain(html);
    expect(await page.locator('#diff').textContent()).toContain('<b class=');
    await setCondition(page, `raise ValueError('${html}')`);
    await page.locator('#check', { hasText: 'compiles' }).waitFor();
    await page.click('#run');
    await page.locator('#verdict', { hasText: 'error' }).waitFor();
    expect(await page.locator('#error').textContent()).toBe(`ValueError: ${html}`);
    await setCondition(page, `return ${html}`);
    await page.locator('#check', { hasText: 'SyntaxError' }).waitFor();
    expect(await page.locator('.injected').count()).toBe(0);
  });

  it('sent no request anywhere but the evaluator that served it, and met no script error', () => {
    expect(requests.length).toBeGreaterThan(10);
    expect(requests.filter((url) => !url.startsWith(server.url + '/'))).toEqual([]);
    expect(problems).toEqual([]);
  });
});
