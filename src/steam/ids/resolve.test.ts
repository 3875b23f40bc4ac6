/**
 * Vanity resolution against the emulator: ResolveVanityURL with a key, the profile XML
 * page without one, and the errors of each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationError, NotFoundError } from '../../core/errors.js';
import { HttpClient } from '../../core/http/client.js';
import { startEmulator } from '../../emulator/index.js';
import { resolveSteamId } from './resolve.js';

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
});
