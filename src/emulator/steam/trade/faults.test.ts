import { describe, expect, it } from 'vitest';
import { control, econ, sendOffer, tradable, tradeWorld, type Json } from '../../../../test/trade-world.js';
import { startEmulator, type MintedSession } from '../../index.js';

const SENDER = '76561198000001101';
const PARTNER = '76561198000001102';

const world = tradeWorld({
  users: { [SENDER]: { name: 'Sender', friends: [PARTNER] }, [PARTNER]: { name: 'Partner' } },
  // Three scripted sends: the 1st fails with EResult 20, the 2nd creates and answers 16.
  trade: { faults: { send: { script: { '1': 'eresult20', '2': 'eresult16AfterCreate' } } } },
});

const trade = () => world.emulator.steam.trade;
const url = () => world.emulator.url;
const sendError = (eresult: number) =>
  `There was an error sending your trade offer.  Please try again later. (${eresult})`;

async function attempt(session: MintedSession) {
  const give = await tradable(url(), SENDER, 440, '2', 1, session);
  const before = trade().offers({ steamid: SENDER }).length;
  const reply = await sendOffer(url(), session, { partner: PARTNER, give });
  return { reply, created: trade().offers({ steamid: SENDER }).length - before };
}

describe('send faults', () => {
  it('follow the scenario script by send number', async () => {
    const session = trade().session(SENDER);
    const first = await attempt(session);
    expect([first.reply.status, first.reply.json, first.created]).toEqual([
      500,
      { strError: sendError(20) },
      0,
    ]);
    const second = await attempt(session);
    expect([second.reply.status, second.reply.json, second.created]).toEqual([
      500,
      { strError: sendError(16) },
      1,
    ]);
    expect((await attempt(session)).reply.status).toBe(200);
  });

  it("answer every strError kind before creating anything, with Steam's texts", async () => {
    const session = trade().session(SENDER);
    const expected: [string, string][] = [
      ['eresult11', sendError(11)],
      ['eresult15', sendError(15)],
      ['eresult16', sendError(16)],
      ['eresult20', sendError(20)],
      ['eresult26', sendError(26)],
      ['eresult28', sendError(28)],
      [
        'tooManyOffers',
        'You have sent too many trade offers, or have too many outstanding trade offers with Partner. Please cancel some before sending more.',
      ],
      ['tradeBan', 'You cannot trade with Partner because they have a trade ban.'],
      [
        'newDevice',
        'There was an error sending your trade offer. Please try again later.<br><br>You have logged in from a new device. In order to protect the items in your inventory, you will be unable to trade from this device for 7 days.',
      ],
      [
        'targetCannotTrade',
        'Partner is not available to trade. More information will be shown to Partner if they invite you to trade.',
      ],
      [
        'itemServer',
        "There was an error sending your trade offer.  Please try again later.<br><br>The Steam Community is currently unable to contact the game's item server. The game's item server may be down or Steam may be experiencing temporary connectivity issues. (20)",
      ],
    ];
    const queued = await control(url(), 'trade/faults', { nextSends: expected.map(([kind]) => kind) });
    expect(queued.json.send.queued).toHaveLength(expected.length);
    for (const [kind, text] of expected) {
      const { reply, created } = await attempt(session);
      expect([reply.status, reply.json, created], kind).toEqual([500, { strError: text }, 0]);
    }
  });

  it('answer as an expired session (401) on demand', async () => {
    trade().faults({ nextSends: ['sessionExpired'] });
    const { reply, created } = await attempt(trade().session(SENDER));
    expect([reply.status, created]).toEqual([401, 0]);
  });

  it('create the offer and then answer 16, a 500 page, a dropped connection or nothing at all', async () => {
    const session = trade().session(SENDER);
    trade().faults({
      nextSends: ['eresult16AfterCreate', 'status500AfterCreate', 'dropAfterCreate', 'hangAfterCreate'],
    });
    const sixteen = await attempt(session);
    expect([sixteen.reply.json, sixteen.created]).toEqual([{ strError: sendError(16) }, 1]);
    const page = await attempt(session);
    expect([page.reply.status, page.reply.headers.get('content-type'), page.created]).toEqual([
      500,
      'text/html; charset=UTF-8',
      1,
    ]);
    const give = await tradable(url(), SENDER, 440, '2', 1, session);
    const before = trade().offers({ steamid: SENDER }).length;
    await expect(sendOffer(url(), session, { partner: PARTNER, give })).rejects.toThrow(/fetch failed/);
    expect(trade().offers({ steamid: SENDER })).toHaveLength(before + 1);
    const hanging = fetch(`${url()}/tradeoffer/new/send`, {
      method: 'POST',
      signal: AbortSignal.timeout(300),
      body: new URLSearchParams({
        sessionid: session.sessionid,
        partner: PARTNER,
        json_tradeoffer: JSON.stringify({
          me: { assets: [{ ...give[0], amount: 1 }] },
          them: { assets: [] },
        }),
      }).toString(),
      headers: {
        cookie: `sessionid=${session.sessionid}; steamLoginSecure=${session.steamLoginSecure}`,
        referer: 'https://steamcommunity.com/tradeoffer/new/',
      },
    });
    await expect(hanging).rejects.toThrow();
    expect(trade().offers({ steamid: SENDER })).toHaveLength(before + 2);
    const stats = (await (await fetch(`${url()}/__emulator/stats`)).json()) as Json;
    expect(stats.modules.steamTrade.sendFaults).toMatchObject({
      eresult16AfterCreate: 2,
      status500AfterCreate: 1,
      dropAfterCreate: 1,
      hangAfterCreate: 1,
      sessionExpired: 1,
    });
  });
});

describe('faults by probability', () => {
  it('hit about the configured share of sends, the same ones for the same seed', async () => {
    const run = async () => {
      const emulator = await startEmulator({
        scenario: {
          steam: {
            users: { [SENDER]: { friends: [PARTNER] } },
            trade: {
              maxActivePerPartner: 100,
              faults: { send: { rate: 0.3, kinds: ['eresult16AfterCreate', 'dropAfterCreate'], seed: 7 } },
            },
          },
        },
      });
      try {
        const session = emulator.steam.trade.session(SENDER);
        const give = await tradable(emulator.url, SENDER, 440, '2', 1, session);
        const outcomes: string[] = [];
        for (let i = 0; i < 40; i++) {
          const reply = await sendOffer(emulator.url, session, { partner: PARTNER, give }).catch(
            () => undefined,
          );
          outcomes.push(reply === undefined ? 'drop' : String(reply.status));
        }
        expect(emulator.steam.trade.offers()).toHaveLength(40);
        return outcomes;
      } finally {
        await emulator.close();
      }
    };
    const first = await run();
    const failed = first.filter((outcome) => outcome !== '200').length;
    expect(failed).toBeGreaterThan(4);
    expect(failed).toBeLessThan(24);
    expect(first).toContain('drop');
    expect(await run()).toEqual(first);
  });
});

describe('GetTradeOffers glitches', () => {
  it('answer empty, malformed, x-eresult 2, not JSON or a well-formed nothing while offers exist', async () => {
    const token = trade().session(SENDER).accessToken;
    const params = { get_sent_offers: 1, get_received_offers: 1 };
    const ok = await econ(url(), 'GetTradeOffers', params, { token });
    expect(ok.json.response.trade_offers_sent.length).toBeGreaterThan(0);
    await control(url(), 'trade/faults', {
      nextLists: ['listEmpty', 'listMalformed', 'listFail', 'listUnavailable', 'listNothing'],
    });
    const empty = await econ(url(), 'GetTradeOffers', params, { token });
    expect([empty.text, empty.headers.get('x-eresult')]).toEqual(['{"response":{}}', '1']);
    const malformed = await econ(url(), 'GetTradeOffers', params, { token });
    expect(malformed.json.response.trade_offers_sent[0]).toEqual({
      tradeofferid: expect.any(String),
      trade_offer_state: expect.any(Number),
    });
    const fail = await econ(url(), 'GetTradeOffers', params, { token });
    expect([fail.status, fail.headers.get('x-eresult'), fail.text]).toEqual([200, '2', '{"response":{}}']);
    const unavailable = await econ(url(), 'GetTradeOffers', params, { token });
    expect([unavailable.json, unavailable.text]).toEqual([
      undefined,
      expect.stringContaining('Data temporarily unavailable'),
    ]);
    const nothing = await econ(url(), 'GetTradeOffers', params, { token });
    expect([nothing.text, nothing.headers.get('x-eresult')]).toEqual(['{"response":{"next_cursor":0}}', '1']);
    expect(
      (await econ(url(), 'GetTradeOffers', params, { token })).json.response.trade_offers_sent,
    ).toBeDefined();
    const faults = await control(url(), 'trade/faults');
    expect(faults.json.list.injected).toEqual({
      listEmpty: 1,
      listMalformed: 1,
      listFail: 1,
      listUnavailable: 1,
      listNothing: 1,
    });
  });

  it('refuses an unknown kind in the control endpoint', async () => {
    const bad = await control(url(), 'trade/faults', { nextSends: ['nope'] });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatch(/^nextSends\.0: /);
  });
});
