import { describe, expect, it } from 'vitest';
import { steamLoginSecure } from '../../../../test/steam-tokens.js';
import { control, sendOffer, tradable, tradeWorld, type Json } from '../../../../test/trade-world.js';
import type { EmulatorRequest } from '../../types.js';
import { TradeClock } from './clock.js';
import { readJwt } from './jwt.js';
import { Sessions } from './sessions.js';

const OWNER = '76561198000001001';
const OTHER = '76561198000001002';

function request(cookie: string): EmulatorRequest {
  return { headers: { cookie } } as unknown as EmulatorRequest;
}

describe('Sessions', () => {
  it("mints Steam-shaped sessions: `<steamid>%7C%7C<jwt>` with an EdDSA header and Steam's claims", () => {
    const clock = new TradeClock(() => 1_800_000_000_000);
    const session = new Sessions(clock).mint(OWNER, 3600);
    expect(session.steamLoginSecure).toBe(`${OWNER}%7C%7C${session.accessToken}`);
    expect(session.sessionid).toMatch(/^[0-9a-f]{24}$/);
    const [header] = session.accessToken.split('.');
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toEqual({ typ: 'JWT', alg: 'EdDSA' });
    expect(readJwt(session.accessToken)).toMatchObject({
      sub: OWNER,
      aud: ['web:community'],
      iat: 1_800_000_000,
      exp: 1_800_003_600,
      jti: expect.stringMatching(/^[0-9A-F]{4}_[0-9A-F]{8}_[0-9A-F]{5}$/),
    });
    expect(session.expiresAt).toBe(1_800_003_600);
  });

  it("takes any well-formed token for the cookie's own account until it expires or its sessions end", () => {
    const clock = new TradeClock(() => 1_800_000_000_000);
    const sessions = new Sessions(clock);
    const outside = steamLoginSecure(OWNER, 1_800_000_100);
    expect(sessions.checkCookie(request(`steamLoginSecure=${outside}`))).toEqual({ steamid: OWNER });
    expect(sessions.checkCookie(request(`steamLoginSecure=${decodeURIComponent(outside)}`))).toEqual({
      steamid: OWNER,
    });
    const someoneElses = outside.replace(OWNER, OTHER);
    expect(sessions.checkCookie(request(`steamLoginSecure=${someoneElses}`))).toEqual({
      problem: 'malformed',
    });
    expect(sessions.checkCookie(request('sessionid=abc'))).toEqual({ problem: 'missing' });
    clock.advance(100_000);
    expect(sessions.checkCookie(request(`steamLoginSecure=${outside}`))).toEqual({ problem: 'expired' });

    const minted = sessions.mint(OWNER);
    sessions.end(OWNER);
    expect(sessions.checkToken(minted.accessToken)).toEqual({ problem: 'ended' });
    expect(sessions.checkToken(sessions.mint(OWNER).accessToken)).toEqual({ steamid: OWNER });
  });

  it('wants the sessionid cookie equal to the form field on POSTs', () => {
    const sessions = new Sessions(new TradeClock());
    const session = sessions.mint(OWNER);
    const cookie = `sessionid=${session.sessionid}; steamLoginSecure=${session.steamLoginSecure}`;
    expect(sessions.checkPost(request(cookie), session.sessionid)).toEqual({ steamid: OWNER });
    expect(sessions.checkPost(request(cookie), 'other')).toEqual({ problem: 'sessionid' });
    expect(sessions.checkPost(request(cookie), undefined)).toEqual({ problem: 'sessionid' });
  });
});

describe('sessions over HTTP', () => {
  const world = tradeWorld({ users: { [OWNER]: { private: true } } });
  const url = () => world.emulator.url;

  it('are minted by POST /__emulator/steam/sessions, for valid SteamIDs only', async () => {
    const minted = await control(url(), 'sessions', { steamid: OWNER, expiresInSeconds: 120 });
    expect(minted.status).toBe(200);
    expect(minted.json).toEqual({
      steamid: OWNER,
      steamLoginSecure: expect.stringMatching(new RegExp(`^${OWNER}%7C%7C[\\w-]+\\.[\\w-]+\\.[\\w-]+$`)),
      accessToken: expect.any(String),
      sessionid: expect.stringMatching(/^[0-9a-f]{24}$/),
      expiresAt: expect.any(Number),
    });
    expect(readJwt(minted.json.accessToken)!.exp! - readJwt(minted.json.accessToken)!.iat!).toBe(120);
    const bad = await control(url(), 'sessions', { steamid: '123' });
    expect([bad.status, bad.json]).toEqual([400, { error: 'steamid: expected an individual SteamID64' }]);
  });

  it('make their account the owner of its private inventory', async () => {
    const session = world.emulator.steam.trade.session(OWNER);
    const asOwner = await fetch(`${url()}/inventory/${OWNER}/730/2`, {
      headers: { cookie: `steamLoginSecure=${session.steamLoginSecure}` },
    });
    expect(asOwner.status).toBe(200);
    expect((await fetch(`${url()}/inventory/${OWNER}/730/2`)).status).toBe(403);
  });

  it('expire by the trade clock, and logged-out pages redirect to the login page', async () => {
    const trade = world.emulator.steam.trade;
    const session = trade.session(OTHER, 3600);
    const page = () =>
      fetch(`${url()}/tradeoffer/new/?partner=1`, {
        redirect: 'manual',
        headers: {
          cookie: `steamLoginSecure=${session.steamLoginSecure}`,
          referer: url(),
          'user-agent': 'okhttp/4.9.2',
        },
      });
    expect((await page()).status).toBe(200);
    const give = await tradable(url(), OTHER, 440, '2', 1, session);
    trade.advanceTime(3_600_000);
    const redirected = await page();
    expect([redirected.status, redirected.headers.get('location')]).toEqual([
      302,
      `${url()}/login/home/?goto=${encodeURIComponent('tradeoffer/new/?partner=1')}`,
    ]);
    const send = await sendOffer(url(), session, { partner: OWNER, give });
    expect([send.status, send.text]).toEqual([401, '']);
    const stats = (await (await fetch(`${url()}/__emulator/stats`)).json()) as Json;
    expect(stats.modules.steamTrade.sessionRefused).toBeGreaterThanOrEqual(2);
  });
});
