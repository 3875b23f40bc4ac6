/**
 * The gateway takes a Steam account in every form the CLI and MCP take (vanity, profile and
 * trade URLs, Steam2/Steam3), through the library's resolver and its vanity cache, and says
 * which SteamID64 it read; app and context ids follow the library's one leading-zero rule;
 * summary=1 honours limit. Over real HTTP, against the emulator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type StartedEmulator } from '../emulator/index.js';
import { startGateway, type TestGateway } from '../../test/services/gateway.js';
import { expectProblem } from '../../test/services/problems.js';

const ALICE = '76561198012345678';
let emulator: StartedEmulator;
let gw: TestGateway;
let key: string;

beforeAll(async () => {
  emulator = await startEmulator({
    scenario: {
      steam: {
        vanities: { alice: ALICE },
        users: { [ALICE]: { inventories: { '730/2': { size: 40 } } } },
      },
    },
  });
  gw = await startGateway({ emulatorUrl: emulator.url });
  key = await gw.key();
});
afterAll(async () => {
  await gw?.close();
  await emulator?.close();
});

const inventories = () => emulator.stats.count({ pathPrefix: '/inventory/' });
const vanityLookups = () => emulator.stats.count({ pathPrefix: '/id/' });
const inventory = (steamid: string, rest = 'gameid=730&contextid=2') =>
  gw.get(`/inventory?steamid=${encodeURIComponent(steamid)}&${rest}`, { 'x-api-key': key });
const v1 = (steamid: string, query = '') =>
  gw.get(`/v1/steam/inventory/${encodeURIComponent(steamid)}/730/2?${query}`, { 'x-api-key': key });

describe('steamid in any form', () => {
  it('resolves a vanity name once per TTL, shared by both routes, and answers the SteamID64 it read', async () => {
    const first = await inventory('alice');
    expect(first.status).toBe(200);
    expect(first.headers.get('x-gamestash-steamid')).toBe(ALICE);
    expect(first.body.assets).toHaveLength(40);
    const again = await v1('Alice', 'limit=5');
    expect(again.status).toBe(200);
    expect(again.body.steamid).toBe(ALICE);
    expect(again.headers.get('x-gamestash-steamid')).toBe(ALICE);
    expect(vanityLookups()).toBe(1);
    // One cache entry per account, whatever it was called.
    expect(inventories()).toBe(1);
  });

  it.each([
    ['a profile URL', `https://steamcommunity.com/profiles/${ALICE}/`],
    ['a /id/ URL', 'https://steamcommunity.com/id/alice'],
    ['a trade URL', 'https://steamcommunity.com/tradeoffer/new/?partner=52079950&token=YDAlR4bC'],
    ['Steam2', 'STEAM_0:0:26039975'],
    ['Steam3', '[U:1:52079950]'],
    ['a URL without its scheme', `steamcommunity.com/profiles/${ALICE}`],
  ])('takes %s in the query and in a /v1 path segment', async (_name, who) => {
    const query = await inventory(who);
    expect(query.status).toBe(200);
    expect(query.headers.get('x-gamestash-steamid')).toBe(ALICE);
    const path = await v1(who, 'limit=1');
    expect(path.status).toBe(200);
    expect(path.body.steamid).toBe(ALICE);
  });

  it("accepts the configured community host's URLs (the emulator's)", async () => {
    const res = await inventory(`${emulator.url}/profiles/${ALICE}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-gamestash-steamid')).toBe(ALICE);
  });

  it('refuses "me", other hosts and garbage with a 400 naming steamid, before any request', async () => {
    const before = emulator.stats.count();
    const cases: [string, RegExp][] = [
      ['me', /"me" has no meaning here/],
      [`https://evil.example/profiles/${ALICE}`, /evil\.example is not Steam/],
      ['https://evil.example/tradeoffer/new/?partner=52079950', /evil\.example is not Steam/],
      ['../../admin', /invalid steamid/],
    ];
    for (const [who, message] of cases) {
      for (const res of [await inventory(who), await v1(who)]) {
        expectProblem(res, 400, 'invalid_input');
        expect(res.body.error.parameter).toBe('steamid');
        expect(res.body.error.message).toMatch(message);
      }
    }
    expect(emulator.stats.count()).toBe(before);
  });

  it('answers an unknown vanity name with 404', async () => {
    const res = await inventory('nobody_here');
    expectProblem(res, 404, 'profile_not_found');
    expect(res.body.error.message).toMatch(/no Steam profile has the custom URL "nobody_here"/);
  });
});

describe('leading zeros', () => {
  it('reads 0730 and 02 as app 730 and context 2: one cache entry for every spelling', async () => {
    const before = inventories();
    for (const rest of ['gameid=0730&contextid=02', 'gameid=730&contextid=002']) {
      const res = await inventory(ALICE, rest);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-gamestash-cache')).toBe('hit');
    }
    const path = await gw.get(`/v1/steam/inventory/${ALICE}/00730/0002?limit=1`, { 'x-api-key': key });
    expect(path.body).toMatchObject({ appid: '730', contextid: '2' });
    expect(inventories()).toBe(before);
  });

  it('refuses app 0 in the words of the library, naming the parameter the route uses', async () => {
    const res = await inventory(ALICE, 'gameid=000&contextid=2');
    expectProblem(res, 400, 'invalid_input');
    expect(res.body.error.parameter).toBe('gameid');
    expect(res.body.error.message).toMatch(/app id must be a positive number/);
  });
});

describe('summary=1 with limit', () => {
  it('returns at most limit summary lines, paged by cursor, and every line without limit', async () => {
    const all = await v1(ALICE, 'summary=1');
    expect(all.status).toBe(200);
    const lines = all.body.summary.length;
    expect(lines).toBeGreaterThan(3);
    expect(all.body).toMatchObject({ distinct: lines, count: lines, next_cursor: null });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await v1(ALICE, `summary=1&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.body.summary.length).toBeLessThanOrEqual(3);
      expect(res.body.count).toBe(res.body.summary.length);
      expect(res.body.distinct).toBe(lines);
      seen.push(...res.body.summary.map((l: { marketHashName: string }) => l.marketHashName));
      cursor = res.body.next_cursor;
    } while (cursor);
    expect(seen).toEqual(all.body.summary.map((l: { marketHashName: string }) => l.marketHashName));
  });
});
