import { describe, expect, it } from 'vitest';
import { TradeOfferRefusedError } from '../../core/errors.js';
import { readStrError, refusalError } from './str-error.js';

const generic = (n: number) => `There was an error sending your trade offer.  Please try again later. (${n})`;

describe('readStrError', () => {
  it('reads the trailing EResult', () => {
    expect(readStrError(generic(15))).toMatchObject({ eresult: 15, reason: undefined });
    expect(readStrError(generic(26)).eresult).toBe(26);
    expect(readStrError('Something else went wrong').eresult).toBeUndefined();
  });

  it("names the manager's causes, with the EResult the words imply", () => {
    expect(readStrError('You cannot trade with Bob because they have a trade ban.')).toMatchObject({
      reason: 'TradeBan',
      eresult: undefined,
    });
    expect(
      readStrError(
        'There was an error sending your trade offer. Please try again later.<br><br>You have logged in from a new device. In order to protect the items in your inventory, you will be unable to trade from this device for 7 days.',
      ),
    ).toMatchObject({ reason: 'NewDevice' });
    expect(
      readStrError(
        'Bob is not available to trade. More information will be shown to Bob if they invite you to trade.',
      ).reason,
    ).toBe('TargetCannotTrade');
    expect(
      readStrError(
        'You have sent too many trade offers, or have too many outstanding trade offers with Bob. Please cancel some before sending more.',
      ),
    ).toMatchObject({ reason: 'OfferLimitExceeded', eresult: 25 });
    expect(
      readStrError(
        "There was an error sending your trade offer.  Please try again later.<br><br>The Steam Community is currently unable to contact the game's item server. (20)",
      ),
    ).toMatchObject({ reason: 'ItemServerUnavailable', eresult: 20 });
    expect(
      readStrError(`Bob's inventory privacy is set to "Private".  They are unable to receive trade offers.`)
        .reason,
    ).toBe('PrivateInventory');
  });

  it('flattens markup and keeps the text short', () => {
    const reading = readStrError(`<b>line</b><br>next   ${'x'.repeat(400)}`);
    expect(reading.text.startsWith('line next x')).toBe(true);
    expect(reading.text.length).toBeLessThanOrEqual(301);
  });
});

describe('refusalError', () => {
  it('says what Steam meant, with the EResult', () => {
    const error = refusalError(readStrError(generic(15)), 'send');
    expect(error).toBeInstanceOf(TradeOfferRefusedError);
    expect(error.kind).toBe('trade_refused');
    expect(error.message).toBe(
      "Steam refused the offer: the partner's trade URL token is wrong or they cannot trade (trade ban, full or private inventory, or a trade hold) (EResult 15 AccessDenied)",
    );
    expect(error.eresult).toBe(15);
    expect(error.code).toBe(15);
    expect(error.retryable).toBe(false);
  });

  it('marks temporary refusals retryable, and words causes', () => {
    const server = refusalError(readStrError(generic(20)), 'send');
    expect(server.retryable).toBe(true);
    const limit = refusalError(
      readStrError(
        'You have sent too many trade offers, or have too many outstanding trade offers with Bob.',
      ),
      'send',
    );
    expect(limit.message).toMatch(/too many offers .* \(EResult 25 LimitExceeded\)$/);
    expect(limit.reason).toBe('OfferLimitExceeded');
    expect(limit.toJSON()).toMatchObject({
      kind: 'trade_refused',
      eresult: 25,
      reason: 'OfferLimitExceeded',
    });
  });

  it('names the offer for actions, and quotes Steam when it gave no number', () => {
    expect(refusalError({ eresult: 11, reason: undefined }, 'accept', { offerId: '42' }).message).toMatch(
      /^Steam refused to accept offer 42: the offer is no longer active/,
    );
    expect(refusalError(readStrError('Odd failure'), 'cancel', { offerId: '7' }).message).toBe(
      'Steam refused to cancel offer 7: Steam said "Odd failure"',
    );
    expect(refusalError({ eresult: 999, reason: undefined }, 'send').message).toBe(
      'Steam refused the offer: Steam gave no reason (EResult 999)',
    );
  });
});
