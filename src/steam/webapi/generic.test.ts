/**
 * The generic caller over real HTTP: checked against GetSupportedAPIList (kept on disk for a
 * day) before anything is sent, GET or POST as the list says, input_json for services,
 * the typed shape for known methods in every format, and `raw`.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSteamWebApi, type FakeSteamWebApi } from '../../../test/fake-steam-webapi.js';
import { JSON_ANSWERS, ROBIN } from '../../../test/steam-webapi-fixtures.js';
import { InvalidInputError } from '../../core/errors.js';
import { HttpClient } from '../../core/http/client.js';
import { SupportedApiCache } from './api-list.js';
import { SteamWebApiClient } from './client.js';
import type { SupportedApiList } from './types.js';

const KEY = '0123456789ABCDEF0123456789ABCDEF';
let steam: FakeSteamWebApi;
let dir: string;
const http = new HttpClient({ retries: 0 });

beforeAll(async () => {
  steam = await startFakeSteamWebApi((req) =>
    req.path.startsWith('/ISteamRemoteStorage/')
      ? {
          body: '{"response":{"result":1,"resultcount":1,"publishedfiledetails":[{"publishedfileid":"5","result":1}]}}',
        }
      : undefined,
  );
  dir = await mkdtemp(join(tmpdir(), 'gamestash-webapi-'));
});
afterEach(() => {
  steam.requests.length = 0;
});
afterAll(async () => {
  await http.close();
  await steam.close();
  await rm(dir, { recursive: true, force: true });
});

const client = (options: Partial<ConstructorParameters<typeof SteamWebApiClient>[0]> = {}) =>
  new SteamWebApiClient({ http, apiUrl: steam.url, apiKey: KEY, ...options });
const LIST_PATH = '/ISteamWebAPIUtil/GetSupportedAPIList/';

describe('checked before sending', () => {
  it('sends nothing but the method list for a call that fails the check', async () => {
    const api = client();
    await expect(api.call('ISteamUser/GetPlayerSummary/v2', { steamids: ROBIN })).rejects.toThrow(
      'no method GetPlayerSummary in ISteamUser; did you mean GetPlayerSummaries (v1, v2)?',
    );
    await expect(api.call('ISteamUser/GetFriendList/v1', ['relationship=friend'])).rejects.toThrow(
      /needs steamid/,
    );
    await expect(api.call('ISteamUser/GetFriendList/v1', ['steamid'])).rejects.toThrow(/has no "="/);
    await expect(api.call('ISteamUser/GetFriendList/v1', ['steamid=1'], { format: 'csv' })).rejects.toThrow(
      /json, xml or vdf/,
    );
    expect(steam.requests.map((r) => r.path)).toEqual([`${LIST_PATH}v1/`]);
    expect(steam.requests[0]!.query.get('key')).toBe(KEY);
  });

  it('fails bad text before even fetching the list', async () => {
    await expect(client().call('ISteamUser', [])).rejects.toThrow(InvalidInputError);
    await expect(client().call('ISteamUser/GetFriendList/v1', ['input_json=nope'])).rejects.toThrow(
      /not JSON/,
    );
    expect(steam.requests).toHaveLength(0);
  });
});

describe('sending', () => {
  it('returns a typed method’s answer in its JSON shape whatever the format', async () => {
    const api = client();
    for (const format of ['json', 'xml', 'vdf'] as const) {
      expect(await api.call('/ISteamUser/GetFriendList/v0001/', { steamid: ROBIN }, { format })).toEqual(
        JSON_ANSWERS.getFriendList,
      );
    }
    const calls = steam.requests.filter((r) => r.path.startsWith('/ISteamUser/'));
    expect(calls.map((r) => r.path)).toEqual(Array(3).fill('/ISteamUser/GetFriendList/v1/'));
  });

  it('sends a service’s text parameters as input_json typed by the list', async () => {
    await client().call('IPlayerService/GetOwnedGames/v1', [
      `steamid=${ROBIN}`,
      'include_appinfo=true',
      'appids_filter=440',
      'appids_filter=570',
    ]);
    const req = steam.requests.find((r) => r.path.startsWith('/IPlayerService/'))!;
    expect([...req.query.keys()].sort()).toEqual(['format', 'input_json', 'key']);
    expect(JSON.parse(req.query.get('input_json')!)).toEqual({
      steamid: ROBIN,
      include_appinfo: true,
      appids_filter: [440, 570],
    });
  });

  it('POSTs what the list says is a POST, with a form body and name[0]= arrays', async () => {
    const answer = await client().call('ISteamRemoteStorage/GetPublishedFileDetails/v1', {
      itemcount: 2,
      publishedfileids: ['5', '6'],
    });
    const req = steam.requests.find((r) => r.method === 'POST')!;
    expect(req.query.toString()).toBe('');
    expect(Object.fromEntries(req.form)).toEqual({
      format: 'json',
      itemcount: '2',
      'publishedfileids[0]': '5',
      'publishedfileids[1]': '6',
    });
    // Outside the typed table: the JSON as Steam sent it.
    expect(answer).toMatchObject({ response: { resultcount: 1 } });
  });

  it('gives Steam’s body untouched with raw', async () => {
    const raw = await client().call('ISteamWebAPIUtil/GetServerInfo/v1', [], { raw: true, format: 'vdf' });
    expect(raw.status).toBe(200);
    expect(raw.contentType).toMatch(/vdf/);
    expect(raw.body).toContain('"servertime"\t\t"1700000000"');
  });

  it('tells a front-end how a call would go without sending it', async () => {
    const api = client();
    expect(
      await api.check('isteamremotestorage/getpublishedfiledetails', [
        'itemcount=1',
        'publishedfileids[0]=5',
      ]),
    ).toEqual({
      interface: 'ISteamRemoteStorage',
      method: 'GetPublishedFileDetails',
      version: 1,
      http: 'POST',
    });
    await expect(api.check('ISteamUser/GetFriendList/v1', [])).rejects.toThrow(/needs steamid/);
    expect(steam.requests.map((r) => r.path)).toEqual([`${LIST_PATH}v1/`]);
  });

  it('follows GET or POST when forced', async () => {
    await client().call('ISteamNews/GetNewsForApp/v2', ['appid=440'], { method: 'POST' });
    expect(steam.requests.at(-1)).toMatchObject({ method: 'POST', path: '/ISteamNews/GetNewsForApp/v2/' });
    await expect(
      client().call('ISteamNews/GetNewsForApp/v2', ['appid=440'], { method: 'PUT' as 'GET' }),
    ).rejects.toThrow(/GET or POST/);
  });
});

describe('the method list is kept for a day', () => {
  it('on disk: a second client with the same cache directory does not fetch it again', async () => {
    const cacheDir = join(dir, 'cache-a');
    await client({ cacheDir }).call('ISteamWebAPIUtil/GetServerInfo/v1');
    await client({ cacheDir }).call('ISteamWebAPIUtil/GetServerInfo/v1');
    expect(steam.count(LIST_PATH)).toBe(1);
    const files = await readdir(cacheDir);
    expect(files).toHaveLength(1);
    // The file is named by a hash, and holds the list, never the key.
    expect(files[0]).not.toContain(KEY);
    expect(await readFile(join(cacheDir, files[0]!), 'utf8')).not.toContain(KEY);
  });

  it('in memory without a directory, and per key', async () => {
    const api = client();
    await api.call('ISteamWebAPIUtil/GetServerInfo/v1');
    await api.call('ISteamWebAPIUtil/GetServerInfo/v1');
    expect(steam.count(LIST_PATH)).toBe(1);
    const cacheDir = join(dir, 'cache-b');
    await client({ cacheDir }).supportedApi();
    await client({ cacheDir, apiKey: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }).supportedApi();
    expect(steam.count(LIST_PATH)).toBe(3);
  });

  it('fetches again after a day, or when asked to refresh', async () => {
    let now = 1_000_000;
    let fetches = 0;
    const list: SupportedApiList = { interfaces: [] };
    const cache = new SupportedApiCache(async () => (fetches++, list), 'identity', {
      cacheDir: join(dir, 'cache-c'),
      now: () => now,
    });
    await cache.get();
    now += 23 * 3600_000;
    await cache.get();
    expect(fetches).toBe(1);
    now += 2 * 3600_000;
    await cache.get();
    expect(fetches).toBe(2);
    await cache.get({ refresh: true });
    expect(fetches).toBe(3);
    // A fresh cache object (a new process) reads the file instead of fetching.
    const again = new SupportedApiCache(async () => (fetches++, list), 'identity', {
      cacheDir: join(dir, 'cache-c'),
      now: () => now,
    });
    expect(await again.get()).toEqual(list);
    expect(fetches).toBe(3);
  });

  it('shares one fetch between calls arriving together, and survives an unwritable directory', async () => {
    let fetches = 0;
    // A directory that cannot be made: its parent is a file.
    await writeFile(join(dir, 'a-file'), '');
    const cache = new SupportedApiCache(async () => (fetches++, { interfaces: [] }), 'x', {
      cacheDir: join(dir, 'a-file', 'cache'),
    });
    await Promise.all([cache.get(), cache.get(), cache.get()]);
    expect(fetches).toBe(1);
  });
});
