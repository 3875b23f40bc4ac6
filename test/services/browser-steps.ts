/**
 * @module test/services/browser-steps
 * Steps the viewer's browser tests share: polling with room for a loaded two-core machine,
 * and walking the focus with Tab to a control.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Polls with room for a loaded two-core machine (expect.poll's default gives up after 1 s). */
export function until<T>(read: () => T | Promise<T>): ReturnType<typeof expect.poll<T>> {
  return expect.poll(read, { timeout: 30_000, interval: 100 });
}

/** Presses Tab until the focused element's id (or role) is `want`. */
export async function tabTo(
  page: Page,
  current: () => Promise<string>,
  want: string,
  most = 40,
): Promise<void> {
  for (let i = 0; i < most; i++) {
    if ((await current()) === want) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${want} (at ${await current()})`);
}

/** The focused element's id, else its role, else ''. */
export function focusedOf(page: Page): () => Promise<string> {
  return () =>
    page.evaluate<string>("document.activeElement?.id || document.activeElement?.getAttribute('role') || ''");
}
