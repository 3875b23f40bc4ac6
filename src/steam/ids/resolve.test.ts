/**
 * Vanity resolution against the emulator: ResolveVanityURL with a key, the profile XML
 * page without one, and the errors of each.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationError, NotFoundError, RateLimitError } from '../../core/errors.js';
import { HttpClient } from '../../core/http/client.js';
import { startEmulator } from '../../emulator/index.js';
import { resolveSteamId } from './resolve.js';
import { MemoryVanityCache } from './vanity-cache.js';

const KEY = '0123456789ABCDEF0123456789ABCDEF';
let emulator: Awaited<ReturnType<typeof startEmulator>>;
const http = new HttpClient({ retries: 0 });
beforeAll(async () => {
  emulator = await startEmulator({
    scenario: { steam: { vanities: { alice: '76561198000000042' }, apiKeys: [KEY] } },
  });
});
afterAll(async () => {
  await http.close();
  await emulator.close();
});

const options = (apiKey?: string) => ({ http, communityUrl: emulator.url, apiUrl: emulator.url, apiKey });

describe('resolveSteamId', () => {
  it('passes SteamIDs and trade URLs through without a request', async () => {
    emulator.reset();
    await expect(resolveSteamId('[U:1:52079950]', options())).resolves.toEqual({
      steamid64: '76561198012345678',
    });
    await expect(
      resolveSteamId('https://steamcommunity.com/tradeoffer/new/?partner=52079950&token=YDAlR4bC', options()),
    ).resolves.toEqual({ steamid64: '76561198012345678', tradeToken: 'YDAlR4bC' });
    expect(emulator.stats.count()).toBe(0);
  });

  it('resolves a vanity name with ResolveVanityURL when a key is set', async () => {
    emulator.reset();
    await expect(resolveSteamId('https://steamcommunity.com/id/alice/', options(KEY))).resolves.toEqual({
      steamid64: '76561198000000042',
    });
    expect(emulator.stats.count({ pathPrefix: '/ISteamUser/ResolveVanityURL' })).toBe(1);
  });

  it('resolves through the profile XML page without a key', async () => {
    await expect(resolveSteamId('alice', options())).resolves.toEqual({ steamid64: '76561198000000042' });
    await expect(resolveSteamId('gaben', options())).resolves.toEqual({ steamid64: '76561197960287930' });
  });

  it('looks a vanity name up once per TTL through a cache', async () => {
    emulator.reset();
    const vanityCache = new MemoryVanityCache({ ttlMs: 60_000 });
    for (const who of ['alice', 'Alice', 'https://steamcommunity.com/id/alice/']) {
      await expect(resolveSteamId(who, { ...options(), vanityCache })).resolves.toEqual({
        steamid64: '76561198000000042',
      });
    }
    expect(emulator.stats.count({ pathPrefix: '/id/' })).toBe(1);
  });

  it('reads "me" as STEAM_ID, in any of its forms, and says what to do when it is not set', async () => {
    emulator.reset();
    await expect(resolveSteamId('me', { ...options(), me: '[U:1:52079950]' })).resolves.toEqual({
      steamid64: '76561198012345678',
    });
    await expect(resolveSteamId(' ME ', { ...options(), me: 'alice' })).resolves.toEqual({
      steamid64: '76561198000000042',
    });
    await expect(resolveSteamId('me', options())).rejects.toThrow(/STEAM_ID is not set/);
    await expect(resolveSteamId('me', { ...options(), me: 'me' })).rejects.toThrow(/STEAM_ID cannot be "me"/);
    const bad = (await resolveSteamId('me', { ...options(), me: 'not an id!' }).catch((e) => e)) as Error;
    expect(bad.message).toMatch(/invalid steamid "not an id!"/);
    expect((bad as { parameter?: string }).parameter).toBe('STEAM_ID');
    await expect(resolveSteamId('me', { ...options(), me: false })).rejects.toThrow(
      /"me" has no meaning here/,
    );
  });

  it("accepts profile URLs on the configured community host, and refuses other hosts' before any request", async () => {
    emulator.reset();
    await expect(resolveSteamId(`${emulator.url}/id/alice`, options())).resolves.toEqual({
      steamid64: '76561198000000042',
    });
    await expect(resolveSteamId('https://evil.example/id/alice', options())).rejects.toThrow(
      /evil\.example is not Steam/,
    );
    expect(emulator.stats.count()).toBe(1);
  });

  it('says which vanity name does not exist', async () => {
    await expect(resolveSteamId('nobody_here', options(KEY))).rejects.toThrow(NotFoundError);
    await expect(resolveSteamId('nobody_here', options())).rejects.toThrow(
      /no Steam profile has the custom URL "nobody_here"/,
    );
  });

  it('reports a refused key without echoing it', async () => {
    const error = (await resolveSteamId('alice', options('F'.repeat(32))).catch(
      (e) => e,
    )) as AuthenticationError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toMatch(/STEAM_API_KEY/);
    expect(JSON.stringify({ ...error, message: error.message, request: error.request })).not.toContain(
      'F'.repeat(32),
    );
  });

  it('reports a 429 on either path as a rate limit, so the pacer holds the host back', async () => {
    // The emulator paces inventories only; a stand-in server answers every request with 429.
    const server = createServer((_req, res) => res.writeHead(429, { 'retry-after': '120' }).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      for (const apiKey of [undefined, KEY]) {
        const error = (await resolveSteamId('alice', {
          http,
          communityUrl: url,
          apiUrl: url,
          apiKey,
        }).catch((e) => e)) as RateLimitError;
        expect(error).toBeInstanceOf(RateLimitError);
        expect(error.retryAfterMs).toBe(120_000);
      }
    } finally {
      server.close();
    }
  });
});
