/**
 * Error mapping over real HTTP: every Web API failure in UPSTREAM.md becomes its typed error
 * (refused key, private profile told apart by method and body, no stats, 429, 5xx, x-eresult,
 * bodies that do not parse), GETs are retried and POSTs never, and the key never shows.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  startFakeSteamWebApi,
  type FakeAnswer,
  type FakeSteamWebApi,
} from '../../../test/fake-steam-webapi.js';
import { LITERAL_ANSWERS, ROBIN } from '../../../test/steam-webapi-fixtures.js';
import {
  AuthenticationError,
  GamestashError,
  MalformedResponseError,
  NotFoundError,
  PrivateError,
  RateLimitError,
  SessionExpiredError,
  UpstreamError,
  UpstreamInvalidRequestError,
  UpstreamUnavailableError,
} from '../../core/errors.js';
import { HttpClient } from '../../core/http/client.js';
import { SteamWebApiClient } from './client.js';

const KEY = 'FEDCBA9876543210FEDCBA9876543210';
const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJFZERTQSJ9.eyJpc3MiOiJyOkZGRkYifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
let steam: FakeSteamWebApi;
let answer: (path: string) => FakeAnswer | undefined = () => undefined;
// One retry with no wait: enough to see what is retried and what is not.
const http = new HttpClient({ retries: 1, baseDelayMs: 1, maxDelayMs: 1 });

beforeAll(async () => {
  steam = await startFakeSteamWebApi((req) => answer(req.path));
});
afterEach(() => {
  answer = () => undefined;
  steam.requests.length = 0;
});
afterAll(async () => {
  await http.close();
  await steam.close();
});

const client = () => new SteamWebApiClient({ http, apiUrl: steam.url, apiKey: KEY, rateLimitCooldownMs: 1 });
const html = (status: number, body: string, headers: Record<string, string> = {}): FakeAnswer => ({
  status,
  headers: { 'content-type': 'text/html; charset=UTF-8', ...headers },
  body,
});
const json = (status: number, body: string, headers: Record<string, string> = {}): FakeAnswer => ({
  status,
  headers: { 'content-type': 'application/json; charset=UTF-8', ...headers },
  body,
});

async function failure(run: () => Promise<unknown>): Promise<GamestashError> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GamestashError);
  const typed = error as GamestashError;
  // The key never shows: not in the message, the request, the body, nor the JSON form.
  for (const text of [typed.message, JSON.stringify(typed), typed.request?.url ?? '', typed.body ?? '']) {
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(TOKEN);
  }
  expect(typed.service).toBe('steam-webapi');
  return typed;
}

describe('a refused key', () => {
  it('403 "Access is denied" is an AuthenticationError naming STEAM_API_KEY', async () => {
    answer = () => html(403, LITERAL_ANSWERS.accessDenied);
    const error = await failure(() => client().getPlayerSummaries(ROBIN));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toMatch(/STEAM_API_KEY/);
    expect(error.status).toBe(403);
    expect(error.request?.url).toContain('key=[REDACTED]');
    expect(steam.requests).toHaveLength(1);
  });

  it('401 on a method other than GetFriendList is a refused key too', async () => {
    answer = () => html(401, LITERAL_ANSWERS.unauthorized);
    expect(await failure(() => client().getOwnedGames(ROBIN))).toBeInstanceOf(AuthenticationError);
  });

  it('403 to an access token is an expired session', async () => {
    answer = () => html(403, LITERAL_ANSWERS.accessDenied);
    const error = await failure(() => client().getOwnedGames(ROBIN, { accessToken: TOKEN }));
    expect(error).toBeInstanceOf(SessionExpiredError);
    expect(error.message).toMatch(/access token/);
  });

  it('never shows the key, even when Steam echoes it back', async () => {
    answer = () => html(403, `<html><body>Access is denied for key=${KEY} (${KEY})</body></html>`);
    await failure(() => client().getPlayerSummaries(ROBIN));
  });
});

describe('privacy is told apart from a refused key by the method and the body', () => {
  it('GetFriendList’s 401 is a PrivateError', async () => {
    answer = () => html(401, LITERAL_ANSWERS.unauthorized);
    const error = await failure(() => client().getFriendList(ROBIN));
    expect(error).toBeInstanceOf(PrivateError);
    expect(error).not.toBeInstanceOf(AuthenticationError);
  });

  it.each(['getPlayerAchievements', 'getUserStatsForGame'] as const)(
    '%s’s 403 "Profile is not public" is a PrivateError',
    async (method) => {
      answer = () => json(403, LITERAL_ANSWERS.notPublic);
      const error = await failure(() => client()[method](ROBIN, 440));
      expect(error).toBeInstanceOf(PrivateError);
      expect(error.message).toMatch(/not public/);
    },
  );

  it('the same answer in XML is a PrivateError too', async () => {
    answer = () => ({
      status: 403,
      headers: { 'content-type': 'text/xml' },
      body: '<?xml version="1.0" encoding="UTF-8"?>\n<playerstats>\n\t<error>Profile is not public</error>\n\t<success>false</success>\n</playerstats>\n',
    });
    expect(await failure(() => client().getPlayerAchievements(ROBIN, 440, { format: 'xml' }))).toBeInstanceOf(
      PrivateError,
    );
  });

  it('a 200 with success: false and "not public" is a PrivateError', async () => {
    answer = () => json(200, LITERAL_ANSWERS.notPublic);
    expect(await failure(() => client().getPlayerAchievements(ROBIN, 440))).toBeInstanceOf(PrivateError);
  });
});

describe('other answers', () => {
  it('400 "Requested app has no stats" is a NotFoundError with that message', async () => {
    answer = () => json(400, LITERAL_ANSWERS.noStats);
    const error = await failure(() => client().getPlayerAchievements(ROBIN, 10));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toMatch(/Requested app has no stats/);
  });

  it.each([
    ['json', '{}'],
    ['xml', '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE >\n'],
    ['vdf', ''],
  ] as const)('a 403 with an empty %s answer is a NotFoundError, not a refused key', async (format, body) => {
    answer = () => ({ status: 403, body });
    const error = await failure(() => client().getGlobalAchievementPercentagesForApp(999999, { format }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toMatch(/nothing for ISteamUserStats\/GetGlobalAchievementPercentagesForApp\/v2/);
  });

  it('a 400 "Parameter \'key\' is missing" names STEAM_API_KEY', async () => {
    answer = () =>
      html(
        400,
        "<html><head><title>Bad Request</title></head><body><h1>Bad Request</h1>Please verify that all required parameters are being sent.<pre>Parameter 'key' is missing</pre></body></html>",
      );
    const error = await failure(() => client().getNewsForApp(440));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toMatch(/STEAM_API_KEY/);
  });

  it('another 400 is an UpstreamInvalidRequestError quoting Steam’s page', async () => {
    answer = () =>
      html(
        400,
        "<html><head><title>Bad Request</title></head><body><h1>Bad Request</h1>Required parameter 'steamid' is missing</body></html>",
      );
    const error = await failure(() => client().getFriendList(ROBIN));
    expect(error).toBeInstanceOf(UpstreamInvalidRequestError);
    expect(error.message).toMatch(/Required parameter 'steamid' is missing/);
  });

  it('429 is a RateLimitError with Retry-After, and GETs are retried after it', async () => {
    answer = () => html(429, '<html><body>Too Many Requests</body></html>', { 'retry-after': '1' });
    const error = await failure(() => client().getServerInfo());
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(1000);
    expect(steam.requests).toHaveLength(2);
  });

  it('5xx is UpstreamUnavailableError carrying the EResult, retried for GET', async () => {
    answer = () => html(503, '<html><body>Service Unavailable</body></html>', { 'x-eresult': '20' });
    const error = await failure(() => client().getNewsForApp(440));
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error.code).toBe(20);
    expect(error.message).toMatch(/EResult 20 ServiceUnavailable/);
    expect(steam.requests).toHaveLength(2);
  });

  it('a POST is never retried', async () => {
    answer = (path) =>
      path.includes('GetSupportedAPIList')
        ? undefined
        : html(500, '<html><body>Internal Server Error</body></html>', { 'x-eresult': '2' });
    const error = await failure(() =>
      client().call('ISteamRemoteStorage/GetPublishedFileDetails/v1', {
        itemcount: 1,
        publishedfileids: ['1'],
      }),
    );
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(steam.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('a 200 whose x-eresult is not 1 is an UpstreamError carrying it', async () => {
    answer = () => json(200, '{"response":{}}', { 'x-eresult': '15', 'x-error_message': 'Access Denied' });
    const error = await failure(() => client().getOwnedGames(ROBIN));
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error.code).toBe(15);
    expect(error.message).toMatch(/EResult 15 AccessDenied: Access Denied/);
  });

  it('x-eresult 2 with a body is success (node-steam-tradeoffer-manager’s "fake Fail")', async () => {
    answer = () => json(200, '{"servertime":1,"servertimestring":"now"}', { 'x-eresult': '2' });
    expect(await client().getServerInfo()).toEqual({ servertime: 1, servertimestring: 'now' });
  });

  it('x-eresult 2 with an empty body is a transient failure', async () => {
    answer = () => json(200, '', { 'x-eresult': '2' });
    const error = await failure(() => client().getServerInfo());
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error.code).toBe(2);
  });

  it.each([
    ['json', '{"response":{"players":[{"steamid":"765'],
    ['xml', '<?xml version="1.0"?>\n<response><players><player><steamid>765'],
    ['vdf', '"response"\n{\n\t"players"\n\t{\n'],
  ] as const)('a %s body that does not parse is a MalformedResponseError, retried', async (format, body) => {
    answer = () => ({ status: 200, body });
    const error = await failure(() => client().getPlayerSummaries(ROBIN, { format }));
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error.message).toContain(format.toUpperCase());
    expect(steam.requests).toHaveLength(2);
  });

  it('an answer without the method’s root is malformed', async () => {
    answer = () => json(200, '{"unexpected":true}');
    expect(await failure(() => client().getPlayerSummaries(ROBIN))).toBeInstanceOf(MalformedResponseError);
  });

  it('404 names the method Steam does not have', async () => {
    answer = () => html(404, '<html><body>Not Found</body></html>');
    const error = await failure(() => client().getServerInfo());
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toMatch(/ISteamWebAPIUtil\/GetServerInfo\/v1/);
  });
});
