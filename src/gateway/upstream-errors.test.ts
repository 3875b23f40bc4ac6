/**
 * Upstream trouble as the caller sees it, each against an emulator scripted for it: 502 for
 * Steam failures, 404 for EResult 55 (no inventory of that app), 503 (with Retry-After) for
 * EResult 20, when Steam rate-limits or when the queue is too long,
 * 504 on timeouts, 400 when Steam refuses the request, 401 for an expired caller session.
 */
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index.js';
import { startGateway } from '../../test/services/gateway.js';
import { expectProblem } from '../../test/services/problems.js';

const PUBLIC = '76561198000000040';

describe('502, 503 and 504 for upstream trouble', () => {
  it('maps each Steam failure to its status', async () => {
    const faulty = await startEmulator({
      scenario: {
        steam: {
          faults: {
            script: {
              '1': 'eresult500',
              '2': 'truncated',
              '3': 'timeout',
              '4': 'loginRedirect',
              '5': 'eresult20',
            },
          },
        },
      },
    });
    const env = { GAMESTASH_HTTP_TIMEOUT_MS: '400' };
    const faultyGw = await startGateway({ emulatorUrl: faulty.url, env });
    try {
      const k = await faultyGw.key();
      const ask = (n: number, headers: Record<string, string> = {}) =>
        faultyGw.get(`/inventory?steamid=7656119800000010${n}&gameid=730&contextid=2&api_key=${k}`, headers);
      // EResult 55 (retries are off here, so the first answer is final): not this account's app.
      const none = await ask(1);
      expectProblem(none, 404, 'no_inventory');
      expect(none.body.error.message).toMatch(
        /Steam has no inventory of this app for this account.*not temporary/,
      );
      expect(none.headers.get('retry-after')).toBeNull();
      expectProblem(await ask(2), 502, 'bad_upstream_response');
      expectProblem(await ask(3), 504, 'upstream_timeout');
      const expired = await ask(4, { 'x-steam-cookie': 'steamLoginSecure=expired-session' });
      expectProblem(expired, 401, 'steam_session_expired');
      // EResult 20: down for now, so 503 with the table's wait, like a rate limit.
      const down = await ask(5);
      expectProblem(down, 503, 'upstream_unavailable');
      expect(down.headers.get('retry-after')).toBe('60');
      expect(down.body.error.message).toMatch(
        /EResult 20 \(ServiceUnavailable\).*temporary: retry in about 60s/,
      );
      expect((await ask(6)).status).toBe(200);
    } finally {
      await faultyGw.close();
      await faulty.close();
    }
  });

  it('400 steam_rejected when Steam refuses the request itself', async () => {
    // A host whose page cap is below both known caps answers 400 `null` even at 1000.
    const picky = await startEmulator({ scenario: { steam: { inventoryPageCap: 500 } } });
    const pickyGw = await startGateway({ emulatorUrl: picky.url });
    try {
      const k = await pickyGw.key();
      const res = await pickyGw.get(`/inventory?steamid=${PUBLIC}&gameid=730&contextid=2&api_key=${k}`);
      expectProblem(res, 400, 'steam_rejected');
      expect(picky.stats.count({ status: 400 })).toBe(2);
    } finally {
      await pickyGw.close();
      await picky.close();
    }
  });

  it('503 with Retry-After when Steam rate limits, then 503 rather than a long wait in the queue', async () => {
    const strict = await startEmulator({ scenario: { steam: { rateLimit: { minIntervalMs: 60_000 } } } });
    const env = { GAMESTASH_QUEUE_TIMEOUT_MS: '300', GAMESTASH_STEAM_RATE_LIMIT_COOLDOWN_MS: '30000' };
    const strictGw = await startGateway({ emulatorUrl: strict.url, env });
    try {
      const k = await strictGw.key();
      const ask = (n: number) =>
        strictGw.get(`/inventory?steamid=7656119800000020${n}&gameid=730&contextid=2&api_key=${k}`);
      expect((await ask(1)).status).toBe(200);
      const limited = await ask(2);
      expectProblem(limited, 503, 'upstream_rate_limited');
      expect(Number(limited.headers.get('retry-after'))).toBe(30);
      const started = performance.now();
      const busy = await ask(3);
      expectProblem(busy, 503, 'upstream_busy');
      // The cool-down's end is known: say when to come back.
      expect(Number(busy.headers.get('retry-after'))).toBeGreaterThan(20);
      expect(performance.now() - started).toBeLessThan(2000);
      expect(strict.stats.count({ status: 429 })).toBe(1);
      const metrics = await strictGw.get('/metrics');
      expect(metrics.text).toMatch(
        /gamestash_upstream_requests_total\{service="steam-community",status="429",route="direct"\} 1/,
      );
      expect(metrics.text).toMatch(/gamestash_upstream_pacing_timeouts_total 1/);
    } finally {
      await strictGw.close();
      await strict.close();
    }
  });
});
