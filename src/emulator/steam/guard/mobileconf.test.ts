/**
 * The emulated Steam Guard over real HTTP, requests made by hand (the emulator must not depend
 * on the client): QueryTime with a skewed clock, the key checked with the account's identity
 * secret, a time used twice or far from the server clock refused, secrets changed while
 * running, and the 2025-2026 header requirements.
 */
import { describe, expect, it } from 'vitest';
import { guardWorld } from '../../../../test/guard-world.js';
import { control } from '../../../../test/trade-world.js';
import { confirmationKeyAt } from './totp.js';

const BOT = '76561198000000950';
const OTHER = '76561198000000954';
const SKEW = 3600;

const { trade, guard, url, nextTime, reply, getlist, multiajaxop } = guardWorld({
  users: {
    [BOT]: { trade: { mobileAuthenticator: true } },
    [OTHER]: { trade: { mobileAuthenticator: true } },
  },
  guard: { timeSkewSeconds: SKEW },
});

describe('ITwoFactorService/QueryTime', () => {
  it('answers a POST with the server clock, skewed as the scenario says; a GET is refused', async () => {
    const before = Math.floor(trade().now() / 1000);
    const answer = await reply(await fetch(`${url()}/ITwoFactorService/QueryTime/v1/`, { method: 'POST' }));
    expect(answer.status).toBe(200);
    const serverTime = Number(answer.json.response.server_time);
    expect(typeof answer.json.response.server_time).toBe('string');
    expect(serverTime - before).toBeGreaterThanOrEqual(SKEW);
    expect(serverTime - before).toBeLessThanOrEqual(SKEW + 5);
    expect(answer.json.response).toMatchObject({ skew_tolerance_seconds: '60', max_attempts: 3 });
    expect((await fetch(`${url()}/ITwoFactorService/QueryTime/v1/`)).status).toBe(405);
  });
});

describe('the confirmation key', () => {
  it("matches a published vector (steamguard-cli's test of the same algorithm)", () => {
    expect(confirmationKeyAt('GQP46b73Ws7gr8GmZFR0sDuau5c=', 1617591917, 'conf')).toBe(
      'NaL8EIMhfy/7vBounJ0CvpKbrPk=',
    );
  });

  it('is checked against the identity secret, the time and the tag; a time is good once per tag', async () => {
    const session = trade().session(BOT);
    const time = nextTime();
    expect(await getlist({ steamid: BOT, session, time, tag: 'list' })).toEqual({
      status: 200,
      json: { success: true, conf: [] },
    });
    // The same time again with the same tag: refused. With another tag it is a new key.
    const again = await getlist({ steamid: BOT, session, time, tag: 'list' });
    expect(again.json).toMatchObject({ success: false, message: 'Invalid authenticator' });
    expect(again.json.detail).toMatch(/incorrect Steam Guard codes/);
    expect((await getlist({ steamid: BOT, session, time, tag: 'conf' })).json.success).toBe(true);

    // A key made with another secret, a key for another tag, a time an hour off the server's.
    const [t1, t2] = [nextTime(), nextTime()];
    const other = guard().confirmationKey(OTHER, t1, 'list');
    expect((await getlist({ steamid: BOT, session, time: t1, key: other })).json.success).toBe(false);
    const wrongTag = guard().confirmationKey(BOT, t2, 'conf');
    expect((await getlist({ steamid: BOT, session, time: t2, key: wrongTag })).json.success).toBe(false);
    const local = guard().serverTime() - SKEW;
    expect((await getlist({ steamid: BOT, session, time: local })).json).toMatchObject({
      success: false,
      message: 'Invalid authenticator',
    });
    // Another account's `a` with this session is refused too.
    expect((await getlist({ steamid: OTHER, session })).json.success).toBe(false);
    const stats = (await control(url(), '../stats')).json.modules.steamGuard;
    expect(stats).toMatchObject({ reusedTimes: 1, timesOutOfRange: 1 });
    expect(stats.keysRefused).toBeGreaterThanOrEqual(5);
  });

  it('follows secrets changed through the control endpoint', async () => {
    const session = trade().session(OTHER);
    const secret = Buffer.alloc(20, 7).toString('base64');
    const changed = await control(url(), `guard/accounts/${OTHER}`, { identitySecret: secret });
    expect(changed.json).toMatchObject({ steamid: OTHER, identitySecret: secret });
    expect(changed.json.loginCode).toMatch(/^[23456789BCDFGHJKMNPQRTVWXY]{5}$/);
    const time = nextTime();
    const key = confirmationKeyAt(secret, time, 'list');
    expect((await getlist({ steamid: OTHER, session, time, key })).json.success).toBe(true);
    expect((await control(url(), `guard/accounts/${OTHER}`, { identitySecret: 'short' })).status).toBe(400);
  });
});

describe('headers and the session', () => {
  it('answers 429 without the mobile app user agent, 403 without Origin, needauth without a session', async () => {
    const session = trade().session(BOT);
    const desktop = await getlist({ steamid: BOT, session, headers: { 'user-agent': 'Mozilla/5.0' } });
    expect(desktop.status).toBe(429);
    const noOrigin = await getlist({ steamid: BOT, session, headers: { origin: undefined } });
    expect(noOrigin.status).toBe(403);
    const loggedOut = await getlist({ steamid: BOT, session, headers: { cookie: undefined } });
    expect(loggedOut).toEqual({ status: 200, json: { success: false, needauth: true } });
    trade().endSessions(BOT);
    expect((await getlist({ steamid: BOT, session })).json).toEqual({ success: false, needauth: true });
  });

  it('can ask Origin of POSTs only, or not at all', async () => {
    const session = trade().session(BOT);
    try {
      guard().settings({ originRequired: 'post', mobileAgentRequired: false });
      const get = await getlist({ steamid: BOT, session, headers: { origin: undefined, 'user-agent': 'x' } });
      expect(get.json.success).toBe(true);
      const post = await multiajaxop({
        steamid: BOT,
        session,
        op: 'allow',
        confs: [{ id: '1', nonce: '1' }],
        headers: { origin: undefined },
      });
      expect(post.status).toBe(403);
    } finally {
      guard().settings({ originRequired: 'all', mobileAgentRequired: true });
    }
  });
});
