/**
 * Egress through proxies (GAMESTASH_PROXIES): real CONNECT tunnels on loopback, pacing per
 * proxy (rate limits are per egress IP), and a proxy that earns a 429 benched.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startConnectProxy, type TestProxy } from '../../../test/connect-proxy.js';
import { serveModules, type RunningEmulator } from '../../emulator/server.js';
import { ConnectionError, RateLimitError } from '../errors.js';
import { HttpClient, type HttpResponse } from './client.js';
import { RoutePool } from './routes.js';

let upstream: RunningEmulator | undefined;
let proxies: TestProxy[] = [];
afterEach(async () => {
  await upstream?.close();
  for (const p of proxies) await p.close();
  proxies = [];
});

const ok = (res: HttpResponse) => {
  if (res.status === 429) throw new RateLimitError('slow down', undefined, { service: 'steam-community' });
  return res.status;
};

describe('egress routes', () => {
  it('spreads requests over the proxies and paces each proxy on its own', async () => {
    upstream = await serveModules({ modules: [{ name: 'ok', handle: () => ({ status: 200, body: 'ok' }) }] });
    proxies = [await startConnectProxy(), await startConnectProxy()];
    const http = new HttpClient({ proxies: proxies.map((p) => p.url), retries: 0 });
    const started = performance.now();
    const pace = { key: 'steamcommunity.com', intervalMs: 400 };
    // Two proxies, two requests: one each, no waiting for each other.
    await Promise.all(
      [1, 2].map(() => http.request({ service: 'steam-community', url: new URL(upstream!.url), pace }, ok)),
    );
    expect(performance.now() - started).toBeLessThan(350);
    expect(proxies.map((p) => p.tunnels)).toEqual([1, 1]);
    // A third request must wait for its proxy's interval.
    await http.request({ service: 'steam-community', url: new URL(upstream.url), pace }, ok);
    expect(performance.now() - started).toBeGreaterThanOrEqual(390);
    expect(upstream.stats.count()).toBe(3);
    await http.close();
  });

  it('benches a proxy that earned a 429 and uses the other', async () => {
    let n = 0;
    upstream = await serveModules({
      modules: [{ name: 'limit-first', handle: () => ({ status: ++n === 1 ? 429 : 200, body: null }) }],
    });
    proxies = [await startConnectProxy(), await startConnectProxy()];
    const http = new HttpClient({ proxies: proxies.map((p) => p.url), retries: 1, maxRetryWaitMs: 60_000 });
    const pace = { key: 'h', intervalMs: 0, rateLimitCooldownMs: 30_000 };
    const req = { service: 'steam-community' as const, url: new URL(upstream.url), pace };
    const started = performance.now();
    // The retry goes out through the other proxy at once instead of sleeping out the cool-down.
    await expect(http.request(req, ok)).resolves.toBe(200);
    expect(proxies.map((p) => p.tunnels)).toEqual([1, 1]);
    expect(performance.now() - started).toBeLessThan(5000);
    // The benched proxy stays out of rotation while the other is free.
    await expect(http.request(req, ok)).resolves.toBe(200);
    expect(proxies[0]!.tunnels).toBe(1);
    expect(upstream.stats.count({ status: 429 })).toBe(1);
    await http.close();
  });

  it('never exposes proxy credentials in route ids', () => {
    const pool = new RoutePool([{ id: 'x', dispatcher: {} as never }]);
    expect(pool.pick().id).toBe('x');
    const http = new HttpClient({ proxies: ['http://user:hunter22@127.0.0.1:3128'] });
    expect(
      JSON.stringify((http as unknown as { pool: RoutePool }).pool.routes.map((r) => r.id)),
    ).not.toContain('hunter22');
    void http.close();
  });

  it('names the proxy, without its password, when it cannot be reached', async () => {
    upstream = await serveModules({ modules: [{ name: 'ok', handle: () => ({ status: 200, body: 'ok' }) }] });
    // A listener that is closed again: its port refuses connections.
    const dead = await startConnectProxy();
    const deadUrl = new URL(dead.url);
    await dead.close();
    deadUrl.username = 'user';
    deadUrl.password = 'hunter22';
    const http = new HttpClient({ proxies: [deadUrl.toString()], retries: 0 });
    const error = (await http
      .request({ service: 'steam-community', url: new URL(`${upstream.url}/x`) }, ok)
      .catch((e: unknown) => e)) as ConnectionError;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toContain(`via proxy http://[REDACTED]:[REDACTED]@${deadUrl.host}`);
    expect(error.message).not.toContain('hunter22');
    await http.close();
  });
});
