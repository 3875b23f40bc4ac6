/**
 * @module steam/market/currencies
 * Every currency the Steam market prices in: its ISO 4217 code, Steam's ECurrencyCode id, the
 * ISO minor-unit digits money is counted in (JPY 0, KWD 3), and how Steam writes amounts in it.
 * The writing styles are Steam's own `g_rgCurrencyData` (steamcommunity.com's global.js); the
 * parser in price-text.ts reads them. Steam's non-ISO entries (9000 RMB, 9001 NXP) are left out.
 */
import { InvalidInputError } from '../../core/errors.js';

export interface SteamCurrencyStyle {
  symbol: string;
  /** The symbol goes before the amount (`$1.23`), or after (`1,23€`). */
  prefix: boolean;
  /** Steam leaves off `.00` for whole amounts (`¥ 123`); RUB is the exception (it keeps `,00`). */
  wholeUnits: boolean;
  decimal: string;
  thousands: string;
  /** Between symbol and number: `CDN$ 1.23` has a space, `$1.23` none. */
  spacer: string;
}

export interface Currency {
  /** ISO 4217 code, e.g. `USD`. */
  code: string;
  /** Steam's ECurrencyCode (the `currency=` parameter of `priceoverview`). */
  steamId: number;
  /** ISO 4217 minor-unit digits: amounts are integers in 10^-digits of the unit. */
  digits: number;
  steam: SteamCurrencyStyle;
}

type Row = [string, number, number, string, boolean, boolean, string, string, string];

const P = true; // symbol before the number
const S = false; // symbol after it
const W = true; // whole units only
const C = false; // with cents

/** code, Steam id, ISO digits, symbol, prefix, whole units, decimal, thousands, spacer. */
const ROWS: Row[] = [
  ['USD', 1, 2, '$', P, C, '.', ',', ''],
  ['GBP', 2, 2, '£', P, C, '.', ',', ''],
  ['EUR', 3, 2, '€', S, C, ',', ' ', ''],
  ['CHF', 4, 2, 'CHF', P, C, '.', ' ', ' '],
  // g_rgCurrencyData writes "pуб." with a Latin p; priceoverview groups thousands with a space.
  ['RUB', 5, 2, 'pуб.', S, W, ',', ' ', ' '],
  ['PLN', 6, 2, 'zł', S, C, ',', ' ', ''],
  ['BRL', 7, 2, 'R$', P, C, ',', '.', ' '],
  ['JPY', 8, 0, '¥', P, W, '.', ',', ' '],
  ['NOK', 9, 2, 'kr', S, C, ',', '.', ' '],
  ['IDR', 10, 2, 'Rp', P, W, '.', ' ', ' '],
  ['MYR', 11, 2, 'RM', P, C, '.', ',', ''],
  ['PHP', 12, 2, 'P', P, C, '.', ',', ''],
  ['SGD', 13, 2, 'S$', P, C, '.', ',', ''],
  ['THB', 14, 2, '฿', P, C, '.', ',', ''],
  ['VND', 15, 0, '₫', S, W, ',', '.', ''],
  ['KRW', 16, 0, '₩', P, W, '.', ',', ' '],
  ['TRY', 17, 2, 'TL', S, C, ',', '.', ' '],
  ['UAH', 18, 2, '₴', S, W, ',', ' ', ''],
  ['MXN', 19, 2, 'Mex$', P, C, '.', ',', ' '],
  ['CAD', 20, 2, 'CDN$', P, C, '.', ',', ' '],
  ['AUD', 21, 2, 'A$', P, C, '.', ',', ' '],
  ['NZD', 22, 2, 'NZ$', P, C, '.', ',', ' '],
  ['CNY', 23, 2, '¥', P, C, '.', ',', ' '],
  ['INR', 24, 2, '₹', P, W, '.', ',', ' '],
  ['CLP', 25, 0, 'CLP$', P, W, ',', '.', ' '],
  ['PEN', 26, 2, 'S/.', P, C, '.', ',', ''],
  ['COP', 27, 2, 'COL$', P, W, ',', '.', ' '],
  ['ZAR', 28, 2, 'R', P, C, '.', ' ', ' '],
  ['HKD', 29, 2, 'HK$', P, C, '.', ',', ' '],
  ['TWD', 30, 2, 'NT$', P, W, '.', ',', ' '],
  ['SAR', 31, 2, 'SR', S, C, '.', ',', ' '],
  ['AED', 32, 2, 'AED', S, C, '.', ',', ' '],
  ['SEK', 33, 2, 'kr', S, C, '.', ',', ' '],
  ['ARS', 34, 2, 'ARS$', P, C, ',', '.', ' '],
  ['ILS', 35, 2, '₪', P, C, '.', ',', ''],
  ['BYN', 36, 2, 'Br', P, C, '.', ',', ''],
  ['KZT', 37, 2, '₸', S, W, ',', ' ', ''],
  ['KWD', 38, 3, 'KD', S, C, '.', ',', ' '],
  ['QAR', 39, 2, 'QR', S, C, '.', ',', ' '],
  ['CRC', 40, 2, '₡', P, W, ',', '.', ''],
  ['UYU', 41, 2, '$U', P, W, ',', '.', ''],
  ['BGN', 42, 2, 'лв', S, C, '.', ',', ' '],
  ['HRK', 43, 2, 'kn', S, C, '.', ',', ' '],
  ['CZK', 44, 2, 'Kč', S, C, '.', ',', ' '],
  ['DKK', 45, 2, 'kr.', S, C, '.', ',', ' '],
  ['HUF', 46, 2, 'Ft', S, C, '.', ',', ' '],
  ['RON', 47, 2, 'lei', S, C, '.', ',', ' '],
];

export const CURRENCIES: readonly Currency[] = ROWS.map(
  ([code, steamId, digits, symbol, prefix, wholeUnits, decimal, thousands, spacer]) => ({
    code,
    steamId,
    digits,
    steam: { symbol, prefix, wholeUnits, decimal, thousands, spacer },
  }),
);

const BY_CODE = new Map(CURRENCIES.map((c) => [c.code, c]));
const BY_STEAM_ID = new Map(CURRENCIES.map((c) => [c.steamId, c]));

export const CURRENCY_CODES: readonly string[] = CURRENCIES.map((c) => c.code);

export function currencyByCode(code: string): Currency | undefined {
  return BY_CODE.get(code.trim().toUpperCase());
}

export function currencyBySteamId(id: number): Currency | undefined {
  return BY_STEAM_ID.get(id);
}

/**
 * A currency from what a user typed: an ISO code (any case) or a Steam currency id.
 * Anything else is bad input, refused with every accepted code named.
 */
export function requireCurrency(input: string | number, parameter = 'currency'): Currency {
  const text = String(input).trim();
  const found = /^\d+$/.test(text) ? currencyBySteamId(Number(text)) : currencyByCode(text);
  if (found) return found;
  throw new InvalidInputError(
    `unknown currency "${text}": use an ISO 4217 code Steam prices in (${CURRENCY_CODES.join(', ')}) or its Steam id (1 USD, 2 GBP, 3 EUR, ...)`,
    parameter,
  );
}
