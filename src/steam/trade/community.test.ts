import { describe, expect, it } from 'vitest';
import {
  RateLimitError,
  SessionExpiredError,
  TradeOfferRefusedError,
  UpstreamInvalidRequestError,
  UpstreamUnavailableError,
} from '../../core/errors.js';
import type { HttpResponse } from '../../core/http/client.js';
import { registerSecret } from '../../core/http/redact.js';
import { checkCommunityAnswer } from './community.js';

const response = (status: number, body: string, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  body,
  headers,
  request: { method: 'POST', url: 'https://steamcommunity.com/tradeoffer/new/send' },
  route: 'direct',
});

const send = { action: 'send' as const };
const thrown = (res: HttpResponse, call: Parameters<typeof checkCommunityAnswer>[1] = send) => {
  try {
    checkCommunityAnswer(res, call);
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
};

describe('checkCommunityAnswer', () => {
  it('passes a JSON answer through', () => {
    expect(checkCommunityAnswer(response(200, '{"tradeofferid":"1"}'), send)).toEqual({ tradeofferid: '1' });
  });

  it('reads a redirect to the login page and 401/403 as an expired session', () => {
    for (const res of [
      response(302, '', { location: 'https://steamcommunity.com/login/home/?goto=tradeoffer%2Fnew' }),
      response(401, ''),
      response(403, ''),
    ]) {
      const error = thrown(res) as SessionExpiredError;
      expect(error).toBeInstanceOf(SessionExpiredError);
      expect(error.message).toMatch(/copy the new steamLoginSecure cookie into STEAM_COOKIES/);
    }
  });

  it('reads strError before the status (HTTP 500 and 200 alike)', () => {
    for (const status of [500, 200, 403]) {
      const error = thrown(
        response(
          status,
          '{"strError":"There was an error sending your trade offer.  Please try again later. (26)"}',
        ),
      );
      expect(error).toBeInstanceOf(TradeOfferRefusedError);
      expect(error).toMatchObject({ eresult: 26, status });
    }
    const accept = thrown(response(500, '{"strError":"x (11)"}'), { action: 'accept', offerId: '42' });
    expect((accept as Error).message).toMatch(/^Steam refused to accept offer 42/);
  });

  it('tells 429, 5xx and 400 apart', () => {
    expect(thrown(response(429, ''))).toBeInstanceOf(RateLimitError);
    const down = thrown(response(502, '<html>Bad Gateway</html>'));
    expect(down).toBeInstanceOf(UpstreamUnavailableError);
    expect(down).toMatchObject({ retryable: true });
    expect(thrown(response(400, ''))).toBeInstanceOf(UpstreamInvalidRequestError);
  });

  it("keeps the session's secrets out of the error body", () => {
    // parseSteamSession registers the token it reads; Steam may echo it back.
    registerSecret('eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiIxIn0.c2ln');
    const error = thrown(response(500, 'access_token=eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiIxIn0.c2ln')) as Error & {
      body?: string;
    };
    expect(error.body).not.toContain('eyJzdWIiOiIxIn0');
  });
});
