/**
 * @module steam/guard/acknowledge
 * Trade protection's one-time acknowledgement (UPSTREAM.md, 2025-07-15): `POST
 * /trade/new/acknowledge` with `sessionid` and `message=1` (node-steamcommunity v3.49.0
 * `acknowledgeTradeProtection`). Until an account has sent it, Steam refuses its
 * confirmations. The trade client has its own (remembered in the store); this small one
 * lets the confirmations client recover on its own when Steam refuses a confirmation.
 */
import { UpstreamError, UpstreamUnavailableError } from '../../core/errors.js';
import { redactedExcerpt } from '../../core/http/redact.js';
import type { SteamSession } from '../session/session.js';
import { sessionExpired, type MobileconfContext } from './mobileconf.js';

/** Sends the acknowledgement; Steam's answer body is not documented: a 200 is taken as done. */
export async function acknowledgeTradeProtection(
  ctx: MobileconfContext,
  session: SteamSession,
  signal?: AbortSignal,
): Promise<void> {
  const base = ctx.communityUrl.replace(/\/+$/, '');
  await ctx.http.request(
    {
      service: 'steam-community',
      method: 'POST',
      url: new URL(`${base}/trade/new/acknowledge`),
      headers: {
        cookie: session.cookieHeader,
        origin: new URL(ctx.communityUrl).origin,
        referer: `${base}/tradeoffer/new/`,
        'content-type': 'application/x-www-form-urlencoded; charset=UTF-8',
      },
      body: new URLSearchParams({ sessionid: session.sessionId, message: '1' }).toString(),
      pace: ctx.pace,
      idempotent: false,
      ...(signal ? { signal } : {}),
    },
    (res) => {
      const meta = {
        service: 'steam-community' as const,
        status: res.status,
        request: res.request,
        body: redactedExcerpt(res.body),
      };
      const location = String(res.headers.location ?? '');
      if (
        res.status === 401 ||
        res.status === 403 ||
        (res.status >= 300 && res.status < 400 && /\/login/i.test(location))
      )
        throw sessionExpired(`Steam answered ${res.status} to the trade protection acknowledgement`, meta);
      if (res.status >= 500)
        throw new UpstreamUnavailableError(
          `Steam answered ${res.status} to the trade protection acknowledgement`,
          { ...meta, retryable: true },
        );
      if (res.status !== 200)
        throw new UpstreamError(`Steam answered ${res.status} to the trade protection acknowledgement`, meta);
    },
  );
}
