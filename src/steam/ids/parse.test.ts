import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../core/errors.js';
import { accountIdOf, parseSteamIdentity, steamId64FromAccountId, toSteamId64 } from './parse.js';

const ID = '76561198012345678';

describe('Steam identities', () => {
  it('accepts SteamID64, Steam2, Steam3 and surrounding whitespace', () => {
    expect(toSteamId64(` ${ID} `)).toBe(ID);
    expect(toSteamId64('STEAM_0:0:26039975')).toBe(ID);
    expect(toSteamId64('STEAM_1:0:26039975')).toBe(ID);
    expect(toSteamId64('[U:1:52079950]')).toBe(ID);
  });

  it('rejects what the steamid package lets through as invalid ids', () => {
    for (const bad of [
      '',
      '0',
      '123',
      '99999999999999999999999',
      'STEAM_0:1:',
      'abc def',
      '103582791429521412',
    ]) {
      expect(() => toSteamId64(bad)).toThrow(InvalidInputError);
    }
  });

  it('reads profile, vanity and trade URLs', () => {
    expect(parseSteamIdentity(`https://steamcommunity.com/profiles/${ID}/`)).toEqual({
      kind: 'steamid',
      steamid64: ID,
    });
    expect(parseSteamIdentity('https://steamcommunity.com/id/gaben')).toEqual({
      kind: 'vanity',
      vanity: 'gaben',
    });
    expect(parseSteamIdentity('gaben')).toEqual({ kind: 'vanity', vanity: 'gaben' });
    // Copied from an address bar, scheme left behind.
    expect(parseSteamIdentity(`steamcommunity.com/profiles/${ID}`)).toEqual({
      kind: 'steamid',
      steamid64: ID,
    });
    expect(parseSteamIdentity('www.steamcommunity.com/id/gaben/')).toEqual({
      kind: 'vanity',
      vanity: 'gaben',
    });
    expect(
      parseSteamIdentity('https://steamcommunity.com/tradeoffer/new/?partner=52079950&token=YDAlR4bC'),
    ).toEqual({
      kind: 'steamid',
      steamid64: ID,
      tradeToken: 'YDAlR4bC',
    });
  });

  it('converts between SteamID64 and account ids', () => {
    expect(accountIdOf(ID)).toBe(52079950);
    expect(steamId64FromAccountId(52079950)).toBe(ID);
  });

  it("reads profile and trade URLs only on Steam's hosts and the ones it is given", () => {
    for (const url of [
      `https://evil.example/profiles/${ID}`,
      'https://evil.example/id/gaben',
      'https://evil.example/tradeoffer/new/?partner=52079950&token=YDAlR4bC',
      `https://steamcommunity.com.evil.example/profiles/${ID}`,
      `http://127.0.0.1:8787/profiles/${ID}`,
    ]) {
      expect(() => parseSteamIdentity(url)).toThrow(
        /is not Steam: profile and trade URLs must be on steamcommunity\.com/,
      );
    }
    expect(parseSteamIdentity(`http://steamcommunity.com/profiles/${ID}`)).toEqual({
      kind: 'steamid',
      steamid64: ID,
    });
    // The configured community host (the emulator's) counts, port included.
    expect(parseSteamIdentity(`http://127.0.0.1:8787/profiles/${ID}`, 'steamid', ['127.0.0.1:8787'])).toEqual(
      {
        kind: 'steamid',
        steamid64: ID,
      },
    );
    expect(() =>
      parseSteamIdentity(`http://127.0.0.1:9999/profiles/${ID}`, 'steamid', ['127.0.0.1:8787']),
    ).toThrow(/127\.0\.0\.1:9999 is not Steam/);
  });

  it('says when a SteamID64-looking number is outside the individual range', () => {
    expect(() => toSteamId64('76561197960265728')).toThrow(/outside the range of individual accounts/);
  });

  it('explains what it expected', () => {
    expect(() => parseSteamIdentity('https://steamcommunity.com/market/')).toThrow(
      /invalid steamid .*SteamID64/,
    );
    expect(() => parseSteamIdentity('https://steamcommunity.com/tradeoffer/new/?token=x')).toThrow(/partner/);
  });
});
