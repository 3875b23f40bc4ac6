/**
 * Login codes and Steam's clock: steam-totp's codes at fixed times (frozen vectors), the same
 * codes as the emulator computes them on its own, the QueryTime offset over real HTTP (the
 * emulator's clock skewed an hour), kept 12 hours, and secrets checked without being quoted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../core/errors.js';
import { loadConfig } from '../../core/config.js';
import { createHttpClient, type HttpClient } from '../../core/http/index.js';
import { startEmulator, type StartedEmulator } from '../../emulator/index.js';
import { confirmationKeyAt, loginCodeAt } from '../../emulator/steam/guard/totp.js';
import { generateLoginCode } from './codes.js';
import { createServerClock, loginCodeFromConfig } from './from-config.js';
import { requireSecret } from './secrets.js';
import { SteamServerClock } from './server-clock.js';

const SECRET_A = 'cnOgv/KdpLoP6Nbh0GMkXkPXALQ=';
const SECRET_B = 'GQP46b73Ws7gr8GmZFR0sDuau5c=';
const BOT = '76561198000000970';
const SKEW = 3600;

describe('generateLoginCode', () => {
  // steam-totp 2.1's output at these times, frozen: a change of library or use shows here.
  it.each([
    [SECRET_A, 1617591917, '3QBR8'],
    [SECRET_A, 1700000000, 'X45RP'],
    [SECRET_A, 1767225600, 'GY6KM'],
    [SECRET_B, 1617591917, 'Y3W7X'],
    [SECRET_B, 1700000000, 'HCCQH'],
    [SECRET_B, 1767225600, 'XWRD8'],
  ])('%s at %i is %s', (secret, time, code) => {
    expect(generateLoginCode(secret, { time })).toMatchObject({ code, time });
  });

  it("agrees with the emulator's own implementation, hex secrets included", () => {
    const hex = Buffer.from(SECRET_A, 'base64').toString('hex');
    for (let time = 1_700_000_000; time < 1_700_000_000 + 30 * 200; time += 30 + 7) {
      expect(generateLoginCode(SECRET_A, { time }).code).toBe(loginCodeAt(SECRET_A, time));
      expect(generateLoginCode(hex, { time }).code).toBe(loginCodeAt(SECRET_A, time));
    }
    // The emulator's confirmation keys match steamguard-cli's published vector too.
    expect(confirmationKeyAt(SECRET_B, 1617591917, 'conf')).toBe('NaL8EIMhfy/7vBounJ0CvpKbrPk=');
  });

  it('says how long the code lasts, by the 30-second window of the offset time', () => {
    const code = generateLoginCode(SECRET_A, { time: 1_700_000_020 });
    expect(code).toMatchObject({ secondsLeft: 20, expiresAt: new Date(1_700_000_040_000).toISOString() });
    const now = generateLoginCode(SECRET_A, { offsetSeconds: SKEW });
    expect(now.time - Math.floor(Date.now() / 1000)).toBeGreaterThanOrEqual(SKEW - 1);
    expect(now.offsetSeconds).toBe(SKEW);
  });
});

describe('requireSecret', () => {
  it('refuses a missing or malformed secret with a message that does not quote it', () => {
    expect(() => requireSecret(undefined, 'STEAM_SHARED_SECRET', 'a login code')).toThrow(
      /a login code needs STEAM_SHARED_SECRET: the authenticator's shared_secret/,
    );
    const bad = 'not-a-secret-but-long-enough';
    const error = (() => {
      try {
        requireSecret(bad, 'STEAM_IDENTITY_SECRET', 'x');
      } catch (e) {
        return e as InvalidInputError;
      }
    })();
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error?.message).toMatch(/STEAM_IDENTITY_SECRET is not a Steam Guard secret/);
    expect(error?.message).not.toContain(bad);
    // Base64 of the wrong length (16 bytes) is a copying mistake too.
    expect(() => requireSecret(Buffer.alloc(16).toString('base64'), 'STEAM_SHARED_SECRET', 'x')).toThrow(
      InvalidInputError,
    );
    expect(requireSecret(` ${SECRET_A} `, 'STEAM_SHARED_SECRET', 'x')).toBe(SECRET_A);
  });
});

describe("Steam's clock (QueryTime) against the emulator", () => {
  let emulator: StartedEmulator;
  let http: HttpClient;
  beforeAll(async () => {
    emulator = await startEmulator({
      scenario: {
        steam: { users: { [BOT]: { guard: { sharedSecret: SECRET_A } } }, guard: { timeSkewSeconds: SKEW } },
      },
    });
    http = createHttpClient(loadConfig({}));
  });
  afterAll(async () => {
    await http?.close();
    await emulator?.close();
  });
  const config = (env: Record<string, string> = {}) =>
    loadConfig({
      GAMESTASH_STEAM_API_URL: emulator.url,
      GAMESTASH_STEAM_COMMUNITY_URL: emulator.url,
      ...env,
    });
  const queryTimes = () =>
    emulator.steam.guard && emulator.stats.count({ pathPrefix: '/ITwoFactorService/' });

  it('finds the offset, asks once for concurrent callers and keeps it', async () => {
    const clock = createServerClock(config(), http);
    const before = await queryTimes();
    const [a, b] = await Promise.all([clock.offset(), clock.offset()]);
    expect(a).toBe(b);
    expect(Math.abs(a - SKEW)).toBeLessThanOrEqual(1);
    expect(await clock.offset()).toBe(a);
    expect((await queryTimes()) - before).toBe(1);
    clock.invalidate();
    await clock.offset();
    expect((await queryTimes()) - before).toBe(2);
  });

  it('asks again after 12 hours', async () => {
    let now = Date.now();
    const asked: number[] = [];
    const clock = new SteamServerClock({
      query: async () => {
        asked.push(now);
        return Math.floor(now / 1000) + 5;
      },
      now: () => now,
    });
    expect(await clock.offset()).toBe(5);
    now += 11 * 3_600_000;
    await clock.offset();
    expect(asked).toHaveLength(1);
    now += 2 * 3_600_000;
    await clock.offset();
    expect(asked).toHaveLength(2);
  });

  it('makes the login code the emulator expects at its skewed clock; without the offset it would differ', async () => {
    const code = await loginCodeFromConfig(config({ STEAM_SHARED_SECRET: SECRET_A }), http);
    expect(code.code).toBe(emulator.steam.guard.loginCode(BOT, code.time));
    expect(Math.abs(code.time - emulator.steam.guard.serverTime())).toBeLessThanOrEqual(2);
    expect(code.code).not.toBe(generateLoginCode(SECRET_A).code);
  });

  it('checks the secret before asking Steam anything', async () => {
    const before = await queryTimes();
    await expect(loginCodeFromConfig(config({ STEAM_SHARED_SECRET: 'oops' }), http)).rejects.toThrow(
      /STEAM_SHARED_SECRET is not a Steam Guard secret/,
    );
    await expect(loginCodeFromConfig(config(), http)).rejects.toThrow(/needs STEAM_SHARED_SECRET/);
    expect(await queryTimes()).toBe(before);
  });
});
