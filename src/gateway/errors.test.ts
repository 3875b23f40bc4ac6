/**
 * Every error status the gateway answers, over real HTTP: the JSON shape, the parameter
 * named in 400s, Retry-After on 429/503, no stack trace ever, and nothing invalid ever sent
 * upstream (the emulator's request count does not move).
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type StartedEmulator } from '../emulator/index.js';
import { startGateway, type TestGateway } from '../../test/services/gateway.js';
import { expectProblem } from '../../test/services/problems.js';

const PUBLIC = '76561198000000040';
const PRIVATE = '76561198000000041';
const GHOST = '76561198000000042';
let emulator: StartedEmulator;
let gw: TestGateway;
let key: string;

beforeAll(async () => {
  emulator = await startEmulator({
    scenario: {
      steam: {
        users: {
          [PUBLIC]: { inventories: { '730/2': { size: 10 } } },
          [PRIVATE]: { private: true, cookie: 'private-owner-cookie' },
          [GHOST]: { profileNotSetUp: true },
        },
      },
    },
  });
  // Key lookups are not remembered here, so a revoked key fails at once.
  gw = await startGateway({ emulatorUrl: emulator.url, env: { GAMESTASH_KEY_CACHE_MS: '0' } });
  key = await gw.key();
});
afterAll(async () => {
  await gw?.close();
  await emulator?.close();
});

const upstream = () => emulator.stats.count({ pathPrefix: '/inventory/' });

describe('400 bad input, before anything reaches Steam', () => {
  const inv = (query: string) => gw.get(`/inventory?${query}&api_key=${key}`);
  const cases: [string, string, string, RegExp][] = [
    [
      'a steamid with spaces',
      'steamid=abc%20def&gameid=730&contextid=2',
      'steamid',
      /got "abc def".*SteamID64/,
    ],
    [
      'a steamid that is no form of SteamID',
      'steamid=a.b&gameid=730&contextid=2',
      'steamid',
      /invalid steamid "a\.b"/,
    ],
    [
      'steamid below the individual range',
      'steamid=76561197960265728&gameid=730&contextid=2',
      'steamid',
      /outside the range/,
    ],
    [
      'steamid in the pattern, below the range',
      'steamid=76561190000000001&gameid=730&contextid=2',
      'steamid',
      /outside the range/,
    ],
    [
      'steamid above the individual range',
      'steamid=76561202255233024&gameid=730&contextid=2',
      'steamid',
      /SteamID64/,
    ],
    ['missing steamid', 'gameid=730&contextid=2', 'steamid', /steamid is missing/],
    ['missing gameid', `steamid=${PUBLIC}&contextid=2`, 'gameid', /gameid is missing/],
    ['zero gameid', `steamid=${PUBLIC}&gameid=0&contextid=2`, 'gameid', /app id must be a positive number/],
    ['non-numeric contextid', `steamid=${PUBLIC}&gameid=730&contextid=2x`, 'contextid', /numeric context id/],
    [
      'path injection in contextid',
      `steamid=${PUBLIC}&gameid=730&contextid=2%2F..%2F..%2Flogin`,
      'contextid',
      /numeric/,
    ],
    ['path injection in steamid', `steamid=..%2F..%2Fadmin&gameid=730&contextid=2`, 'steamid', /SteamID64/],
    ['a huge parameter', `steamid=${'7'.repeat(5000)}&gameid=730&contextid=2`, 'steamid', /SteamID64/],
    [
      'a repeated parameter',
      `steamid=${PUBLIC}&steamid=${PUBLIC}&gameid=730&contextid=2`,
      'steamid',
      /give it once/,
    ],
    ['a bad language', `steamid=${PUBLIC}&gameid=730&contextid=2&language=EN%0D%0A`, 'language', /language/],
    ['a bad fresh flag', `steamid=${PUBLIC}&gameid=730&contextid=2&fresh=yes`, 'fresh', /1 or true/],
  ];
  it.each(cases)('%s', async (_name, query, parameter, message) => {
    const before = upstream();
    const res = await inv(query);
    expectProblem(res, 400, 'invalid_input');
    expect(res.body.error.parameter).toBe(parameter);
    expect(res.body.error.message).toMatch(message);
    expect(upstream()).toBe(before);
  });

  it('checks /v1 path parameters, limit and cursor the same way', async () => {
    const before = upstream();
    const v1 = (path: string) => gw.get(path, { 'x-api-key': key });
    const bad = await v1(`/v1/steam/inventory/7656119800000004%2F..%2F/730/2`);
    expectProblem(bad, 400, 'invalid_input');
    expect(bad.body.error.parameter).toBe('steamid');
    expect((await v1(`/v1/steam/inventory/${PUBLIC}/abc/2`)).body.error.parameter).toBe('appid');
    expect((await v1(`/v1/steam/inventory/${PUBLIC}/730/2?limit=0`)).body.error.parameter).toBe('limit');
    expect((await v1(`/v1/steam/inventory/${PUBLIC}/730/2?limit=many`)).body.error.parameter).toBe('limit');
    expect((await v1(`/v1/steam/inventory/${PUBLIC}/730/2?cursor=not*base64`)).body.error.parameter).toBe(
      'cursor',
    );
    expect(upstream()).toBe(before);
    // A well-formed cursor past the end is refused after the (cached) fetch, naming it too.
    const far = Buffer.from('o:999999').toString('base64url');
    const past = await v1(`/v1/steam/inventory/${PUBLIC}/730/2?cursor=${far}`);
    expectProblem(past, 400, 'invalid_input');
    expect(past.body.error.parameter).toBe('cursor');
  });

  it('refuses an over-long path segment (414) and an over-long request line (431) in JSON', async () => {
    expectProblem(
      await gw.get(`/v1/steam/inventory/${'7'.repeat(300)}/730/2`, { 'x-api-key': key }),
      414,
      'path_too_long',
    );
    const raw = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(`${gw.url}/inventory?steamid=${'7'.repeat(20_000)}`, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(raw.status).toBe(431);
    expect(JSON.parse(raw.body)).toMatchObject({ status: 431, error: { code: 'request_too_large' } });
  });
});

describe('401 missing or unknown key', () => {
  const path = `/inventory?steamid=${PUBLIC}&gameid=730&contextid=2`;
  it('names the problem and how to get a key', async () => {
    const missing = await gw.get(path);
    expectProblem(missing, 401, 'missing_api_key');
    expect(missing.body.error.message).toMatch(/gamestash keys create/);
    expectProblem(await gw.get(`${path}&api_key=nonsense`), 401, 'invalid_api_key');
    expectProblem(await gw.get(path, { 'x-api-key': `gs_${'a'.repeat(32)}` }), 401, 'invalid_api_key');
    expectProblem(await gw.get(`${path}&api_key=${key}&api_key=${key}`), 401, 'invalid_api_key');
  });

  it('comes before parameter checks, so an anonymous caller learns nothing else', async () => {
    expectProblem(await gw.get('/inventory?steamid=abc'), 401, 'missing_api_key');
  });

  it('refuses a revoked key', async () => {
    const doomed = await gw.app.services.keys.create({ name: 'doomed' });
    expect((await gw.get(`${path}&api_key=${doomed.key}`)).status).toBe(200);
    await gw.app.services.keys.revoke(doomed.record.id);
    expectProblem(await gw.get(`${path}&api_key=${doomed.key}`), 401, 'invalid_api_key');
  });
});

describe('403, 404, 405 and 429', () => {
  it('403 for a private inventory', async () => {
    const res = await gw.get(`/inventory?steamid=${PRIVATE}&gameid=730&contextid=2&api_key=${key}`);
    expectProblem(res, 403, 'private_inventory');
  });

  it('404 for a profile that does not exist, and for unknown routes', async () => {
    expectProblem(
      await gw.get(`/inventory?steamid=${GHOST}&gameid=730&contextid=2&api_key=${key}`),
      404,
      'profile_not_found',
    );
    const route = await gw.get(`/nope?api_key=${key}`);
    expectProblem(route, 404, 'route_not_found');
    expect(route.text).not.toContain(key);
    expectProblem(await gw.get('/inventory/extra'), 404, 'route_not_found');
  });

  it('405 with Allow for a wrong method, whatever the body', async () => {
    for (const [method, path] of [
      ['POST', '/inventory'],
      ['DELETE', `/v1/steam/inventory/${PUBLIC}/730/2`],
      ['PUT', '/healthz'],
    ] as const) {
      const res = await fetch(gw.url + path, {
        method,
        body: '{not json',
        headers: { 'content-type': 'application/json' },
      });
      const body = (await res.json()) as { status: number; error: { code: string } };
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD');
      expect(body).toMatchObject({ status: 405, error: { code: 'method_not_allowed' } });
    }
  });

  it('429 with Retry-After once a key is over its quota', async () => {
    const limited = await gw.key({ name: 'limited', quotaPerMinute: 2 });
    const path = `/inventory?steamid=${PUBLIC}&gameid=730&contextid=2&api_key=${limited}`;
    const first = await gw.get(path);
    expect(first.headers.get('x-ratelimit-limit')).toBe('2');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('1');
    expect((await gw.get(path)).status).toBe(200);
    const over = await gw.get(path);
    expectProblem(over, 429, 'quota_exceeded');
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(over.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    // Other keys are unaffected.
    expect((await gw.get(path.replace(limited, key))).status).toBe(200);
  });
});
