import { describe, expect, it } from 'vitest';
import {
  ConnectionError,
  MalformedResponseError,
  RateLimitError,
  SessionExpiredError,
  TimeoutError,
  TradeOfferRefusedError,
  UpstreamUnavailableError,
} from '../../core/errors.js';
import type { Offer, OfferItem } from './model.js';
import { matchesPlan, sameMessage } from './reconcile.js';
import type { SendPlan } from './send-form.js';
import { isAmbiguousSendFailure } from './send.js';

const PARTNER = '76561198012345679';
const T0 = Date.UTC(2026, 11, 1);

const item = (assetid: string, amount = 1) =>
  ({ appid: 730, contextid: '2', assetid, amount }) as unknown as OfferItem;

const plan: SendPlan = {
  sender: '76561198012345678',
  partner: PARTNER,
  token: undefined,
  give: [
    { appid: 730, contextid: '2', assetid: '1', amount: 1 },
    { appid: 730, contextid: '2', assetid: '2', amount: 1 },
  ],
  receive: [],
  message: 'a <b>deal</b> & more',
  counter: undefined,
};

const offer = (over: Partial<Offer> = {}): Offer =>
  ({
    id: '9',
    partner: PARTNER,
    isOurOffer: true,
    state: 2,
    message: 'a &lt;b&gt;deal&lt;/b&gt; &amp;  more',
    itemsToGive: [item('2'), item('1')],
    itemsToReceive: [],
    created: new Date(T0 + 1_000).toISOString(),
    ...over,
  }) as Offer;

describe('matchesPlan', () => {
  it('matches the same partner, items in any order and message as Steam may escape it', () => {
    expect(matchesPlan(offer(), plan, T0)).toBe(true);
  });

  it('tells every difference apart', () => {
    expect(matchesPlan(offer({ isOurOffer: false }), plan, T0)).toBe(false);
    expect(matchesPlan(offer({ partner: '76561198000000001' }), plan, T0)).toBe(false);
    expect(matchesPlan(offer({ itemsToGive: [item('1')] }), plan, T0)).toBe(false);
    expect(matchesPlan(offer({ itemsToGive: [item('1'), item('2', 2)] }), plan, T0)).toBe(false);
    expect(matchesPlan(offer({ itemsToReceive: [item('3')] }), plan, T0)).toBe(false);
    expect(matchesPlan(offer({ message: 'another' }), plan, T0)).toBe(false);
    // Created before the attempt (minus slack, which the caller subtracts): an older offer.
    expect(matchesPlan(offer({ created: new Date(T0 - 1).toISOString() }), plan, T0)).toBe(false);
  });

  it('compares messages with entities decoded and whitespace collapsed', () => {
    expect(sameMessage("it's  fine\n", 'it&#39;s fine')).toBe(true);
    expect(sameMessage('a', 'b')).toBe(false);
  });
});

describe('isAmbiguousSendFailure', () => {
  it('reconciles lost answers and EResult 16/29, not refusals that left nothing', () => {
    expect(isAmbiguousSendFailure(new TimeoutError('slow', { retryable: true }))).toBe(true);
    expect(isAmbiguousSendFailure(new ConnectionError('reset', { retryable: true }))).toBe(true);
    expect(isAmbiguousSendFailure(new UpstreamUnavailableError('502'))).toBe(true);
    expect(isAmbiguousSendFailure(new MalformedResponseError('not JSON'))).toBe(true);
    expect(isAmbiguousSendFailure(new TradeOfferRefusedError('timeout', { eresult: 16 }))).toBe(true);
    expect(isAmbiguousSendFailure(new TradeOfferRefusedError('duplicate', { eresult: 29 }))).toBe(true);
    expect(isAmbiguousSendFailure(new TradeOfferRefusedError('token', { eresult: 15 }))).toBe(false);
    expect(isAmbiguousSendFailure(new ConnectionError('aborted'))).toBe(false);
    expect(isAmbiguousSendFailure(new SessionExpiredError('401'))).toBe(false);
    expect(isAmbiguousSendFailure(new RateLimitError('429', undefined))).toBe(false);
  });
});
