import { describe, expect, it } from 'vitest';
import { MalformedResponseError } from '../../core/errors.js';
import type { RawDescription } from '../community/inventory/types.js';
import type { RawTradeOffer, TradeWarning } from './model.js';
import { indexDescriptions, normalizeOffer, normalizeSummary, normalizeTrade } from './normalize.js';
import { checkOfferList } from './read-offers.js';

const ME = '76561198012345678';
const PARTNER_ACCOUNT = 52079950;
const PARTNER = String(76561197960265728n + BigInt(PARTNER_ACCOUNT));

const AK: RawDescription = {
  appid: 730,
  classid: '310776560',
  instanceid: '302028390',
  name: 'AK-47 | Redline',
  market_hash_name: 'AK-47 | Redline (Field-Tested)',
  type: 'Classified Rifle',
  icon_url: 'abc',
  tradable: 1,
  marketable: 1,
  actions: [
    {
      link: 'steam://rungame/730/76561202255233023/+csgo_econ_action_preview%20S%owner_steamid%A%assetid%D123',
      name: 'Inspect in Game...',
    },
  ],
};

const raw = (over: Partial<RawTradeOffer> = {}): RawTradeOffer => ({
  tradeofferid: '6512345678',
  accountid_other: PARTNER_ACCOUNT,
  message: 'as discussed',
  expiration_time: 1_767_225_600,
  trade_offer_state: 2,
  items_to_give: [
    {
      appid: 730,
      contextid: '2',
      assetid: '111',
      classid: '310776560',
      instanceid: '302028390',
      amount: '1',
      missing: false,
    },
  ],
  items_to_receive: [
    {
      appid: 730,
      contextid: '2',
      assetid: '222',
      classid: '310776560',
      instanceid: '302028390',
      amount: '1',
      missing: true,
    },
  ],
  is_our_offer: true,
  time_created: 1_766_016_000,
  time_updated: 1_766_016_060,
  from_real_time_trade: false,
  escrow_end_date: 0,
  confirmation_method: 0,
  ...over,
});

describe('normalizeOffer', () => {
  it('gives the partner as a SteamID64, ISO times, named states and joined items', () => {
    const offer = normalizeOffer(raw(), { descriptions: indexDescriptions([AK]), me: ME });
    expect(offer).toMatchObject({
      id: '6512345678',
      partner: PARTNER,
      isOurOffer: true,
      state: 2,
      stateName: 'Active',
      message: 'as discussed',
      created: '2025-12-18T00:00:00.000Z',
      updated: '2025-12-18T00:01:00.000Z',
      expires: '2026-01-01T00:00:00.000Z',
      confirmationMethod: 0,
      confirmationMethodName: 'None',
      escrowEnds: null,
      tradeId: null,
      delaySettlement: false,
    });
    expect(offer.itemsToGive[0]).toMatchObject({
      assetid: '111',
      name: 'AK-47 | Redline',
      marketHashName: 'AK-47 | Redline (Field-Tested)',
      missing: false,
      inspectLink: `steam://rungame/730/76561202255233023/+csgo_econ_action_preview%20S${ME}A111D123`,
    });
    // The items received belong to the partner: their inspect link names them.
    expect(offer.itemsToReceive[0]).toMatchObject({ assetid: '222', missing: true });
    expect(offer.itemsToReceive[0]!.inspectLink).toContain(`S${PARTNER}A222`);
  });

  it('drops assets whose assetid or contextid is "0", with a warning each', () => {
    const warnings: TradeWarning[] = [];
    const offer = normalizeOffer(
      raw({
        items_to_give: [
          { appid: 730, contextid: '2', assetid: '0', classid: '1', amount: '1' },
          { appid: 730, contextid: '0', assetid: '5', classid: '1', amount: '1' },
          { appid: 730, contextid: '2', assetid: '6', classid: '1', amount: '1' },
        ],
      }),
      { onWarning: (w) => warnings.push(w) },
    );
    expect(offer.itemsToGive.map((item) => item.assetid)).toEqual(['6']);
    expect(warnings.map((w) => w.code)).toEqual(['dropped_asset', 'dropped_asset']);
    expect(warnings[0]!.message).toMatch(/730\/2\/0/);
  });

  it('keeps a state it does not know as unknown, and warns', () => {
    const warnings: TradeWarning[] = [];
    const offer = normalizeOffer(raw({ trade_offer_state: 42, confirmation_method: 7 }), {
      onWarning: (w) => warnings.push(w),
    });
    expect(offer.state).toBe(42);
    expect(offer.stateName).toBe('unknown');
    expect(offer.confirmationMethodName).toBe('unknown');
    expect(warnings.map((w) => w.code)).toEqual(['unknown_state', 'unknown_confirmation_method']);
  });

  it('reads escrow, the trade id, confirmation and trade protection', () => {
    const offer = normalizeOffer(
      raw({
        trade_offer_state: 11,
        escrow_end_date: 1_767_225_600,
        tradeid: '4200000000000000001',
        confirmation_method: 2,
        delay_settlement: true,
      }),
    );
    expect(offer).toMatchObject({
      stateName: 'InEscrow',
      escrowEnds: '2026-01-01T00:00:00.000Z',
      tradeId: '4200000000000000001',
      confirmationMethodName: 'MobileApp',
      delaySettlement: true,
    });
  });
});

describe('checkOfferList', () => {
  it("takes Steam's empty list, and refuses its glitches as retryable", () => {
    expect(() => checkOfferList({ next_cursor: 0 })).not.toThrow();
    expect(() => checkOfferList({ next_cursor: 0, trade_offers_sent: [raw()] })).not.toThrow();
    const glitches = [
      {},
      undefined,
      { next_cursor: 0, trade_offers_sent: [{ tradeofferid: '1', trade_offer_state: 2 } as RawTradeOffer] },
      { next_cursor: 0, trade_offers_received: [raw({ items_to_give: [], items_to_receive: [] })] },
    ];
    for (const list of glitches) {
      let error: unknown;
      try {
        checkOfferList(list);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(MalformedResponseError);
      expect((error as MalformedResponseError).retryable).toBe(true);
    }
  });
});

describe('normalizeTrade', () => {
  it('names status 12, marks rollbacks and keeps the new ids', () => {
    const trade = normalizeTrade(
      {
        tradeid: '4200000000000000001',
        steamid_other: PARTNER,
        time_init: 1_766_016_000,
        status: 12,
        rollback_trade: '4200000000000000009',
        assets_received: [
          {
            appid: 730,
            contextid: '2',
            assetid: '222',
            classid: '310776560',
            instanceid: '302028390',
            amount: '1',
            new_assetid: '333',
            new_contextid: '16',
          },
        ],
      },
      { descriptions: indexDescriptions([AK]), me: ME },
    );
    expect(trade).toMatchObject({
      tradeId: '4200000000000000001',
      partner: PARTNER,
      created: '2025-12-18T00:00:00.000Z',
      status: 12,
      statusName: 'TradeProtectionRollback',
      rolledBack: true,
      rollbackTrade: '4200000000000000009',
      itemsGiven: [],
    });
    expect(trade.itemsReceived[0]).toMatchObject({
      name: 'AK-47 | Redline',
      newAssetid: '333',
      newContextid: '16',
    });
    expect(normalizeTrade({ tradeid: '1', steamid_other: PARTNER, status: 99 }).statusName).toBe('unknown');
  });
});

describe('normalizeSummary', () => {
  it('names the counts and reads missing ones as 0', () => {
    expect(normalizeSummary({ pending_received_count: 3, escrow_sent_count: 1 })).toMatchObject({
      pendingReceived: 3,
      escrowSent: 1,
      newReceived: 0,
    });
  });
});
