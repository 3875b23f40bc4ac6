/**
 * @module test/services/browser
 * Debian's Chromium driven by playwright-core for the viewer's tests and benchmark: the flags
 * STACK.md lists, a context that records every request and refuses any that leaves loopback,
 * page errors and CSP violations collected, screenshots under test-artifacts/viewer/, a
 * fresh build of the viewer's browser modules, and a DOM-level accessibility check.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Compiles client/*.ts into dist/ (what the gateway serves), so a test never runs stale code. */
export function buildViewerClient(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', join(root, 'src/gateway/viewer/client/tsconfig.json')], {
    stdio: 'inherit',
  });
}

export interface WatchedContext {
  context: BrowserContext;
  /** Every request the pages made, in order. */
  requests: { url: string; headers: Record<string, string> }[];
  /** Requests that would have left loopback (refused). */
  outside: string[];
  /** Page errors, uncaught exceptions and CSP violations. */
  problems: string[];
}

export async function watchedContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<WatchedContext> {
  const context = await browser.newContext({
    serviceWorkers: 'block',
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  const watched: WatchedContext = { context, requests: [], outside: [], problems: [] };
  context.on('request', (request) =>
    watched.requests.push({ url: request.url(), headers: request.headers() }),
  );
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
    watched.outside.push(url.href);
    return route.abort('blockedbyclient');
  });
  context.on('page', (page) => watchPage(page, watched.problems));
  return watched;
}

function watchPage(page: Page, problems: string[]): void {
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (/Content Security Policy|Uncaught|Refused to/i.test(message.text())) problems.push(message.text());
  });
}

/**
 * Puts a gateway key in the session storage of every viewer page of the context before its
 * scripts run (about:blank has no storage of its own). Browser code is given as text here and
 * below: this project's type-check has no DOM library outside the viewer's own modules.
 */
export async function storeKey(context: BrowserContext, key: string): Promise<void> {
  await context.addInitScript({
    content: `if (location.protocol === 'http:') sessionStorage.setItem('gamestash.viewer.apiKey', ${JSON.stringify(key)});`,
  });
}

export function artifact(name: string): string {
  const dir = join(root, 'test-artifacts/viewer');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

/**
 * What an automated accessibility check finds without a rules engine: controls without an
 * accessible name, images without alt, duplicate ids, grid cells without a name, dialogs
 * without one, tabs not tied to their panels. (axe-core, if added, would run beside it.)
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  return (await page.evaluate(ACCESSIBILITY_SCRIPT)) as string[];
}

const ACCESSIBILITY_SCRIPT = `(() => {
    const problems = [];
    const visible = (el) => !!el.offsetParent || el.getClientRects().length > 0;
    const named = (el) => {
      const label = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
      const labels = el.labels;
      return !!(label || (labels && labels.length > 0) || (el.textContent ?? '').trim());
    };
    for (const el of document.querySelectorAll(
      'input, select, textarea, button, a[href], [role="gridcell"]',
    )) {
      if (visible(el) && !named(el)) problems.push(\`no accessible name: \${el.outerHTML.slice(0, 80)}\`);
    }
    for (const img of document.querySelectorAll('img'))
      if (!img.hasAttribute('alt')) problems.push('img without alt');
    const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
    for (const id of new Set(ids))
      if (ids.filter((x) => x === id).length > 1) problems.push(\`duplicate id \${id}\`);
    for (const dialog of document.querySelectorAll('dialog, [role="dialog"]')) {
      if (!named(dialog)) problems.push('dialog without a name');
    }
    for (const tab of document.querySelectorAll('[role="tab"]')) {
      const panel = document.getElementById(tab.getAttribute('aria-controls') ?? '');
      if (!panel || panel.getAttribute('role') !== 'tabpanel') problems.push(\`tab \${tab.id} has no panel\`);
    }
    for (const id of document.querySelectorAll('[aria-labelledby]')) {
      for (const ref of (id.getAttribute('aria-labelledby') ?? '').split(' ')) {
        if (ref && !document.getElementById(ref)) problems.push(\`aria-labelledby points at missing #\${ref}\`);
      }
    }
    return problems;
})()`;
