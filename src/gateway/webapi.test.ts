/**
 * The Steam Web API routes over real HTTP: a gateway on SQLite with the operator's key,
 * pointed at the emulator. The generic GET caller (Steam's body in the format asked, checked
 * before sending, POST refused), the typed player routes, the cache per method family,
 * quotas and metrics, and the operator's key never in an answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type StartedEmulator } from '../emulator/index.js';
import { ALICE, BOB, CAROL, KEY, WEB_API_PEOPLE } from '../../test/webapi-world.js';
import { removeTempDirs, startGateway, type Answer, type TestGateway } from '../../test/services/gateway.js';

let emulator: StartedEmulator;
let gateway: TestGateway;
let key: string;
const answers: Answer[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ scenario: WEB_API_PEOPLE });
  gateway = await startGateway({
    emulatorUrl: emulator.url,
    env: { GAMESTASH_STEAM_API_URL: emulator.url, STEAM_API_KEY: KEY },
  });
  key = await gateway.key();
});
afterAll(async () => {
  // Whatever was asked, the operator's key never came back.
  for (const answer of answers) expect(answer.text).not.toContain(KEY);
  await gateway.close();
  await emulator.close();
  removeTempDirs();
});

async function get(path: string, headers: Record<string, string> = {}) {
  const answer = await gateway.get(path, { 'x-api-key': key, ...headers });
  answers.push(answer);
  return answer;
}
const steamRequests = (prefix = '/I') => emulator.stats.count({ pathPrefix: prefix });
const direct = async (path: string) =>
  (await fetch(`${emulator.url}${path}${path.includes('?') ? '&' : '?'}key=${KEY}`)).text();

describe('GET /v1/steam/api/{interface}/{method}/{version}', () => {
  it('answers Steam’s body untouched, then from the cache (any parameter order)', async () => {
    emulator.reset();
    const first = await get(`/v1/steam/api/ISteamUser/GetFriendList/v1?steamid=${ALICE}&relationship=friend`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    expect(first.headers.get('x-gamestash-cache')).toBe('miss');
    expect(first.text).toBe(
      await direct(`/ISteamUser/GetFriendList/v1/?format=json&steamid=${ALICE}&relationship=friend`),
    );
    const calls = steamRequests('/ISteamUser/GetFriendList/');
    expect(calls).toBe(2); // ours and the direct one
    const again = await get(
      `/v1/steam/api/isteamuser/getfriendlist/v0001?relationship=friend&steamid=${ALICE}`,
    );
    expect(again.headers.get('x-gamestash-cache')).toBe('hit');
    expect(again.text).toBe(first.text);
    expect(steamRequests('/ISteamUser/GetFriendList/')).toBe(calls);
    const fresh = await get(
      `/v1/steam/api/ISteamUser/GetFriendList/v1?steamid=${ALICE}&relationship=friend&fresh=1`,
    );
    expect(fresh.headers.get('x-gamestash-cache')).toBe('miss');
    expect(steamRequests('/ISteamUser/GetFriendList/')).toBe(calls + 1);
    expect(emulator.stats.count({ pathPrefix: '/ISteamWebAPIUtil/GetSupportedAPIList/' })).toBe(1);
  });

  it.each([
    ['xml', 'text/xml; charset=UTF-8', /^<\?xml version="1.0" encoding="UTF-8"\?>\n<!DOCTYPE appnews>/],
    ['vdf', 'text/vdf; charset=UTF-8', /^"appnews"\n\{/],
  ])('passes format=%s through, with its content type', async (format, type, start) => {
    const answer = await get(`/v1/steam/api/ISteamNews/GetNewsForApp/v2?appid=440&count=2&format=${format}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe(type);
    expect(answer.text).toMatch(start);
    expect(answer.text).toBe(
      await direct(`/ISteamNews/GetNewsForApp/v2/?format=${format}&appid=440&count=2`),
    );
  });

  it('sends input_json and repeated names to a service method', async () => {
    const filter = encodeURIComponent('{"appids_filter":[620,365670]}');
    const answer = await get(
      `/v1/steam/api/IPlayerService/GetOwnedGames/v1?steamid=${ALICE}&input_json=${filter}`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body.response.game_count).toBe(2);
  });

  it('refuses, before anything is sent: unknown names (with the closest), POST methods, post=1, a key', async () => {
    const before = steamRequests();
    const typo = await get(`/v1/steam/api/ISteamUser/GetFriendLst/v1?steamid=${ALICE}`);
    expect(typo.status).toBe(400);
    expect(typo.body.error).toMatchObject({ code: 'invalid_input', parameter: 'method' });
    expect(typo.body.error.message).toBe(
      'no method GetFriendLst in ISteamUser; did you mean GetFriendList (v1)?',
    );
    const missing = await get('/v1/steam/api/ISteamUser/GetFriendList/v1');
    expect(missing.body.error.message).toMatch(/needs steamid/);
    const post = await get('/v1/steam/api/IEconService/CancelTradeOffer/v1?tradeofferid=1');
    expect(post.status).toBe(405);
    expect(post.body.error.message).toMatch(
      /IEconService\/CancelTradeOffer\/v1 is a POST method.*GET methods only/,
    );
    const forced = await get(`/v1/steam/api/ISteamUser/GetFriendList/v1?steamid=${ALICE}&post=1`);
    expect(forced.status).toBe(405);
    const own = await get(`/v1/steam/api/ISteamUser/GetFriendList/v1?steamid=${ALICE}&key=${'A'.repeat(32)}`);
    expect(own.status).toBe(400);
    expect(own.body.error).toMatchObject({ code: 'invalid_input', parameter: 'key' });
    expect(own.text).not.toContain('A'.repeat(32));
    const format = await get(`/v1/steam/api/ISteamUser/GetFriendList/v1?steamid=${ALICE}&format=csv`);
    expect(format.status).toBe(400);
    expect(format.body.error.parameter).toBe('format');
    expect(steamRequests()).toBe(before);
  });

  it('answers a private friend list 403 private, and a key-less caller 401', async () => {
    const hidden = await get(`/v1/steam/api/ISteamUser/GetFriendList/v1?steamid=${BOB}`);
    expect(hidden.status).toBe(403);
    expect(hidden.body).toEqual({
      status: 403,
      error: { code: 'private', message: expect.stringMatching(/friend list is private/) },
    });
    const anonymous = await gateway.get(`/v1/steam/api/ISteamUser/GetFriendList/v1?steamid=${ALICE}`);
    expect(anonymous.status).toBe(401);
  });
});

describe('typed player routes', () => {
  it('GET /v1/steam/players/{steamids}: any form, in the order asked, a private one included', async () => {
    const answer = await get(
      `/v1/steam/players/${BOB},alice,${encodeURIComponent(`[U:1:${110 + 39734272}]`)}`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe(200);
    expect(answer.body.players.map((p: { steamid: string }) => p.steamid)).toEqual([BOB, ALICE]);
    expect(answer.body.players[0]).toMatchObject({ communityvisibilitystate: 1 });
    expect(answer.body.players[1]).toMatchObject({ personaname: 'Alice <3', realname: 'Alice Liddell' });
    const many = Array.from({ length: 250 }, (_, i) => String(76561198000001000n + BigInt(i)));
    emulator.reset();
    const byQuery = await get(`/v1/steam/players?ids=${many.join(',')}`);
    expect(byQuery.status).toBe(200);
    expect(steamRequests('/ISteamUser/GetPlayerSummaries/')).toBe(3);
    const tooMany = await get(`/v1/steam/players?ids=${[...many, ...many.map((id) => `${id}0`)].join(',')}`);
    expect(tooMany.status).toBe(400);
  });

  it('/games: most fields as Steam names them; visible: false for a hidden library', async () => {
    const games = await get(`/v1/steam/players/alice/games?appinfo=1&free_games=1`);
    expect(games.status).toBe(200);
    expect(games.body).toMatchObject({ status: 200, steamid: ALICE, visible: true, game_count: 4 });
    expect(games.body.games.find((g: { appid: number }) => g.appid === 620)).toMatchObject({
      name: 'Portal 2',
      playtime_forever: 900,
    });
    const filtered = await get(`/v1/steam/players/${ALICE}/games?appids=620`);
    expect(filtered.body.games.map((g: { appid: number }) => g.appid)).toEqual([620]);
    for (const who of [BOB, CAROL]) {
      const hidden = await get(`/v1/steam/players/${who}/games`);
      expect(hidden.body).toEqual({ status: 200, steamid: who, visible: false, games: [] });
    }
  });

  it('/friends, /recent, /achievements/{appid}, /stats/{appid}', async () => {
    const friends = await get(`/v1/steam/players/${ALICE}/friends`);
    expect(friends.body.friends.map((f: { steamid: string }) => f.steamid)).toEqual([BOB, CAROL]);
    expect((await get(`/v1/steam/players/${BOB}/friends`)).body.error.code).toBe('private');
    const recent = await get(`/v1/steam/players/${ALICE}/recent?count=1`);
    expect(recent.body).toMatchObject({ visible: true, games: [{ appid: 730 }] });
    const achievements = await get(`/v1/steam/players/${ALICE}/achievements/620?l=german`);
    expect(achievements.body).toMatchObject({ status: 200, steamID: ALICE, gameName: 'Portal 2' });
    expect(achievements.body.achievements).toContainEqual(
      expect.objectContaining({ apiname: 'WAKE_UP', achieved: 1, name: 'Du Monster' }),
    );
    const hidden = await get(`/v1/steam/players/${BOB}/achievements/620`);
    expect([hidden.status, hidden.body.error.code]).toEqual([403, 'private']);
    const stats = await get(`/v1/steam/players/${ALICE}/stats/730`);
    expect(stats.body.stats).toContainEqual({ name: 'total_kills', value: 1234 });
    const none = await get(`/v1/steam/players/${ALICE}/stats/365670`);
    expect([none.status, none.body.error.code]).toEqual([404, 'not_found']);
    expect(none.body.error.message).toMatch(/no stats/);
  });

  it('refuses "me" and bad ids before any request', async () => {
    const before = steamRequests();
    const me = await get('/v1/steam/players/me/games');
    expect([me.status, me.body.error.code]).toEqual([400, 'invalid_input']);
    const bad = await get('/v1/steam/players/123/friends');
    expect(bad.status).toBe(400);
    const app = await get(`/v1/steam/players/${ALICE}/stats/0`);
    expect(app.status).toBe(400);
    expect(steamRequests()).toBe(before);
  });
});

describe('quotas, metrics and the OpenAPI document', () => {
  it('counts Web API routes like the others', async () => {
    const answer = await get(`/v1/steam/players/${ALICE}/friends`);
    expect(answer.headers.get('x-ratelimit-limit')).toBe('100000');
    const metrics = await gateway.get('/metrics');
    expect(metrics.text).toMatch(
      /gamestash_webapi_cache_lookups_total\{family="players",result="hit"\} [1-9]/,
    );
    expect(metrics.text).toMatch(/gamestash_webapi_cache_lookups_total\{family="apps",result="miss"\} [1-9]/);
    expect(metrics.text).toContain('route="/v1/steam/api/:interface/:method/:version"');
  });

  it('documents every route', async () => {
    const doc = (await gateway.get('/openapi.json')).body;
    for (const path of [
      '/v1/steam/api/{interface}/{method}/{version}',
      '/v1/steam/players',
      '/v1/steam/players/{steamids}',
      '/v1/steam/players/{steamid}/games',
      '/v1/steam/players/{steamid}/recent',
      '/v1/steam/players/{steamid}/friends',
      '/v1/steam/players/{steamid}/achievements/{appid}',
      '/v1/steam/players/{steamid}/stats/{appid}',
    ]) {
      expect(doc.paths[path]?.get, path).toBeDefined();
    }
  });
});
