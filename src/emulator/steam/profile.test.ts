import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type StartedEmulator } from '../index.js';

const ALICE = '76561198000000040';
const KEY = '0123456789ABCDEF0123456789ABCDEF';

let emulator: StartedEmulator;

beforeAll(async () => {
  emulator = await startEmulator({
    scenario: {
      steam: {
        users: { [ALICE]: { name: 'Alice ]]> <3', private: true } },
        vanities: { alice: ALICE },
      },
    },
  });
});
afterAll(() => emulator.close());

const get = (path: string) => fetch(`${emulator.url}${path}`);

describe('profile XML', () => {
  it('describes a profile by SteamID64', async () => {
    const response = await get(`/profiles/${ALICE}/?xml=1`);
    expect(response.headers.get('content-type')).toContain('text/xml');
    const xml = await response.text();
    expect(xml).toContain(`<steamID64>${ALICE}</steamID64>`);
    expect(xml).toContain('<steamID><![CDATA[Alice ]]]]><![CDATA[> <3]]></steamID>');
    expect(xml).toContain('<privacyState>private</privacyState>');
  });

  it('resolves /id/{vanity}, gaben included, and reports unknown ones', async () => {
    const gaben = await (await get('/id/gaben/?xml=1')).text();
    expect(gaben).toContain('<steamID64>76561197960287930</steamID64>');
    expect(gaben).toContain('<privacyState>public</privacyState>');
    expect(gaben).toContain('<customURL><![CDATA[gaben]]></customURL>');
    expect(await (await get('/id/ALICE?xml=1')).text()).toContain(`<steamID64>${ALICE}</steamID64>`);
    const missing = await (await get('/id/nobody-here/?xml=1')).text();
    expect(missing).toContain('<response>');
    expect(missing).toContain('<error><![CDATA[The specified profile could not be found.]]></error>');
  });
});

describe('GET /ISteamUser/ResolveVanityURL/v1/', () => {
  it('answers a match and a miss', async () => {
    expect(await (await get(`/ISteamUser/ResolveVanityURL/v1/?key=${KEY}&vanityurl=alice`)).json()).toEqual({
      response: { steamid: ALICE, success: 1 },
    });
    expect(await (await get(`/ISteamUser/ResolveVanityURL/v1/?key=${KEY}&vanityurl=zzz`)).json()).toEqual({
      response: { success: 42, message: 'No match' },
    });
  });

  it('refuses a missing key (401) or a malformed one (403) with an HTML "Access is denied"', async () => {
    for (const [query, status] of [
      ['vanityurl=alice', 401],
      ['key=nope&vanityurl=alice', 403],
    ] as const) {
      const response = await get(`/ISteamUser/ResolveVanityURL/v1/?${query}`);
      expect(response.status).toBe(status);
      expect(await response.text()).toContain('Access is denied');
    }
  });

  it('answers 400 without vanityurl', async () => {
    const response = await get(`/ISteamUser/ResolveVanityURL/v1/?key=${KEY}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toBe(
      "<html><head><title>Bad Request</title></head><body><h1>Bad Request</h1>Required parameter 'vanityurl' is missing</body></html>",
    );
  });
});
