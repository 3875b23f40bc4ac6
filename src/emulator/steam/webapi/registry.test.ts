import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXml } from '../../../../test/webapi-formats.js';
import { startEmulator, type StartedEmulator, type WebApiMethod } from '../../index.js';

const KEY = '0123456789ABCDEF0123456789ABCDEF';
const ALICE = '76561198000000310';

/** What another emulator module (the trade-offer one) would register. */
const tradeOffersSummary: WebApiMethod = {
  interface: 'IEconService',
  method: 'GetTradeOffersSummary',
  version: 1,
  needsKey: true,
  description: 'Get counts of pending and new trade offers',
  parameters: [
    {
      name: 'time_last_visit',
      type: 'uint32',
      optional: false,
      description: 'The time the user last visited',
    },
  ],
  handle: ({ params }) => ({
    root: 'response',
    value: { pending_received_count: 0, new_received_count: params.uint('time_last_visit', 0) > 0 ? 1 : 0 },
  }),
};
const cancelOffer: WebApiMethod = {
  interface: 'IEconService',
  method: 'CancelTradeOffer',
  version: 1,
  httpMethod: 'POST',
  needsKey: true,
  parameters: [{ name: 'tradeofferid', type: 'uint64', optional: false, description: '' }],
  handle: () => ({ root: 'response', value: {} }),
};

let emulator: StartedEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
  emulator.webApi.register(tradeOffersSummary, cancelOffer);
});
afterAll(() => emulator.close());

const get = async (path: string, init?: RequestInit) => {
  const response = await fetch(`${emulator.url}${path}`, init);
  return { status: response.status, text: await response.text() };
};

interface ApiList {
  apilist: {
    interfaces: {
      name: string;
      methods: {
        name: string;
        version: number;
        httpmethod: string;
        description?: string;
        parameters: { name: string; type: string; optional: boolean; description: string }[];
      }[];
    }[];
  };
}

describe('routing', () => {
  it("accepts Steam's version spellings, with or without the final slash", async () => {
    for (const version of ['v1', 'v0001', 'V1', 'v1/', 'v0001/']) {
      const response = await get(`/ISteamUser/ResolveVanityURL/${version}?key=${KEY}&vanityurl=gaben`);
      expect(response.status, version).toBe(200);
    }
  });

  it("answers Steam's 404 pages for a wrong version, method or interface", async () => {
    expect(await get(`/ISteamUser/GetPlayerSummaries/v3/?key=${KEY}&steamids=${ALICE}`)).toEqual({
      status: 404,
      text: '<html>\n<head>\n<title>404 Not Found</title>\n</head>\n<body>\n<h1>Not Found</h1>\n</body>\n</html>',
    });
    expect(await get('/ISteamUser/GetPlayerSummary/v2/')).toEqual({
      status: 404,
      text: "<html><head><title>Not Found</title></head><body><h1>Not Found</h1>Method 'GetPlayerSummary' not found in interface 'ISteamUser'</body></html>",
    });
    expect(await get('/ISteamApps/GetAppList/v2/')).toEqual({
      status: 404,
      text: "<html><head><title>Not Found</title></head><body><h1>Not Found</h1>Interface 'ISteamApps' not found</body></html>",
    });
  });

  it('serves methods another module registered, POST ones only by POST', async () => {
    const summary = await get(`/IEconService/GetTradeOffersSummary/v1/?key=${KEY}&time_last_visit=5`);
    expect(summary.text).toBe('{"response":{"pending_received_count":0,"new_received_count":1}}');
    expect((await get(`/IEconService/GetTradeOffersSummary/v1/?time_last_visit=5`)).status).toBe(401);
    const asGet = await get(`/IEconService/CancelTradeOffer/v1/?key=${KEY}&tradeofferid=1`);
    expect(asGet).toEqual({
      status: 405,
      text: '<html><head><title>Method Not Allowed</title></head><body><h1>Method Not Allowed</h1>This API must be called with a HTTP POST request</body></html>',
    });
    const asPost = await get('/IEconService/CancelTradeOffer/v1/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `key=${KEY}&input_json=${encodeURIComponent('{"tradeofferid":"1"}')}`,
    });
    expect(asPost).toEqual({ status: 200, text: '{"response":{}}' });
  });
});

describe('ISteamWebAPIUtil/GetSupportedAPIList/v1', () => {
  it('lists only the methods that need no key when called without one', async () => {
    const list = JSON.parse((await get('/ISteamWebAPIUtil/GetSupportedAPIList/v1/')).text) as ApiList;
    const names = list.apilist.interfaces.flatMap((i) =>
      i.methods.map((m) => `${i.name}/${m.name}/v${m.version}`),
    );
    expect(names).toEqual([
      'ISteamNews/GetNewsForApp/v2',
      'ISteamUserStats/GetGlobalAchievementPercentagesForApp/v2',
      'ISteamWebAPIUtil/GetServerInfo/v1',
      'ISteamWebAPIUtil/GetSupportedAPIList/v1',
      'ITwoFactorService/QueryTime/v1',
    ]);
    const supported = list.apilist.interfaces.at(-2)!.methods.at(-1)!;
    expect(supported).toEqual({
      name: 'GetSupportedAPIList',
      version: 1,
      httpmethod: 'GET',
      parameters: [{ name: 'key', type: 'string', optional: true, description: 'access key' }],
    });
  });

  it('lists every method with a key, the registered ones included, key first where needed', async () => {
    const list = JSON.parse(
      (await get(`/ISteamWebAPIUtil/GetSupportedAPIList/v1/?key=${KEY}`)).text,
    ) as ApiList;
    expect(list.apilist.interfaces.map((i) => i.name)).toEqual([
      'IEconService',
      'IPlayerService',
      'ISteamNews',
      'ISteamUser',
      'ISteamUserStats',
      'ISteamWebAPIUtil',
      'ITwoFactorService',
    ]);
    // The trade module's IEconService methods, two of them replaced by this file's stand-ins.
    const econ = list.apilist.interfaces[0]!;
    expect(econ.methods.map((m) => [m.name, m.httpmethod])).toEqual([
      ['CancelTradeOffer', 'POST'],
      ['DeclineTradeOffer', 'POST'],
      ['GetTradeHistory', 'GET'],
      ['GetTradeHoldDurations', 'GET'],
      ['GetTradeOffer', 'GET'],
      ['GetTradeOffers', 'GET'],
      ['GetTradeOffersSummary', 'GET'],
      ['GetTradeStatus', 'GET'],
    ]);
    expect(econ.methods.find((m) => m.name === 'GetTradeOffersSummary')).toEqual({
      name: 'GetTradeOffersSummary',
      version: 1,
      httpmethod: 'GET',
      description: 'Get counts of pending and new trade offers',
      parameters: [
        { name: 'key', type: 'string', optional: false, description: 'Access key' },
        {
          name: 'time_last_visit',
          type: 'uint32',
          optional: false,
          description: 'The time the user last visited',
        },
      ],
    });
    const user = list.apilist.interfaces.find((i) => i.name === 'ISteamUser')!;
    expect(user.methods.map((m) => `${m.name}/v${m.version}`)).toEqual([
      'GetFriendList/v1',
      'GetPlayerSummaries/v2',
      'ResolveVanityURL/v1',
    ]);
    expect(user.methods[1]!.parameters).toEqual([
      { name: 'key', type: 'string', optional: false, description: 'access key' },
      {
        name: 'steamids',
        type: 'string',
        optional: false,
        description: 'Comma-delimited list of SteamIDs (max: 100)',
      },
    ]);
    // An access token counts as a key here too.
    const viaToken = JSON.parse(
      (await get('/ISteamWebAPIUtil/GetSupportedAPIList/v1/?access_token=a.b.c')).text,
    ) as ApiList;
    expect(viaToken.apilist.interfaces).toHaveLength(7);
  });

  it('names XML items interface, method and parameter', async () => {
    const xml = (await get(`/ISteamWebAPIUtil/GetSupportedAPIList/v1/?key=${KEY}&format=xml`)).text;
    const doc = readXml(xml, ['interface', 'method', 'parameter']) as {
      apilist: { interfaces: { interface: { name: string; methods: { method: { name: string }[] } }[] } };
    };
    expect(doc.apilist.interfaces.interface.map((i) => i.name)).toContain('IEconService');
    expect(xml).toContain('<parameter>\n\t\t\t\t\t\t\t<name>key</name>');
  });

  it('refuses a bad key with 403', async () => {
    expect((await get('/ISteamWebAPIUtil/GetSupportedAPIList/v1/?key=bad')).status).toBe(403);
  });
});
