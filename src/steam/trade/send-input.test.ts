import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../core/errors.js';
import { checkOfferId, planSend, type SendInput } from './send-input.js';

const ME = '76561198012345678';
const PARTNER = '76561198012345679';
const ACCOUNT = String(BigInt(PARTNER) - 76561197960265728n);
const TRADE_URL = `https://steamcommunity.com/tradeoffer/new/?partner=${ACCOUNT}&token=YDAlR4bC`;

let lookups = 0;
const context = {
  sender: ME,
  resolve: async (who: string) => {
    lookups++;
    if (who === 'partnervanity') return { steamid64: PARTNER };
    return { steamid64: ME };
  },
  hosts: ['127.0.0.1:8787'],
};

async function refusal(input: Partial<SendInput>): Promise<InvalidInputError> {
  const before = lookups;
  try {
    await planSend({ partner: PARTNER, give: ['730/2/1'], ...input }, context);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    // Nothing that needs a request happens for input refused offline.
    if (!/yourself/.test((error as Error).message)) expect(lookups).toBe(before);
    return error as InvalidInputError;
  }
  throw new Error('expected a refusal');
}

describe('planSend', () => {
  it('reads the partner and token from a trade URL, items from specs and objects', async () => {
    const plan = await planSend(
      {
        partner: TRADE_URL,
        give: ['730/2/34714784915', { appid: '753', contextid: 6, assetid: 99, amount: '3' }],
        receive: ['730/02/0033052044132'],
        message: 'as discussed',
      },
      context,
    );
    expect(plan).toEqual({
      sender: ME,
      partner: PARTNER,
      token: 'YDAlR4bC',
      give: [
        { appid: 730, contextid: '2', assetid: '34714784915', amount: 1 },
        { appid: 753, contextid: '6', assetid: '99', amount: 3 },
      ],
      receive: [{ appid: 730, contextid: '2', assetid: '33052044132', amount: 1 }],
      message: 'as discussed',
      counter: undefined,
    });
  });

  it('takes the configured community host for trade URLs, and a token given apart', async () => {
    const plan = await planSend(
      {
        partner: `http://127.0.0.1:8787/tradeoffer/new/?partner=${ACCOUNT}`,
        token: 'a_b-C123',
        receive: ['730/2/5'],
      },
      context,
    );
    expect(plan.token).toBe('a_b-C123');
    expect(plan.give).toEqual([]);
  });

  it('resolves a vanity name, and refuses oneself as partner', async () => {
    expect((await planSend({ partner: 'partnervanity', give: ['730/2/1'] }, context)).partner).toBe(PARTNER);
    expect((await refusal({ partner: ME })).message).toMatch(/yourself/);
    expect((await refusal({ partner: 'myownvanity' })).message).toMatch(/yourself/);
  });

  it('refuses every bad input before any request', async () => {
    const cases: [Partial<SendInput>, RegExp][] = [
      [{ partner: 'https://steamcommunity.com/tradeoffer/new/?token=YDAlR4bC' }, /no numeric partner/],
      [{ partner: `https://evil.example/tradeoffer/new/?partner=${ACCOUNT}` }, /is not Steam/],
      [
        { partner: `https://steamcommunity.com/tradeoffer/new/?partner=${ACCOUNT}&token=short` },
        /not a Steam trade token/,
      ],
      [{ token: 'has space' }, /not a Steam trade token/],
      [{ token: 'ABCDEFGHI' }, /not a Steam trade token/],
      [{ partner: TRADE_URL, token: 'ZZZZZZZZ' }, /different token/],
      [{ give: ['730/2/abc'] }, /APP\/CONTEXT\/ASSETID/],
      [{ give: [{ appid: 'cs2', contextid: 2, assetid: 1 }] }, /app id must be a positive number/],
      [{ give: [{ appid: 730, contextid: 'two', assetid: 1 }] }, /context id must be a positive number/],
      [{ give: [{ appid: 730, contextid: 2, assetid: '12e3' }] }, /asset id must be a positive number/],
      [{ give: ['730/2/1', '730/2/01'] }, /lists 730\/2\/1 twice/],
      [{ give: [], receive: [] }, /no items/],
      [{ message: 'x'.repeat(129) }, /129 characters long: Steam takes at most 128/],
      [{ counter: 'abc' }, /not a trade offer id/],
      [{ idempotencyKey: '' }, /idempotencyKey/],
      [{ idempotencyKey: 'has space' }, /idempotencyKey/],
    ];
    for (const [input, message] of cases) {
      expect((await refusal(input)).message).toMatch(message);
    }
  });

  it('counts a message in characters, not UTF-16 units', async () => {
    const plan = await planSend({ partner: PARTNER, give: ['730/2/1'], message: '🎁'.repeat(128) }, context);
    expect([...plan.message]).toHaveLength(128);
  });
});

describe('checkOfferId', () => {
  it('takes positive ids, with leading zeros dropped', () => {
    expect(checkOfferId('0006512345678')).toBe('6512345678');
    expect(() => checkOfferId('0')).toThrow(InvalidInputError);
    expect(() => checkOfferId('-5')).toThrow(/not a trade offer id/);
  });
});
