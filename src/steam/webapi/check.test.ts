/**
 * The generic caller's checks against a GetSupportedAPIList answer, and the pieces they use:
 * method paths as people paste them, suggestions, parameters from `key=value` text, and
 * their encoding (plain, `name[0]=`, comma lists, input_json typed by the list).
 */
import { describe, expect, it } from 'vitest';
import { JSON_ANSWERS } from '../../../test/steam-webapi-fixtures.js';
import { InvalidInputError } from '../../core/errors.js';
import { checkCall, parseMethodPath } from './check.js';
import { encodeArguments, parseArguments } from './params.js';
import { closestName, editDistance } from './suggest.js';
import type { SupportedApiList } from './types.js';

const list = (JSON_ANSWERS.getSupportedAPIList as unknown as { apilist: SupportedApiList }).apilist;
const check = (path: string, params: string[] | Record<string, unknown> = [], http?: 'GET' | 'POST') =>
  checkCall(list, parseMethodPath(path), parseArguments(params as string[]), http ? { http } : {});

describe('parseMethodPath', () => {
  it.each([
    ['ISteamUser/GetPlayerSummaries/v2', 2],
    ['ISteamUser/GetPlayerSummaries/v0002', 2],
    ['/ISteamUser/GetPlayerSummaries/v0002/', 2],
    ['  ISteamUser/GetPlayerSummaries/2 ', 2],
    ['https://api.steampowered.com/ISteamUser/GetPlayerSummaries/v2/', 2],
    ['ISteamUser/GetPlayerSummaries', undefined],
  ])('reads %j', (path, version) => {
    expect(parseMethodPath(path)).toEqual({
      interface: 'ISteamUser',
      method: 'GetPlayerSummaries',
      ...(version === undefined ? {} : { version }),
    });
  });

  it.each([
    ['ISteamUser', /not a Web API method/],
    ['ISteamUser/GetPlayerSummaries/v2/extra', /not a Web API method/],
    ['ISteamUser/GetPlayerSummaries/version2', /"version2" is not a version/],
    ['https://api.steampowered.com/ISteamUser/GetPlayerSummaries/v2/?key=SECRET', /not in the pasted URL/],
  ])('refuses %j', (path, message) => {
    expect(() => parseMethodPath(path)).toThrow(InvalidInputError);
    expect(() => parseMethodPath(path)).toThrow(message);
  });

  it('never repeats a pasted key in its message', () => {
    expect(() =>
      parseMethodPath('https://api.steampowered.com/ISteamUser/X/v1/?key=SECRETKEY123'),
    ).not.toThrow(/SECRETKEY123/);
  });
});

describe('checkCall', () => {
  it('accepts a listed call and says how to send it', () => {
    expect(check('ISteamUser/GetFriendList/v1', ['steamid=76561197960435530'])).toMatchObject({
      interface: 'ISteamUser',
      method: 'GetFriendList',
      version: 1,
      http: 'GET',
      auth: 'key',
      privacy: 'unauthorized-401',
    });
    expect(
      check('ISteamRemoteStorage/GetPublishedFileDetails/v1', ['itemcount=1', 'publishedfileids[0]=5']),
    ).toMatchObject({
      http: 'POST',
      auth: 'none',
    });
    expect(check('ISteamWebAPIUtil/GetSupportedAPIList/v1')).toMatchObject({ auth: 'optional' });
  });

  it('fixes the case of names and takes the highest version when none is given', () => {
    expect(check('isteamuser/getplayersummaries', ['steamids=1'])).toMatchObject({
      interface: 'ISteamUser',
      method: 'GetPlayerSummaries',
      version: 2,
    });
  });

  it('forces GET or POST when asked', () => {
    expect(check('ISteamNews/GetNewsForApp/v2', ['appid=440'], 'POST').http).toBe('POST');
  });

  it.each([
    ['ISteamUsr/GetFriendList/v1', [], 'no interface ISteamUsr; did you mean ISteamUser?'],
    ['IFooBarQux/GetFriendList/v1', [], "no interface IFooBarQux in Steam's method list"],
    [
      'ISteamUser/GetPlayerSummary/v2',
      [],
      'no method GetPlayerSummary in ISteamUser; did you mean GetPlayerSummaries (v1, v2)?',
    ],
    [
      'ISteamUser/GetFriendsList/v1',
      [],
      'no method GetFriendsList in ISteamUser; did you mean GetFriendList (v1)?',
    ],
    [
      'ISteamUser/GetPlayerSummaries/v3',
      ['steamids=1'],
      'ISteamUser/GetPlayerSummaries has no v3; it has v1, v2',
    ],
    [
      'ISteamUser/GetFriendList/v1',
      ['steamid=1', 'relation=friend'],
      'ISteamUser/GetFriendList/v1 has no parameter relation; did you mean relationship? it takes steamid, relationship',
    ],
    [
      'ISteamUser/GetFriendList/v1',
      ['relationship=friend'],
      'ISteamUser/GetFriendList/v1 needs steamid (missing)',
    ],
    [
      'ISteamWebAPIUtil/GetServerInfo/v1',
      ['x=1'],
      'ISteamWebAPIUtil/GetServerInfo/v1 has no parameter x; it takes no parameters',
    ],
  ])('%s %j: %s', (path, params, message) => {
    expect(() => check(path, params)).toThrow(InvalidInputError);
    expect(() => check(path, params)).toThrow(message);
  });

  it('names parameters given inside input_json too', () => {
    expect(() =>
      check('IPlayerService/GetOwnedGames/v1', ['input_json={"steamid":"1","include_apinfo":true}']),
    ).toThrow(/no parameter include_apinfo; did you mean include_appinfo\?/);
  });

  it('does not ask service methods for parameters Steam marks required but answers without', () => {
    expect(() => check('IPlayerService/GetOwnedGames/v1', ['steamid=76561197960435530'])).not.toThrow();
  });

  it('hints that a method may need a key when the list was fetched without one', () => {
    expect(() =>
      checkCall(list, parseMethodPath('IEconService/GetTradeOffers/v1'), parseArguments([]), {
        withoutKey: true,
      }),
    ).toThrow(/without STEAM_API_KEY Steam lists only the methods that need no key/);
  });

  it('names the key first and the near name after: it may be a keyless neighbour', () => {
    const keyless = {
      interfaces: [{ name: 'ISteamUserStats', methods: list.interfaces[0]!.methods }],
    };
    expect(() =>
      checkCall(keyless, parseMethodPath('ISteamUser/GetFriendList/v1'), parseArguments([]), {
        withoutKey: true,
      }),
    ).toThrow(
      'no interface ISteamUser: without STEAM_API_KEY Steam lists only the methods that need no key, so set it to reach ISteamUser (the nearest keyless interface is ISteamUserStats)',
    );
  });
});

describe('closestName', () => {
  it('prefers a name that extends what was typed, then the nearest by edit distance, ignoring case', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(closestName('GetPlayerSumm', ['GetPlayerSummaries', 'GetPlayerBans'])).toBe('GetPlayerSummaries');
    expect(closestName('getfriendlst', ['GetFriendList', 'GetPlayerBans'])).toBe('GetFriendList');
    expect(closestName('Zzzzzz', ['GetFriendList', 'GetPlayerBans'])).toBeUndefined();
  });
});

describe('parameters', () => {
  it('reads key=value text, indexed names and repeats into lists', () => {
    const args = parseArguments([
      'steamids=1,2',
      'name[1]=b',
      'name[0]=a',
      'appids_filter=440',
      'appids_filter=570',
      'eq=a=b',
    ]);
    expect(Object.fromEntries(args.params)).toEqual({
      steamids: '1,2',
      name: ['a', 'b'],
      appids_filter: ['440', '570'],
      eq: 'a=b',
    });
  });

  it.each([
    [['steamid'], /parameter "steamid" has no "=": write it as name=value/],
    [['=1'], /empty name/],
    [['key=ABC'], /STEAM_API_KEY/],
    [['format=xml'], /format option/],
    [['access_token=x'], /accessToken option/],
    [['input_json={nope'], /input_json is not JSON/],
    [['input_json=[1]'], /input_json must be a JSON object/],
    [['x[1]=a'], /skips an index/],
  ])('refuses %j', (params, message) => {
    expect(() => parseArguments(params)).toThrow(InvalidInputError);
    expect(() => parseArguments(params)).toThrow(message);
  });

  it('encodes classic arguments plainly: lists comma-joined, or name[0]= when the list says so', () => {
    const specs = new Map([['publishedfileids', { type: 'uint64', indexed: true }]]);
    expect(
      encodeArguments(
        false,
        parseArguments({ steamids: ['1', '2'], itemcount: 2, publishedfileids: ['5', '6'] }),
        specs,
      ),
    ).toEqual([
      ['steamids', '1,2'],
      ['itemcount', '2'],
      ['publishedfileids[0]', '5'],
      ['publishedfileids[1]', '6'],
    ]);
    expect(() => encodeArguments(false, parseArguments(['input_json={}']))).toThrow(
      /only for service interfaces/,
    );
  });

  it('encodes service arguments as one input_json, typed by the method list', () => {
    const specs = new Map([
      ['steamid', { type: 'uint64', indexed: false }],
      ['include_appinfo', { type: 'bool', indexed: false }],
      ['appids_filter', { type: 'uint32', indexed: false }],
      ['language', { type: 'string', indexed: false }],
    ]);
    const fields = encodeArguments(
      true,
      parseArguments([
        'steamid=76561197960435530',
        'include_appinfo=1',
        'appids_filter=440',
        'appids_filter=570',
        'language=1234',
      ]),
      specs,
    );
    expect(fields).toHaveLength(1);
    expect(fields[0]![0]).toBe('input_json');
    expect(JSON.parse(fields[0]![1])).toEqual({
      steamid: '76561197960435530',
      include_appinfo: true,
      appids_filter: [440, 570],
      language: '1234',
    });
    expect(() => encodeArguments(true, parseArguments(['include_appinfo=yes']), specs)).toThrow(
      /include_appinfo is a bool: use true or false/,
    );
    expect(() => encodeArguments(true, parseArguments(['appids_filter=abc']), specs)).toThrow(/is a number/);
  });

  it('merges input_json with plain parameters for a service, refusing a name given twice', () => {
    const merged = encodeArguments(true, parseArguments(['input_json={"steamid":"1"}', 'count=2']));
    expect(JSON.parse(merged[0]![1])).toEqual({ steamid: '1', count: '2' });
    expect(() => encodeArguments(true, parseArguments(['input_json={"count":1}', 'count=2']))).toThrow(
      /given twice/,
    );
    expect(encodeArguments(true, parseArguments([]))).toEqual([]);
  });
});
