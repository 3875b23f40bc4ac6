/**
 * @module steam/trade/partner
 * What an offer needs to know of its partner. Hold days from IEconService/GetTradeHoldDurations
 * (with the access token, as ASF does), or — only when that fails — from the offer page's
 * `g_daysMyEscrow`, `g_daysTheirEscrow` and `g_bTradePartnerProbation` (node-steam-tradeoffer-
 * manager's getUserDetails), asked with a `Referer` and the mobile user agent (UPSTREAM.md:
 * 429 otherwise since 2026-07, manager #369 / PR #370). And the partner's tradable items for
 * an offer through `/tradeoffer/new/partnerinventory/` (2024-11; the manager's
 * loadPartnerInventory: `sessionid`, `partner`, `appid`, `contextid`, `start`; answers
 * `rgInventory`, `rgDescriptions` by `classid_instanceid`, `rgAssetProperties`, `more`,
 * `more_start`).
 */
import {
  AuthenticationError,
  InvalidInputError,
  MalformedResponseError,
  PrivateError,
  UpstreamError,
} from '../../core/errors.js';
import { redactedExcerpt } from '../../core/http/redact.js';
import { normalizeAsset } from '../community/inventory/normalize.js';
import type { InventoryItem, RawAssetProperty, RawDescription } from '../community/inventory/types.js';
import { canonicalAppId, canonicalContextId } from '../ids/app-context.js';
import { parseSteamIdentity } from '../ids/parse.js';
import { communityRequest, jsonObjectOf, MOBILE_USER_AGENT } from './community.js';
import type { TradeContext } from './context.js';
import { ECON_METHODS } from './econ-methods.js';
import type { PartnerDetails } from './model.js';
import { newOfferPage } from './send-form.js';
import { checkToken } from './send-input.js';

const DAY_S = 86_400;

export interface PartnerRef {
  partner: string;
  token: string | undefined;
}

/** Any `<who>` form or trade URL (its token) plus an optional token; not oneself. */
export async function partnerRef(ctx: TradeContext, who: string, token?: string): Promise<PartnerRef> {
  const identity = parseSteamIdentity(who, 'partner', [ctx.communityHost]);
  const fromUrl =
    identity.kind === 'steamid' && identity.tradeToken
      ? checkToken(identity.tradeToken, 'trade URL token')
      : undefined;
  const given = token ? checkToken(token) : undefined;
  if (fromUrl && given && fromUrl !== given) {
    throw new InvalidInputError(
      'the trade URL carries a different token than the token given: give one of them',
      'token',
    );
  }
  const partner = identity.kind === 'steamid' ? identity.steamid64 : (await ctx.resolve(who)).steamid64;
  if (partner === ctx.me()) {
    throw new InvalidInputError(`partner ${partner} is this account itself`, 'partner');
  }
  return { partner, token: fromUrl ?? given };
}

interface RawHolds {
  my_escrow?: { escrow_end_duration_seconds?: number };
  their_escrow?: { escrow_end_duration_seconds?: number };
}

/** Hold days for a trade with `who`: the Web API first, the offer page only as a fallback. */
export async function partnerDetails(
  ctx: TradeContext,
  who: string,
  token?: string,
  options: { signal?: AbortSignal } = {},
): Promise<PartnerDetails> {
  const ref = await partnerRef(ctx, who, token);
  try {
    const holds = await ctx.econ<RawHolds>(
      ECON_METHODS.getTradeHoldDurations,
      { steamid_target: ref.partner, trade_offer_access_token: ref.token ?? '' },
      options,
    );
    const mine = holds?.my_escrow?.escrow_end_duration_seconds;
    const theirs = holds?.their_escrow?.escrow_end_duration_seconds;
    if (typeof mine !== 'number' || typeof theirs !== 'number') {
      throw new MalformedResponseError('GetTradeHoldDurations answered without hold durations', {
        service: 'steam-webapi',
      });
    }
    return {
      partner: ref.partner,
      myEscrowDays: Math.ceil(mine / DAY_S),
      theirEscrowDays: Math.ceil(theirs / DAY_S),
      probation: undefined,
      source: 'webapi',
    };
  } catch (error) {
    // An expired session or a refused key fails the page too; anything else may be the API alone.
    const fallback =
      error instanceof UpstreamError &&
      !(error instanceof AuthenticationError) &&
      ctx.session() !== undefined;
    if (!fallback) throw error;
    return offerPageDetails(ctx, ref, options.signal);
  }
}

/** The trade offer page's answer for this partner (hold days), or Steam's refusal to open it. */
export async function offerPageDetails(
  ctx: TradeContext,
  ref: PartnerRef,
  signal?: AbortSignal,
): Promise<PartnerDetails> {
  const session = ctx.requireSession('reading the trade offer page');
  const page = newOfferPage(ref.partner, ref.token);
  return communityRequest(
    ctx.community,
    {
      method: 'GET',
      path: page,
      referer: page,
      session,
      action: 'read',
      userAgent: MOBILE_USER_AGENT,
      signal,
    },
    (res) => {
      const mine = /var g_daysMyEscrow = (\d+);/.exec(res.body);
      const theirs = /var g_daysTheirEscrow = (\d+);/.exec(res.body);
      if (!mine || !theirs) {
        const error = /<div id="error_msg">\s*([\s\S]*?)\s*<\/div>/.exec(res.body)?.[1];
        const meta = {
          service: 'steam-community' as const,
          status: res.status,
          request: res.request,
          body: redactedExcerpt(res.body),
        };
        if (error) {
          // Without a token the page opens only for friends: say what is missing, not just Steam's words.
          const hint = ref.token
            ? ''
            : " (no trade URL token was given: for anyone but a friend Steam needs the partner's trade URL, or --token)";
          throw new UpstreamError(
            `Steam's trade offer page for ${ref.partner} says: ${error
              .replace(/<[^>]+>/g, ' ')
              .replace(/\s+/g, ' ')
              .trim()}${hint}`,
            meta,
          );
        }
        throw new MalformedResponseError(
          `Steam's trade offer page for ${ref.partner} has no hold durations`,
          meta,
        );
      }
      const probation = /var g_bTradePartnerProbation = (true|false);/.exec(res.body)?.[1];
      return {
        partner: ref.partner,
        myEscrowDays: Number(mine[1]),
        theirEscrowDays: Number(theirs[1]),
        probation: probation === undefined ? undefined : probation === 'true',
        source: 'offer-page' as const,
      };
    },
  );
}

interface RawPartnerInventory {
  success?: boolean | number;
  error?: string;
  rgInventory?:
    | Record<string, { id: string; classid: string; instanceid?: string; amount?: string | number }>
    | unknown[];
  rgDescriptions?: Record<string, RawDescription> | unknown[];
  rgAssetProperties?: Record<string, RawAssetProperty[] | { asset_properties?: RawAssetProperty[] }>;
  more?: boolean;
  more_start?: number | boolean;
}

export interface PartnerInventoryOptions {
  token?: string | undefined;
  signal?: AbortSignal | undefined;
}

/** The partner's tradable items in one app and context, page by page, normalized like an inventory. */
export async function* partnerInventoryItems(
  ctx: TradeContext,
  who: string,
  appid: number | string,
  contextid: number | string,
  options: PartnerInventoryOptions = {},
): AsyncGenerator<InventoryItem> {
  const app = canonicalAppId(appid);
  const context = canonicalContextId(contextid);
  const session = ctx.requireSession("reading a partner's inventory for an offer");
  const ref = await partnerRef(ctx, who, options.token);
  const referer = newOfferPage(ref.partner, ref.token);
  const starts = new Set<number>();
  let start = 0;
  for (;;) {
    const fields: [string, string][] = [
      ['sessionid', session.sessionId],
      ['partner', ref.partner],
      ['appid', app],
      ['contextid', context],
    ];
    if (start) fields.push(['start', String(start)]);
    const page = await communityRequest(
      ctx.community,
      {
        method: 'GET',
        path: '/tradeoffer/new/partnerinventory/',
        fields,
        referer,
        session,
        action: 'read',
        signal: options.signal,
      },
      (res, json) => {
        const body = jsonObjectOf(res, json, 'partnerinventory') as RawPartnerInventory;
        if (!body.success) {
          const why = body.error ? `: ${body.error}` : '';
          const meta = {
            service: 'steam-community' as const,
            status: res.status,
            request: res.request,
            body: redactedExcerpt(res.body),
          };
          if (/private|not available/i.test(body.error ?? '')) {
            throw new PrivateError(
              `Steam will not show ${ref.partner}'s inventory ${app}/${context}${why}`,
              meta,
            );
          }
          throw new UpstreamError(
            `Steam would not list ${ref.partner}'s inventory ${app}/${context}${why}`,
            meta,
          );
        }
        return body;
      },
    );
    const descriptions = Array.isArray(page.rgDescriptions) ? {} : (page.rgDescriptions ?? {});
    const properties = page.rgAssetProperties ?? {};
    const assets = Array.isArray(page.rgInventory) ? [] : Object.values(page.rgInventory ?? {});
    for (const asset of assets) {
      const instanceid = asset.instanceid ?? '0';
      const props = properties[asset.id];
      yield normalizeAsset(
        {
          appid: Number(app),
          contextid: context,
          assetid: String(asset.id),
          classid: String(asset.classid),
          instanceid: String(instanceid),
          amount: String(asset.amount ?? 1),
        },
        descriptions[`${asset.classid}_${instanceid}`],
        {
          owner: ref.partner,
          properties: Array.isArray(props) ? props : (props?.asset_properties ?? []),
          isCurrency: false,
        },
      );
    }
    const next = Number(page.more_start);
    if (!page.more || !Number.isInteger(next) || next <= start || starts.has(next)) return;
    starts.add(next);
    start = next;
  }
}
