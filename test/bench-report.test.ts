/// <reference lib="dom" />
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relay } from './support/bench-targets.js';
import { BUNDLE, startServer, type Server } from './support/server.js';

/**
 * The --html report of two targets, read in Debian's Chromium at 1280 px: every text box
 * clear of the others and inside its chart, nothing scrolling sideways, nothing fetched.
 * The screenshot stays in test-artifacts/bench-report.png.
 */
const ARTIFACTS = join(__dirname, '../test-artifacts');
// a long label, as a team names its deployments, to see it fit
const LONG = 'flask-gunicorn-2-sync-workers-production';

describe('the --html report in Chromium', () => {
  let evaluator: Server;
  let other: { url: string; child: ChildProcess };
  let browser: BrowserContext;
  const dir = mkdtempSync(join(tmpdir(), 'evaluator-report-'));
  const page = join(dir, 'report.html');

  beforeAll(async () => {
    evaluator = await startServer('bundle');
    // answers as the evaluator does, but one answer wrong and every 40th request a 500
    other = await relay(evaluator.url, { SPOIL_ONE: '1', FAIL_EVERY: '40' });
    const r = spawnSync(process.execPath, [BUNDLE, '--bench', '--warmup', '0', '--target', `evaluator=${evaluator.url}`, '--target', `${LONG}=${other.url}`, '--compare', '--requests', '200', '--html', page], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    browser = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await evaluator?.stop();
    other?.child.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads at 1280 px: a headline, clear labels, plain numbers, a real table, marked errors; nothing fetched', async () => {
    const tab = await browser.newPage();
    const requests: string[] = [];
    tab.on('request', (q) => requests.push(q.url()));
    const url = pathToFileURL(page).href;
    await tab.goto(url);
    await tab.waitForLoadState('networkidle');
    mkdirSync(ARTIFACTS, { recursive: true });
    await tab.screenshot({ path: join(ARTIFACTS, 'bench-report.png'), fullPage: true });

    expect(requests).toEqual([url]);
    const layout = await tab.evaluate(() => {
      const boxes: { text: string; x: number; y: number; r: number; b: number; svg: DOMRect | null }[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
        if (n.textContent!.trim() === '' || n.parentElement!.closest('title') !== null) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        const svg = n.parentElement!.closest('svg');
        for (const rect of range.getClientRects()) {
          if (rect.width === 0) continue;
          boxes.push({ text: n.textContent!.slice(0, 40), x: rect.left, y: rect.top, r: rect.right, b: rect.bottom, svg: svg === null ? null : svg.getBoundingClientRect() });
        }
      }
      const scrolling = [...document.querySelectorAll('*')].filter((e) => e.scrollWidth > e.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX)).map((e) => e.tagName);
      return { boxes, pageWidth: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth, scrolling };
    });
    expect(layout.pageWidth).toBeLessThanOrEqual(layout.viewport);
    expect(layout.scrolling).toEqual([]);
    const overlaps: string[] = [];
    const bs = layout.boxes;
    for (let i = 0; i < bs.length; i++) {
      const a = bs[i];
      // a chart's text stays inside its chart
      if (a.svg !== null && (a.x < a.svg.left - 0.5 || a.r > a.svg.right + 0.5 || a.y < a.svg.top - 0.5 || a.b > a.svg.bottom + 0.5)) overlaps.push(`'${a.text}' leaves its chart`);
      for (let j = i + 1; j < bs.length; j++) {
        const b = bs[j];
        const w = Math.min(a.r, b.r) - Math.max(a.x, b.x);
        const h = Math.min(a.b, b.b) - Math.max(a.y, b.y);
        if (w > 0.5 && h > 0.5) overlaps.push(`'${a.text}' and '${b.text}'`);
      }
    }
    expect(overlaps).toEqual([]);
    expect(bs.length).toBeGreaterThan(100);

    const text = await tab.evaluate(() => document.body.innerText);
    expect(text).toMatch(new RegExp(`evaluator: [\\d,.]+x (less|more) time per request than ${LONG} at 20 clients; \\d+ mismatches in 1,000 answers; ${LONG}: 25 errors in 1,000 requests\\.`));
    expect(text).not.toMatch(/\de[+-]\d/);
    // the settings of the run
    expect(text).toMatch(/command\s+evaluator --bench --warmup 0 --target evaluator=http/);
    expect(text).toMatch(/machine\s+\d+ cores/);
    expect(text).toMatch(/versions\s+evaluator \S+, Node v20/);
    expect(text).toMatch(/date\s+\d{4}-\d\d-\d\dT/);
    // the rows, a real table: a header and ten rows; errors and mismatches marked
    expect(await tab.locator('table th').allInnerTexts()).toEqual(['target', 'clients', 'requests', 'errors', 'mismatches', 'ms per request', 'requests/s', 'p50 ms', 'p99 ms', 'max ms', 'vs first']);
    expect(await tab.locator('table tbody tr').count()).toBe(10);
    expect(await tab.locator('td.bad').count()).toBeGreaterThanOrEqual(5);
    expect(await tab.locator('td.bad').first().evaluate((e) => getComputedStyle(e).color)).toBe('rgb(197, 48, 48)');
    // log scale: the fastest bar is still wide enough to see
    const widths = await tab.locator('svg rect').evaluateAll((rs) => rs.map((r) => r.getBoundingClientRect().width));
    expect(Math.min(...widths)).toBeGreaterThan(2);
    await tab.close();
  });

  it('is one file that loads nothing: no scripts, links, images or fonts', () => {
    const html = readFileSync(page, 'utf8');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|href=|url\(|@import/i);
  });
});
