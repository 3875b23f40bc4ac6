import { describe, expect, it } from 'vitest';
import {
  acceptFormFields,
  jsonTradeOffer,
  newOfferPage,
  sendFormFields,
  type SendPlan,
} from './send-form.js';
import { sendFingerprint } from './fingerprint.js';

const ME = '76561198012345678';
const PARTNER = '76561198012345679';
const PARTNER_ACCOUNT = String(BigInt(PARTNER) - 76561197960265728n);

const plan = (over: Partial<SendPlan> = {}): SendPlan => ({
  sender: ME,
  partner: PARTNER,
  token: 'YDAlR4bC',
  give: [{ appid: 730, contextid: '2', assetid: '34714784915', amount: 1 }],
  receive: [{ appid: 753, contextid: '6', assetid: '33052044132', amount: 5 }],
  message: 'as discussed',
  counter: undefined,
  ...over,
});

describe('send form', () => {
  it('has the exact fields in the seed, ids as strings and amounts as numbers', () => {
    const fields = sendFormFields(plan());
    expect(fields.map(([name]) => name)).toEqual([
      'serverid',
      'partner',
      'tradeoffermessage',
      'json_tradeoffer',
      'captcha',
      'trade_offer_create_params',
    ]);
    const form = Object.fromEntries(fields);
    expect(form.serverid).toBe('1');
    expect(form.partner).toBe(PARTNER);
    expect(form.tradeoffermessage).toBe('as discussed');
    expect(form.captcha).toBe('');
    expect(JSON.parse(form.trade_offer_create_params!)).toEqual({ trade_offer_access_token: 'YDAlR4bC' });
    expect(JSON.parse(form.json_tradeoffer!)).toEqual({
      newversion: true,
      version: 3,
      me: {
        assets: [{ appid: 730, contextid: '2', amount: 1, assetid: '34714784915' }],
        currency: [],
        ready: false,
      },
      them: {
        assets: [{ appid: 753, contextid: '6', amount: 5, assetid: '33052044132' }],
        currency: [],
        ready: false,
      },
    });
  });

  it('sends {} without a token, a gift with nothing to receive, and the countered offer', () => {
    const form = Object.fromEntries(
      sendFormFields(plan({ token: undefined, receive: [], counter: '6512345678' })),
    );
    expect(form.trade_offer_create_params).toBe('{}');
    expect(JSON.parse(form.json_tradeoffer!).them.assets).toEqual([]);
    expect(form.tradeofferid_countered).toBe('6512345678');
    expect(jsonTradeOffer(plan({ receive: [] }))).toContain('"version":2');
  });

  it('comes from the new offer page of the partner, with the token when there is one', () => {
    expect(newOfferPage(PARTNER, 'YDAlR4bC')).toBe(
      `/tradeoffer/new/?partner=${PARTNER_ACCOUNT}&token=YDAlR4bC`,
    );
    expect(newOfferPage(PARTNER, undefined)).toBe(`/tradeoffer/new/?partner=${PARTNER_ACCOUNT}`);
  });

  it('accepts with serverid, the offer id, the partner and an empty captcha', () => {
    expect(acceptFormFields('6512345678', PARTNER)).toEqual([
      ['serverid', '1'],
      ['tradeofferid', '6512345678'],
      ['partner', PARTNER],
      ['captcha', ''],
    ]);
  });
});

describe('send fingerprint', () => {
  it('ignores item order and the token, and tells other requests apart', () => {
    const base = sendFingerprint(plan());
    const twoGive = plan({
      give: [
        { appid: 730, contextid: '2', assetid: '1', amount: 1 },
        { appid: 730, contextid: '2', assetid: '2', amount: 1 },
      ],
    });
    expect(sendFingerprint({ ...twoGive, give: [...twoGive.give].reverse() })).toBe(sendFingerprint(twoGive));
    expect(sendFingerprint(plan({ token: 'other123' }))).toBe(base);
    expect(sendFingerprint(plan({ message: 'other' }))).not.toBe(base);
    expect(sendFingerprint(plan({ partner: '76561198000000001' }))).not.toBe(base);
    expect(sendFingerprint(plan({ sender: '76561198000000002' }))).not.toBe(base);
    expect(sendFingerprint(plan({ receive: [] }))).not.toBe(base);
    expect(sendFingerprint(plan({ give: [{ ...plan().give[0]!, amount: 2 }] }))).not.toBe(base);
    expect(sendFingerprint(plan({ counter: '1' }))).not.toBe(base);
    // Giving and receiving the same item are different offers.
    expect(sendFingerprint(plan({ give: plan().receive, receive: plan().give }))).not.toBe(base);
  });
});
