/**
 * @module steam/trade/protection
 * Trade protection (2025-07-15, UPSTREAM.md): every account acknowledges it once before it
 * can trade or confirm — `POST /trade/new/acknowledge` with `sessionid` and `message=1`
 * (node-steamcommunity v3.49.0 `acknowledgeTradeProtection`). Until then Steam makes offers
 * that wait on a confirmation which fails (TF2Autobot #2012: offers stuck pending until the
 * acknowledgement). Done once per account before its first send or accept, and remembered
 * in the store so it is not repeated.
 */
import type { SteamSession } from '../session/session.js';
import { communityRequest } from './community.js';
import type { TradeContext } from './context.js';

/** Acknowledges trade protection for the session's account unless the store says it was. */
export async function ensureAcknowledged(
  ctx: TradeContext,
  session: SteamSession,
  signal?: AbortSignal,
): Promise<boolean> {
  if ((await ctx.store.acknowledgedAt(session.steamid)) !== undefined) return false;
  await acknowledgeTradeProtection(ctx, session, signal);
  return true;
}

/** Sends the acknowledgement (Steam's answer body is not documented; a 200 is taken as done). */
export async function acknowledgeTradeProtection(
  ctx: TradeContext,
  session: SteamSession,
  signal?: AbortSignal,
): Promise<void> {
  await communityRequest(
    ctx.community,
    {
      method: 'POST',
      path: '/trade/new/acknowledge',
      fields: [['message', '1']],
      referer: '/tradeoffer/new/',
      session,
      action: 'acknowledge',
      signal,
    },
    () => undefined,
  );
  await ctx.store.markAcknowledged(session.steamid, ctx.now());
}
