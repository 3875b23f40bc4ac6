/**
 * The transport over real sockets: retries, timeouts, 429 cool-downs, no retry for
 * non-idempotent calls, no secret in any error, and pacing counted from the wire.
 */
import { Agent, Dispatcher } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/index.js';
import { serveModules, type RunningEmulator } from '../../emulator/server.js';
import type { EmulatorReply } from '../../emulator/types.js';
import {
  ConnectionError,
  RateLimitError,
  TimeoutError,
  UpstreamUnavailableError,
  type GamestashError,
} from '../errors.js';
import { HttpClient, type HttpResponse } from './client.js';

let server: RunningEmulator | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(replies: (n: number) => EmulatorReply | 'hang') {
  let n = 0;
  server = await serveModules({
    modules: [
      {
        name: 'scripted',
        handle: () => {
          const reply = replies(++n);
          return reply === 'hang' ? new Promise<undefined>(() => {}) : reply;
        },
      },
    ],
  });
  return server;
}

function interpret(res: HttpResponse): string {
  if (res.status === 429)
    throw new RateLimitError('slow down', undefined, { service: 'steam-community', status: 429 });
  if (res.status >= 500) {
    throw new UpstreamUnavailableError(`failed ${res.status}`, {
      service: 'steam-community',
      retryable: true,
    });
  }
  return res.body;
}

const fast = { retries: 3, baseDelayMs: 5, maxDelayMs: 20 };

describe('HttpClient', () => {
  it('retries transient failures, then succeeds', async () => {
    const s = await serve((n) => (n < 3 ? { status: 500, body: null } : { status: 200, body: 'ok' }));
    const retries: number[] = [];
    const http = new HttpClient({ ...fast, hooks: { onRetry: (i) => retries.push(i.attempt) } });
    await expect(http.request({ service: 'steam-community', url: new URL(s.url) }, interpret)).resolves.toBe(
      'ok',
    );
    expect(retries).toEqual([0, 1]);
    expect(s.stats.count()).toBe(3);
    await http.close();
  });

  it('gives up after the configured retries with the typed error', async () => {
    const s = await serve(() => ({ status: 503, body: null }));
    const http = new HttpClient({ ...fast, retries: 2 });
    await expect(
      http.request({ service: 'steam-community', url: new URL(s.url) }, interpret),
    ).rejects.toBeInstanceOf(UpstreamUnavailableError);
    expect(s.stats.count()).toBe(3);
    await http.close();
  });

  it('never retries a non-idempotent request', async () => {
    const s = await serve(() => ({ status: 500, body: null }));
    const http = new HttpClient(fast);
    const req = {
      service: 'steam-community' as const,
      method: 'POST' as const,
      url: new URL(s.url),
      body: 'x=1',
    };
    await expect(http.request(req, interpret)).rejects.toBeInstanceOf(UpstreamUnavailableError);
    expect(s.stats.count()).toBe(1);
    await http.close();
  });

  it('times out a silent upstream with a TimeoutError', async () => {
    const s = await serve(() => 'hang');
    const http = new HttpClient({ ...fast, retries: 0, timeoutMs: 150 });
    await expect(http.request({ service: 'roblox', url: new URL(s.url) }, interpret)).rejects.toBeInstanceOf(
      TimeoutError,
    );
    await http.close();
  });

  it('maps a refused connection to a ConnectionError without leaking the key', async () => {
    const s = await serve(() => ({ status: 200 }));
    const url = new URL(`${s.url}/x?key=SECRETKEY123`);
    await s.close();
    server = undefined;
    const http = new HttpClient({ ...fast, retries: 1 });
    const error = (await http
      .request({ service: 'steam-webapi', url }, interpret)
      .catch((e) => e)) as GamestashError;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toMatch(/could not reach steam-webapi/);
    expect(JSON.stringify(error) + error.message + error.request?.url).not.toContain('SECRETKEY123');
    await http.close();
  });

  it('holds a paced key back after a 429 and reports the wait when it is too long to sleep', async () => {
    const s = await serve(() => ({ status: 429, body: null }));
    const http = new HttpClient({ ...fast, maxRetryWaitMs: 1000 });
    const req = {
      service: 'steam-community' as const,
      url: new URL(s.url),
      pace: { key: 'h', intervalMs: 0, rateLimitCooldownMs: 60_000 },
    };
    const error = (await http.request(req, interpret).catch((e) => e)) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBe(60_000);
    expect(s.stats.count()).toBe(1);
    // The next caller on the same key is held back too, not sent into another 429.
    await expect(http.request({ ...req, pace: { ...req.pace, maxWaitMs: 100 } }, interpret)).rejects.toThrow(
      /waited too long/,
    );
    expect(s.stats.count()).toBe(1);
    await http.close();
  });

  it('waits out a short 429 cool-down and retries', async () => {
    const s = await serve((n) => (n === 1 ? { status: 429, body: null } : { status: 200, body: 'ok' }));
    const http = new HttpClient(fast);
    const started = performance.now();
    const req = {
      service: 'steam-community' as const,
      url: new URL(s.url),
      pace: { key: 'h', intervalMs: 0, rateLimitCooldownMs: 200 },
    };
    await expect(http.request(req, interpret)).resolves.toBe('ok');
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    await http.close();
  });

  it('puts a request started from onBody on the wire before this body is interpreted', async () => {
    let received = 0;
    const s = await serve(() => {
      received++;
      return { status: 200, body: 'ok' };
    });
    const http = new HttpClient(fast);
    const req = {
      service: 'steam-community' as const,
      url: new URL(s.url),
      pace: { key: 'h', intervalMs: 0 },
    };
    // Two open keep-alive connections, as a pager has once it reads ahead.
    await Promise.all([http.request(req, interpret), http.request(req, interpret)]);
    let ahead: Promise<string> | undefined;
    let receivedBeforeInterpret = 0;
    const onBody = () => {
      ahead = http.request(req, interpret);
      return true;
    };
    const body = await http.request({ ...req, onBody }, (res) => {
      receivedBeforeInterpret = received;
      return interpret(res);
    });
    expect(body).toBe('ok');
    expect(receivedBeforeInterpret).toBe(4);
    await expect(ahead).resolves.toBe('ok');
    await http.close();
  });
});

describe('pacing on the wire', () => {
  /**
   * Holds every other request back for a while after the pacer let it go, before undici
   * writes it: what a busy event loop (a large page being parsed) or a slow connection set-up
   * does to a send.
   */
  class LateEveryOther extends Dispatcher {
    private n = 0;
    constructor(
      private readonly inner: Dispatcher,
      private readonly lateMs: number,
    ) {
      super();
    }
    override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
      if (this.n++ % 2 === 0) return this.inner.dispatch(options, handler);
      setTimeout(() => this.inner.dispatch(options, handler), this.lateMs);
      return true;
    }
    override close(): Promise<void> {
      return this.inner.close();
    }
  }

  it('counts the spacing from when a request reached the wire, not from its slot: zero 429s', async () => {
    // Steam's per-IP limit as the emulator enforces it: 150 ms apart, 30 ms of arrival jitter forgiven.
    const emulator = await startEmulator({
      scenario: { steam: { rateLimit: { minIntervalMs: 150, toleranceMs: 30 } } },
    });
    const http = new HttpClient({ retries: 0, dispatcher: new LateEveryOther(new Agent(), 80) });
    try {
      const statuses = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          http.request(
            {
              service: 'steam-community',
              url: new URL(`${emulator.url}/inventory/7656119800000010${i}/730/2?count=10`),
              pace: { key: 'steamcommunity', intervalMs: 150 },
            },
            (res) => res.status,
          ),
        ),
      );
      // Counting from the slot, each request after a late one arrives 80 ms early: a 429.
      expect(emulator.stats.count({ status: 429 })).toBe(0);
      expect(statuses).toEqual(Array(6).fill(200));
    } finally {
      await http.close();
      await emulator.close();
    }
  });
});
