/**
 * The claim loop's shutdown: a claim under way when the loop closes is waited for (the store
 * it reads closes next), and one that fails because the store went first is not logged as
 * trouble, while a failure in normal running is.
 */
import { describe, expect, it } from 'vitest';
import type { FastifyBaseLogger } from 'fastify';
import { ClaimLoop } from './claim-loop.js';

function recordingLog(): { log: FastifyBaseLogger; warnings: string[] } {
  const warnings: string[] = [];
  const log = { warn: (_obj: unknown, message: string) => void warnings.push(message) };
  return { log: log as unknown as FastifyBaseLogger, warnings };
}

describe('ClaimLoop', () => {
  it('waits for a claim under way before it is closed, and keeps quiet about its failure', async () => {
    const { log, warnings } = recordingLog();
    let storeClosed = false;
    let claimStarted!: () => void;
    const started = new Promise<void>((resolve) => (claimStarted = resolve));
    const loop = new ClaimLoop<number>({
      name: 'test loop',
      concurrency: 2,
      idleMs: 60_000,
      claim: async () => {
        claimStarted();
        await new Promise((resolve) => setTimeout(resolve, 100));
        if (storeClosed) throw new Error('driver has already been destroyed');
        return [];
      },
      run: async () => undefined,
      log,
    });
    loop.wakeAt(Date.now());
    await started;
    let settledBeforeClose = false;
    const closing = loop.close(5_000).then(() => (settledBeforeClose = true));
    await closing;
    expect(settledBeforeClose).toBe(true);
    storeClosed = true;
    // The claim had finished before close resolved: nothing ran against the closed store.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(warnings).toEqual([]);
  });

  it('says when a claim fails while running', async () => {
    const { log, warnings } = recordingLog();
    let failed!: () => void;
    const done = new Promise<void>((resolve) => (failed = resolve));
    const loop = new ClaimLoop<number>({
      name: 'test loop',
      concurrency: 1,
      idleMs: 60_000,
      claim: async () => {
        setImmediate(failed);
        throw new Error('the store answered nonsense');
      },
      run: async () => undefined,
      log,
    });
    loop.wakeAt(Date.now());
    await done;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(warnings).toEqual(['test loop: could not claim work (trying again shortly)']);
    await loop.close(100);
  });

  it('keeps quiet about a claim that fails because the store closed during shutdown', async () => {
    const { log, warnings } = recordingLog();
    let claimStarted!: () => void;
    const started = new Promise<void>((resolve) => (claimStarted = resolve));
    const loop = new ClaimLoop<number>({
      name: 'test loop',
      concurrency: 1,
      idleMs: 60_000,
      claim: async () => {
        claimStarted();
        await new Promise((resolve) => setTimeout(resolve, 50));
        throw new Error('driver has already been destroyed');
      },
      run: async () => undefined,
      log,
    });
    loop.wakeAt(Date.now());
    await started;
    await loop.close(5_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(warnings).toEqual([]);
  });
});
