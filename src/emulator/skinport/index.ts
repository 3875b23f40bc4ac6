/**
 * @module emulator/skinport
 * A Skinport-shaped `GET /v1/items?app_id=&currency=&tradable=` (UPSTREAM.md): one JSON array
 * for the whole app in one currency, prices as decimal numbers or null, Brotli-compressed and
 * refused (406) to clients that do not accept Brotli, a few requests per five minutes per IP.
 * Prices follow the emulated Steam market's, a little lower (Skinport undercuts Steam), so the
 * two sources agree within a spread.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { asDecimal, convertCents, STYLE_BY_CODE } from '../steam/market/money.js';
import type { MarketScenario } from '../steam/market/scenario.js';
import { universeOf } from '../steam/market/universe.js';
import { WindowLimiter } from '../steam/market/window-limit.js';
import { hash32 } from '../steam/random.js';
import type { EmulatorModule, EmulatorReply, EmulatorRequest } from '../types.js';

const APPS = [730, 252490];
const CURRENCIES = [
  'AUD',
  'BRL',
  'CAD',
  'CHF',
  'CNY',
  'CZK',
  'DKK',
  'EUR',
  'GBP',
  'HRK',
  'NOK',
  'PLN',
  'RUB',
  'SEK',
  'TRY',
  'USD',
];
/** When the emulated items were "created": fixed, so answers are byte-for-byte repeatable. */
const CREATED_AT = 1_600_000_000;

export interface SkinportModule extends EmulatorModule {
  stats(): { requests: number; rateLimited: number };
}

const error = (status: number, id: string, message: string): EmulatorReply => ({
  status,
  body: { errors: [{ id, message }] },
});

export function createSkinportModule(
  market: MarketScenario,
  options: { now?: () => number } = {},
): SkinportModule {
  const limiter = new WindowLimiter(market.skinport.requestsPerWindow, market.skinport.windowMs, options.now);
  const bodies = new Map<string, Buffer>();
  let requests = 0;
  return {
    name: 'skinport',
    handle(req: EmulatorRequest): EmulatorReply | undefined {
      if (req.method !== 'GET' || !/^\/v1\/items\/?$/.test(req.url.pathname)) return undefined;
      requests++;
      const accepts = String(req.headers['accept-encoding'] ?? '').toLowerCase();
      const brotli = /\bbr\b/.test(accepts);
      if (market.skinport.requireBrotli && !brotli) {
        return error(406, 'not_acceptable', 'Accept-Encoding must include br');
      }
      if (!limiter.allow(req.ip)) return error(429, 'rate_limit_exceeded', 'Rate limit exceeded');
      const appid = Number(req.url.searchParams.get('app_id') ?? 730);
      const currency = (req.url.searchParams.get('currency') ?? 'EUR').toUpperCase();
      if (!APPS.includes(appid))
        return error(400, 'validation_error', `app_id must be one of ${APPS.join(', ')}`);
      if (!CURRENCIES.includes(currency)) {
        return error(400, 'validation_error', `currency must be one of ${CURRENCIES.join(', ')}`);
      }
      const key = `${appid}/${currency}`;
      let json = bodies.get(key);
      if (!json) bodies.set(key, (json = Buffer.from(JSON.stringify(itemsOf(appid, currency, market)))));
      const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
      if (brotli) {
        headers['content-encoding'] = 'br';
        return {
          status: 200,
          headers,
          body: brotliCompressSync(json, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }),
        };
      }
      if (/\bgzip\b/.test(accepts)) {
        headers['content-encoding'] = 'gzip';
        return { status: 200, headers, body: gzipSync(json) };
      }
      return { status: 200, headers, body: json };
    },
    reset() {
      limiter.reset();
      requests = 0;
    },
    stats: () => ({ requests, rateLimited: limiter.limited }),
  };
}

function itemsOf(appid: number, currency: string, market: MarketScenario) {
  const style = STYLE_BY_CODE.get(currency)!;
  return universeOf(appid, market).items.map((item) => {
    const h = hash32(`skinport-qty:${item.marketHashName}`);
    const listed = item.listings > 0;
    const quantity = listed ? h % 40 : 0;
    const suggested = convertCents(
      Math.max(1, Math.floor((item.usdCents * item.skinportShare) / 1000)),
      style,
    );
    const min = quantity > 0 ? suggested : undefined;
    const slug = encodeURIComponent(item.marketHashName.toLowerCase().replace(/\s+/g, '-'));
    return {
      market_hash_name: item.marketHashName,
      currency,
      suggested_price: listed ? asDecimal(suggested) : null,
      item_page: `https://skinport.com/item/${slug}`,
      market_page: `https://skinport.com/market?item=${encodeURIComponent(item.marketHashName)}`,
      min_price: min === undefined ? null : asDecimal(min),
      max_price: min === undefined ? null : asDecimal(min + (h % 500) + 1),
      mean_price: min === undefined ? null : asDecimal(min + (h % 250)),
      median_price: min === undefined ? null : asDecimal(min + (h % 200)),
      quantity,
      created_at: CREATED_AT,
      updated_at: CREATED_AT + (h % 10_000_000),
    };
  });
}
