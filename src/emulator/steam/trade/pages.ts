/**
 * @module emulator/steam/trade/pages
 * The trade offer pages: `GET /tradeoffer/{id}/` and `GET /tradeoffer/new/?partner=&token=`.
 * What clients read from them is the inline script node-steam-tradeoffer-manager's
 * getUserDetails runs (`g_rgAppContextData`, persona names, `g_bTradePartnerProbation`),
 * `var g_daysMyEscrow = N;` / `var g_daysTheirEscrow = N;`, the avatars' `data-miniprofile`,
 * and `<div id="error_msg">` when the offer cannot be made. UPSTREAM.md (2026-07, the
 * manager's #369 / PR #370): the page answers 429 unless asked with a `Referer` and the
 * mobile app's user agent (`okhttp/…`). Logged out: a redirect to the login page.
 */
import type { EmulatorReply, EmulatorRequest } from '../../types.js';
import { catalogFor } from '../catalogs.js';
import { steamApp } from '../people/index.js';
import { tooManyRequests } from '../webapi/html.js';
import { visibleTo } from './actions.js';
import { accountIdOf, steamIdOf } from './accounts.js';
import { header, pageSession } from './community.js';
import type { TradeContext } from './context.js';
import { tradeBanText, unavailableText } from './str-errors.js';

const OFFER_PAGE = /^\/tradeoffer\/(\d+)\/?$/;
const NEW_OFFER_PAGE = /^\/tradeoffer\/new\/?$/;
/** The inventories an offer window lists, with the names Steam gives their contexts. */
const TRADE_CONTEXTS: [number, string, string][] = [
  [730, '2', 'Backpack'],
  [440, '2', 'Backpack'],
  [570, '2', 'Backpack'],
  [252490, '2', 'Backpack'],
  [753, '6', 'Community'],
];

export function handlePage(ctx: TradeContext, req: EmulatorRequest, path: string): EmulatorReply | undefined {
  if (req.method !== 'GET') return undefined;
  const isNew = NEW_OFFER_PAGE.test(path);
  const match = isNew ? null : OFFER_PAGE.exec(path);
  if (!isNew && !match) return undefined;
  const session = pageSession(ctx, req);
  if ('reply' in session) return session.reply;
  if (ctx.config.offerPageNeedsMobileAgent && !mobileAgentWithReferer(req)) {
    ctx.counters.pageRefused++;
    return tooManyRequests();
  }
  const viewer = session.steamid;
  if (match) {
    const offer = ctx.offers.get(match[1] ?? '', ctx.clock.seconds());
    if (!offer || !visibleTo(offer, viewer))
      return errorPage('The trade offer does not exist, or the trade offer no longer exists.');
    return offerPage(ctx, viewer, offer.sender === viewer ? offer.recipient : offer.sender);
  }
  const accountid = req.url.searchParams.get('partner') ?? '';
  if (!/^\d{1,10}$/.test(accountid) || Number(accountid) < 1 || Number(accountid) > 0xffffffff)
    return errorPage('There was an error loading this trade offer. Please try again later.');
  const partner = steamIdOf(Number(accountid));
  const them = ctx.accounts.get(partner);
  const name = ctx.people.profile(partner).personaName;
  if (them.tradeBan) return errorPage(tradeBanText(name));
  if (them.unavailable) return errorPage(unavailableText(name));
  const token = req.url.searchParams.get('token') ?? undefined;
  if (!ctx.accounts.areFriends(viewer, partner) && token !== them.token) {
    // Quoted by several public clients that look for it on this page.
    return errorPage(`This Trade URL is no longer valid for sending a trade offer to ${name}.`);
  }
  return offerPage(ctx, viewer, partner);
}

function mobileAgentWithReferer(req: EmulatorRequest): boolean {
  return Boolean(header(req, 'referer')) && /okhttp\//i.test(header(req, 'user-agent') ?? '');
}

function offerPage(ctx: TradeContext, viewer: string, partner: string): EmulatorReply {
  const me = ctx.people.profile(viewer);
  const them = ctx.people.profile(partner);
  const avatar = (hash: string, steamid: string) =>
    `<img src="https://avatars.fastly.steamstatic.com/${hash}.jpg" data-miniprofile="${accountIdOf(steamid)}">`;
  const script = [
    `var g_rgAppContextData = ${js(contexts(ctx, viewer))};`,
    `var g_rgPartnerAppContextData = ${js(contexts(ctx, partner))};`,
    `var g_strYourPersonaName = ${js(me.personaName)};`,
    `var g_strTradePartnerPersonaName = ${js(them.personaName)};`,
    `var g_ulTradePartnerSteamID = ${js(partner)};`,
    `var g_bTradePartnerProbation = ${ctx.accounts.get(partner).probation};`,
    `var g_daysMyEscrow = ${ctx.accounts.get(viewer).escrowDays};`,
    `var g_daysTheirEscrow = ${ctx.accounts.get(partner).escrowDays};`,
    `var g_strTradePartnerInventoryLoadURL = 'https://steamcommunity.com/tradeoffer/new/partnerinventory/';`,
    `$J( function() { UserYou.SetSteamId( ${js(viewer)} ); UserThem.SetSteamId( ${js(partner)} ); } );`,
  ];
  return html(
    `<div class="trade_partner_header">${avatar(me.avatarHash, viewer)}${avatar(them.avatarHash, partner)}</div>\n` +
      `\t\t<script type="text/javascript">\n\t\t\t${script.join('\n\t\t\t')}\n\t\t</script>\n`,
  );
}

/** `g_rgAppContextData`: the apps and contexts the account has items in. */
function contexts(ctx: TradeContext, steamid: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [appid, contextid, name] of TRADE_CONTEXTS) {
    if (!catalogFor(appid, contextid)) continue;
    const count = ctx.inventories.current(steamid, appid, contextid)?.size ?? 0;
    if (count === 0) continue;
    out[String(appid)] = {
      appid,
      name: steamApp(appid)?.name ?? (appid === 753 ? 'Steam' : `App ${appid}`),
      asset_count: count,
      trade_permissions: 'FULL',
      load_failed: 0,
      rgContexts: { [contextid]: { asset_count: count, id: contextid, name } },
    };
  }
  return out;
}

function errorPage(message: string): EmulatorReply {
  return html(`<div id="error_msg">\n\t\t${escapeHtml(message)}\n\t</div>\n`);
}

function html(body: string): EmulatorReply {
  return {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: `<!DOCTYPE html>\n<html>\n<head><title>Steam Community :: Trade Offer</title></head>\n<body>\n${body}</body>\n</html>`,
  };
}

/** JSON that is safe inside a script element. */
function js(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string,
  );
}
