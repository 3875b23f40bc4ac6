/**
 * Benchmark: the web viewer in headless Chromium (Debian's, as the tests use) against the
 * demo's gateway and emulator. For 5,000 and 50,000 CS2 items: the time to the first drawn
 * card and to the whole inventory loaded and drawn (the page's own performance marks,
 * `viewer:first-card` and `viewer:loaded`, from navigation start), and for 50,000 the longest
 * frame while scrolling the grid (a requestAnimationFrame loop scrolling 600 px a frame).
 * Baseline in the same run: the same page with `?virtualize=0`, which draws every row.
 * The gateway's cache and the prices are warmed by one untimed load first.
 *
 *   node --import tsx bench/viewer.ts [--rounds 3] [--sizes 5000,50000]
 */
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { DEMO } from '../src/cli/demo/scenario.js';
import { startDemo } from '../src/cli/demo/start-demo.js';
import { buildViewerClient, launchChromium, storeKey } from '../test/services/browser.js';
import { fmt, median, printTable } from './lib/stats.js';

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '3' }, sizes: { type: 'string', default: '5000,50000' } },
});
const rounds = Number(values.rounds);
const sizes = values.sizes.split(',').map(Number);
const SCROLL_FRAMES = 150;

/**
 * Scrolls the grid 600 px a frame and times each frame. A string, not a function: tsx's
 * transform would wrap a function's inner names in a helper the page does not have.
 */
const SCROLL_SCRIPT = `new Promise((resolve) => {
  const grid = document.getElementById('steam-grid');
  window.scrollTo(0, grid.getBoundingClientRect().top + window.scrollY);
  const deltas = [];
  let last = performance.now();
  function step() {
    const now = performance.now();
    deltas.push(now - last);
    last = now;
    if (deltas.length >= ${SCROLL_FRAMES}) {
      const sorted = deltas.slice(1).sort((a, b) => a - b);
      resolve({ longest: sorted[sorted.length - 1], p95: sorted[Math.floor(sorted.length * 0.95)] });
      return;
    }
    window.scrollBy(0, 600);
    requestAnimationFrame(step);
  }
  requestAnimationFrame(step);
})`;

interface Run {
  firstCard: number;
  loaded: number;
  longestFrame?: number;
  p95Frame?: number;
}

async function load(browser: Browser, url: string, key: string, scroll: boolean): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await storeKey(context, key);
  const page = await context.newPage();
  await page.goto(url);
  // Polled from here: waitForFunction evaluates its predicate in the page, which the CSP forbids.
  for (const until = Date.now() + 600_000; ;) {
    if (await page.evaluate<boolean>("performance.getEntriesByName('viewer:loaded').length > 0")) break;
    if (Date.now() > until) throw new Error(`${url} did not finish loading in 10 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const marks = await page.evaluate(() => ({
    firstCard: performance.getEntriesByName('viewer:first-card')[0]!.startTime,
    loaded: performance.getEntriesByName('viewer:loaded')[0]!.startTime,
  }));
  let frames: { longest: number; p95: number } | undefined;
  if (scroll) {
    frames = (await page.evaluate(SCROLL_SCRIPT)) as { longest: number; p95: number };
  }
  await context.close();
  return { ...marks, ...(frames ? { longestFrame: frames.longest, p95Frame: frames.p95 } : {}) };
}

buildViewerClient();
const browser = await launchChromium();
const rows: Record<string, unknown>[] = [];
const results = new Map<string, Run>();
try {
  for (const size of sizes) {
    const demo = await startDemo({ port: 0, cs2Items: size, history: false, logLevel: 'silent' });
    try {
      const base = `${demo.url}/viewer?who=${DEMO.steamid}`;
      await load(browser, base, demo.key, false); // warms the gateway's cache and the prices
      for (const [mode, url] of [
        ['virtualized', base],
        ['every row (baseline)', `${base}&virtualize=0`],
      ] as const) {
        const runs: Run[] = [];
        for (let i = 0; i < rounds; i++) runs.push(await load(browser, url, demo.key, size >= 50_000));
        const run: Run = {
          firstCard: median(runs.map((r) => r.firstCard)),
          loaded: median(runs.map((r) => r.loaded)),
          ...(runs[0]!.longestFrame === undefined
            ? {}
            : {
                longestFrame: median(runs.map((r) => r.longestFrame!)),
                p95Frame: median(runs.map((r) => r.p95Frame!)),
              }),
        };
        results.set(`${size}/${mode}`, run);
        rows.push({
          items: size.toLocaleString('en-US'),
          grid: mode,
          'first card ms': fmt(run.firstCard, 0),
          'loaded ms': fmt(run.loaded, 0),
          'longest frame ms': run.longestFrame === undefined ? '' : fmt(run.longestFrame, 1),
          'p95 frame ms': run.p95Frame === undefined ? '' : fmt(run.p95Frame, 1),
        });
      }
    } finally {
      await demo.close();
    }
  }
} finally {
  await browser.close();
}

printTable(rows);
let failed = 0;
const check = (ok: boolean, text: string) => {
  console.log(`${ok ? 'PASS' : 'FAIL'} ${text}`);
  if (!ok) failed++;
};
for (const size of sizes) {
  const virtual = results.get(`${size}/virtualized`)!;
  const every = results.get(`${size}/every row (baseline)`)!;
  console.log(
    `${size} items: first card ${fmt(every.firstCard / virtual.firstCard, 1)}x sooner, loaded ${fmt(every.loaded / virtual.loaded, 1)}x sooner than drawing every row`,
  );
  if (size >= 50_000) {
    check(
      virtual.firstCard < every.firstCard,
      `${size}: the first card comes sooner than with every row drawn`,
    );
    check(virtual.loaded < every.loaded, `${size}: fully loaded sooner than with every row drawn`);
    check(
      virtual.longestFrame! < every.longestFrame!,
      `${size}: the longest scrolling frame (${fmt(virtual.longestFrame!, 1)} ms) is shorter than with every row drawn (${fmt(every.longestFrame!, 1)} ms)`,
    );
  }
}
process.exitCode = failed ? 1 : 0;
