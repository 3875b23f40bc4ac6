/**
 * @module emulator/steam/market/money
 * How the emulated market writes money, written apart from the client (they must be able to
 * disagree): Steam's `g_rgCurrencyData` styles by currency id, amounts in hundredths as Steam
 * keeps them, thousands grouped as `priceoverview` answers ("$1,234.56", "1 234,56€",
 * "80 000,00 pуб."), whole euros as "12,--€". Fixed exchange rates make every currency's
 * price a pure function of the dollar price.
 */

interface Style {
  code: string;
  symbol: string;
  before: boolean;
  whole: boolean;
  decimal: string;
  thousands: string;
  spacer: string;
  /** Units of this currency per US dollar, in ten-thousandths (no floats in prices). */
  rate: number;
}

const s = (
  code: string,
  symbol: string,
  before: boolean,
  whole: boolean,
  decimal: string,
  thousands: string,
  spacer: string,
  rate: number,
): Style => ({ code, symbol, before, whole, decimal, thousands, spacer, rate });

/** By Steam currency id (ECurrencyCode). */
export const STEAM_STYLES: ReadonlyMap<number, Style> = new Map([
  [1, s('USD', '$', true, false, '.', ',', '', 10_000)],
  [2, s('GBP', '£', true, false, '.', ',', '', 7_900)],
  [3, s('EUR', '€', false, false, ',', ' ', '', 9_200)],
  [4, s('CHF', 'CHF', true, false, '.', ' ', ' ', 8_800)],
  [5, s('RUB', 'pуб.', false, true, ',', ' ', ' ', 920_000)],
  [6, s('PLN', 'zł', false, false, ',', ' ', ' ', 40_000)],
  [7, s('BRL', 'R$', true, false, ',', '.', ' ', 54_000)],
  [8, s('JPY', '¥', true, true, '.', ',', ' ', 1_500_000)],
  [9, s('NOK', 'kr', false, false, ',', '.', ' ', 107_000)],
  [10, s('IDR', 'Rp', true, true, '.', ' ', ' ', 160_000_000)],
  [11, s('MYR', 'RM', true, false, '.', ',', '', 47_000)],
  [12, s('PHP', 'P', true, false, '.', ',', '', 570_000)],
  [13, s('SGD', 'S$', true, false, '.', ',', '', 13_500)],
  [14, s('THB', '฿', true, false, '.', ',', '', 360_000)],
  [15, s('VND', '₫', false, true, ',', '.', '', 250_000_000)],
  [16, s('KRW', '₩', true, true, '.', ',', ' ', 13_500_000)],
  [17, s('TRY', 'TL', false, false, ',', '.', ' ', 320_000)],
  [18, s('UAH', '₴', false, true, ',', ' ', '', 410_000)],
  [19, s('MXN', 'Mex$', true, false, '.', ',', ' ', 170_000)],
  [20, s('CAD', 'CDN$', true, false, '.', ',', ' ', 13_600)],
  [21, s('AUD', 'A$', true, false, '.', ',', ' ', 15_200)],
  [22, s('NZD', 'NZ$', true, false, '.', ',', ' ', 16_400)],
  [23, s('CNY', '¥', true, false, '.', ',', ' ', 72_000)],
  [24, s('INR', '₹', true, true, '.', ',', ' ', 830_000)],
  [25, s('CLP', 'CLP$', true, true, ',', '.', ' ', 9_400_000)],
  [26, s('PEN', 'S/.', true, false, '.', ',', '', 37_000)],
  [27, s('COP', 'COL$', true, true, ',', '.', ' ', 39_000_000)],
  [28, s('ZAR', 'R', true, false, '.', ' ', ' ', 185_000)],
  [29, s('HKD', 'HK$', true, false, '.', ',', ' ', 78_000)],
  [30, s('TWD', 'NT$', true, true, '.', ',', ' ', 320_000)],
  [31, s('SAR', 'SR', false, false, '.', ',', ' ', 37_500)],
  [32, s('AED', 'AED', false, false, '.', ',', ' ', 36_700)],
  [33, s('SEK', 'kr', false, false, '.', ',', ' ', 106_000)],
  [34, s('ARS', 'ARS$', true, false, ',', '.', ' ', 8_700_000)],
  [35, s('ILS', '₪', true, false, '.', ',', '', 37_000)],
  [36, s('BYN', 'Br', true, false, '.', ',', '', 32_700)],
  [37, s('KZT', '₸', false, true, ',', ' ', '', 4_500_000)],
  [38, s('KWD', 'KD', false, false, '.', ',', ' ', 3_100)],
  [39, s('QAR', 'QR', false, false, '.', ',', ' ', 36_400)],
  [40, s('CRC', '₡', true, true, ',', '.', '', 5_150_000)],
  [41, s('UYU', '$U', true, true, ',', '.', '', 390_000)],
  [42, s('BGN', 'лв', false, false, '.', ',', ' ', 18_000)],
  [43, s('HRK', 'kn', false, false, '.', ',', ' ', 69_000)],
  [44, s('CZK', 'Kč', false, false, '.', ',', ' ', 230_000)],
  [45, s('DKK', 'kr.', false, false, '.', ',', ' ', 69_000)],
  [46, s('HUF', 'Ft', false, false, '.', ',', ' ', 3_600_000)],
  [47, s('RON', 'lei', false, false, '.', ',', ' ', 46_000)],
]);

export const STYLE_BY_CODE: ReadonlyMap<string, Style & { id: number }> = new Map(
  [...STEAM_STYLES].map(([id, style]) => [style.code, { ...style, id }]),
);

/**
 * A price in US cents converted to `currency` hundredths (Steam's unit for every currency),
 * rounded half up; whole-unit currencies to whole units, as their market prices are.
 */
export function convertCents(usdCents: number, style: Style): number {
  const hundredths = Math.floor((usdCents * style.rate + 5_000) / 10_000);
  if (!style.whole) return Math.max(1, hundredths);
  return Math.max(100, Math.floor((hundredths + 50) / 100) * 100);
}

/** Hundredths written as Steam's `priceoverview` writes them. */
export function formatSteam(hundredths: number, style: Style): string {
  const units = Math.floor(hundredths / 100);
  const cents = hundredths % 100;
  const grouped = String(units).replace(/\B(?=(\d{3})+(?!\d))/g, style.thousands);
  let number: string;
  // v_currencyformat: whole-unit currencies drop ".00", except RUB; whole euros are "N,--".
  if (cents === 0 && style.whole && style.code !== 'RUB') number = grouped;
  else if (cents === 0 && style.code === 'EUR') number = `${grouped}${style.decimal}--`;
  else number = `${grouped}${style.decimal}${String(cents).padStart(2, '0')}`;
  return style.before ? `${style.symbol}${style.spacer}${number}` : `${number}${style.spacer}${style.symbol}`;
}

/** Hundredths as the decimal number Skinport's JSON carries (e.g. 12.34). */
export function asDecimal(hundredths: number): number {
  return Number(`${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`);
}
