/**
 * @module steam/guard/acknowledge
 * Trade protection's one-time acknowledgement (UPSTREAM.md, 2025-07-15), for the
 * confirmations client to recover on its own: Steam refuses an account's confirmations until
 * it was sent. The request is the trade client's (`POST /trade/new/acknowledge`, sessionid and
 * `message=1`, through its community request and error reading); when the trade client's
 * state store is given, the acknowledgement is recorded there too, so the trade client does
 * not send it again.
 */
import type { SteamSession } from '../session/session.js';
import { communityRequest, type CommunityContext } from '../trade/community.js';
import type { TradeStateStore } from '../trade/state-store.js';

export async function acknowledgeTradeProtection(
  community: CommunityContext,
  session: SteamSession,
  options: {
    signal?: AbortSignal | undefined;
    tradeState?: Pick<TradeStateStore, 'markAcknowledged'> | undefined;
  } = {},
): Promise<void> {
  await communityRequest(
    community,
    {
      method: 'POST',
      path: '/trade/new/acknowledge',
      fields: [['message', '1']],
      referer: '/tradeoffer/new/',
      session,
      action: 'acknowledge',
      signal: options.signal,
    },
    () => undefined,
  );
  await options.tradeState?.markAcknowledged(session.steamid, Date.now());
}
