/**
 * @module steam/market/price-text
 * Steam's formatted prices, both ways. `priceoverview` answers strings in the currency's own
 * style (UPSTREAM.md): "$1,234.56", "1 234,56€", "CDN$ 1.23", "¥ 1,234", "12,--€" (whole
 * euros), "80 000,00 pуб.". Parsing checks the symbol, so a price in another currency than
 * the one asked for is refused instead of misread; it never guesses a number out of junk.
 */
import type { Currency } from './currencies.js';
import { decimalToMinor, type Money } from './money.js';

export type ParsedPrice = { ok: true; money: Money } | { ok: false; reason: string };

/** Spaces Steam and browsers use between digit groups: NBSP, narrow NBSP, thin space. */
const ODD_SPACES = /[\u00a0\u202f\u2009\u2007]/g;

/** RUB is written "pуб." (Latin p) by g_rgCurrencyData and "руб." elsewhere. */
const SYMBOL_ALIASES: Record<string, string[]> = { RUB: ['pуб.', 'руб.', 'pуб', 'руб'] };

export function parseSteamPrice(text: string, currency: Currency): ParsedPrice {
  const fail = (reason: string): ParsedPrice => ({ ok: false, reason: `"${text}" ${reason}` });
  let rest = text.replace(ODD_SPACES, ' ').trim();
  // Steam adds " USD" to dollar prices shown outside the US (v_currencyformat).
  if (currency.code === 'USD') rest = rest.replace(/\s+USD$/, '');
  const style = currency.steam;
  const symbols = SYMBOL_ALIASES[currency.code] ?? [style.symbol];
  const symbol = symbols.find((s) => (style.prefix ? rest.startsWith(s) : rest.endsWith(s)));
  if (!symbol) return fail(`is not a ${currency.code} price (expected the symbol ${style.symbol})`);
  rest = (style.prefix ? rest.slice(symbol.length) : rest.slice(0, -symbol.length)).trim();
  // "12,--€": Steam's way of writing whole euros.
  rest = rest.replace(/([.,])--$/, (_, separator: string) => `${separator}00`);
  const number = readNumber(rest, style.decimal, style.thousands, Math.max(2, currency.digits));
  if (number === undefined) return fail(`has no ${currency.code} amount Steam would write`);
  const amount = decimalToMinor(number, currency.digits);
  if (amount === undefined) return fail('is too large');
  return { ok: true, money: { amount, currency: currency.code } };
}

/**
 * The digits of "1,234.56" as "1234.56", given the currency's separators. Groups of three
 * after the first; a space groups too (priceoverview uses one where g_rgCurrencyData has none).
 */
function readNumber(text: string, decimal: string, thousands: string, decimals: number): string | undefined {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const groups = [...new Set([thousands, ' '].filter(Boolean))].map(esc).join('|');
  const pattern = new RegExp(
    `^(\\d{1,3}(?:(?:${groups})\\d{3})+|\\d+)(?:${esc(decimal)}(\\d{1,${decimals}}))?$`,
  );
  const match = pattern.exec(text);
  if (!match) return undefined;
  const whole = (match[1] as string).replace(/\D/g, '');
  return match[2] === undefined ? whole : `${whole}.${match[2]}`;
}

/**
 * Money written the way Steam writes it (for people: CLI tables, MCP text). Whole amounts in
 * whole-unit currencies drop their decimals; whole euros keep Steam's ",--".
 */
export function formatMoney(value: Money, currency: Currency): string {
  const style = currency.steam;
  const negative = value.amount < 0;
  const abs = Math.abs(value.amount);
  const unit = 10 ** currency.digits;
  const whole = Math.floor(abs / unit);
  const fraction = currency.digits === 0 ? '' : String(abs % unit).padStart(currency.digits, '0');
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, style.thousands);
  let number: string;
  if (fraction === '' || (/^0+$/.test(fraction) && style.wholeUnits && currency.code !== 'RUB')) {
    number = grouped;
  } else if (/^0+$/.test(fraction) && currency.code === 'EUR') {
    number = `${grouped}${style.decimal}--`;
  } else {
    number = `${grouped}${style.decimal}${fraction}`;
  }
  const sign = negative ? '-' : '';
  return style.prefix
    ? `${sign}${style.symbol}${style.spacer}${number}`
    : `${sign}${number}${style.spacer}${style.symbol}`;
}
