import { describe, expect, it } from 'vitest';
import { InvalidInputError, SessionExpiredError } from '../../core/errors.js';
import { redactText } from '../../core/http/redact.js';
import { steamJwt, steamLoginSecure } from '../../../test/steam-tokens.js';
import { parseSteamSession } from './session.js';

const ME = '76561198012345678';
const NOW = Date.UTC(2026, 11, 1);
const LATER = Math.floor(NOW / 1000) + 3600;

describe('parseSteamSession', () => {
  it('reads the SteamID, the access token and the expiry from steamLoginSecure', () => {
    const cookie = steamLoginSecure(ME, LATER);
    const session = parseSteamSession({
      cookies: `steamLoginSecure=${cookie}; sessionid=abc123def456`,
      now: NOW,
    });
    expect(session.steamid).toBe(ME);
    expect(session.accessToken).toBe(cookie.split('%7C%7C')[1]);
    expect(session.sessionId).toBe('abc123def456');
    expect(session.expiresAt?.toISOString()).toBe(new Date(LATER * 1000).toISOString());
    expect(session.cookieHeader).toBe(`steamLoginSecure=${cookie}; sessionid=abc123def456`);
  });

  it('accepts the bare cookie value, an undecoded || and STEAM_SESSION_ID', () => {
    const token = steamJwt({ sub: ME, exp: LATER });
    const session = parseSteamSession({ cookies: `${ME}||${token}`, sessionId: 'fromenv000000', now: NOW });
    expect(session.accessToken).toBe(token);
    expect(session.sessionId).toBe('fromenv000000');
    expect(session.steamLoginSecure).toBe(`${ME}%7C%7C${token}`);
  });

  it('makes up a sessionid when none is given (Steam only compares cookie and form field)', () => {
    const a = parseSteamSession({ cookies: steamLoginSecure(ME, LATER), now: NOW });
    const b = parseSteamSession({ cookies: steamLoginSecure(ME, LATER), now: NOW });
    expect(a.sessionId).toMatch(/^[0-9a-f]{24}$/);
    expect(a.sessionId).not.toBe(b.sessionId);
  });

  it('refuses an expired session before any request, saying when it expired', () => {
    const expired = Math.floor(NOW / 1000) - 60;
    const error = (() => {
      try {
        parseSteamSession({ cookies: steamLoginSecure(ME, expired), now: NOW });
      } catch (e) {
        return e;
      }
    })() as SessionExpiredError;
    expect(error).toBeInstanceOf(SessionExpiredError);
    expect(error.message).toContain(new Date(expired * 1000).toISOString());
    expect(error.message).toMatch(/log in to steamcommunity\.com again/);
  });

  it('explains missing and malformed cookies', () => {
    expect(() => parseSteamSession({ cookies: undefined })).toThrow(/set STEAM_COOKIES/);
    expect(() => parseSteamSession({ cookies: 'sessionid=abc' })).toThrow(/no steamLoginSecure/);
    expect(() => parseSteamSession({ cookies: 'steamLoginSecure=nonsense' })).toThrow(InvalidInputError);
    expect(() => parseSteamSession({ cookies: `steamLoginSecure=${ME}%7C%7Cnot-a-jwt` })).toThrow(
      /access token/,
    );
    const other = steamJwt({ sub: '76561198000000001', exp: LATER });
    expect(() => parseSteamSession({ cookies: `steamLoginSecure=${ME}%7C%7C${other}`, now: NOW })).toThrow(
      /belongs to 76561198000000001/,
    );
  });

  it('registers every part of the session as a secret', () => {
    const cookie = steamLoginSecure(ME, LATER);
    const session = parseSteamSession({
      cookies: `steamLoginSecure=${cookie}; sessionid=feedfacecafe`,
      now: NOW,
    });
    const leaked = `token ${session.accessToken} cookie ${cookie} sid feedfacecafe`;
    const redacted = redactText(leaked);
    expect(redacted).not.toContain(session.accessToken);
    expect(redacted).not.toContain('feedfacecafe');
  });
});
