/**
 * @module steam/market/money
 * Money as an integer count of a currency's ISO minor units (cents, or whole yen), never a
 * float: sums of 50,000 prices stay exact. Conversions from decimal text (Skinport's JSON
 * numbers, Steam's formatted strings) go through the digits, not through floating point.
 */
import type { Currency } from './currencies.js';

export interface Money {
  /** Integer minor units of `currency` (ISO 4217 digits: 1234 USD is $12.34, 1234 JPY is ¥1,234). */
  amount: number;
  /** ISO 4217 code. */
  currency: string;
}

export function money(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount))
    throw new RangeError(`money amounts are whole minor units, got ${amount}`);
  return { amount, currency };
}

export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new RangeError(`cannot add ${a.currency} to ${b.currency}`);
  return money(a.amount + b.amount, a.currency);
}

export function multiplyMoney(unit: Money, quantity: number): Money {
  if (!Number.isSafeInteger(quantity)) throw new RangeError(`quantities are whole numbers, got ${quantity}`);
  return money(unit.amount * quantity, unit.currency);
}

/**
 * A decimal written as text ("12.34", "0.5", "1234") in minor units with `digits` digits,
 * by string arithmetic. Extra fraction digits are rounded half up ("123.45" JPY is 123).
 * Returns undefined for anything that is not a plain non-negative decimal.
 */
export function decimalToMinor(text: string, digits: number): number | undefined {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return undefined;
  const whole = match[1] as string;
  const fraction = match[2] ?? '';
  const kept = fraction.slice(0, digits).padEnd(digits, '0');
  const roundUp = fraction.length > digits && fraction.charCodeAt(digits) - 48 >= 5;
  const value = Number(whole + kept) + (roundUp ? 1 : 0);
  return Number.isSafeInteger(value) ? value : undefined;
}

/**
 * A JSON number that stands for a decimal amount (Skinport's `12.34`). `String()` gives the
 * shortest text that reads back as the same double, which is the decimal the sender wrote.
 */
export function numberToMinor(value: number, digits: number): number | undefined {
  if (!Number.isFinite(value) || value < 0) return undefined;
  const text = String(value);
  if (/e/i.test(text)) {
    // Very small or large: toFixed gives plain digits (20 is its most).
    return decimalToMinor(value.toFixed(Math.min(20, digits + 1)), digits);
  }
  return decimalToMinor(text, digits);
}

/**
 * Steam counts every currency in hundredths internally (`sell_price`, its `v_currencyformat`
 * divides by 100 whatever the currency): to ISO minor units, rounding half up.
 */
export function steamHundredthsToMinor(hundredths: number, currency: Currency): number {
  if (currency.digits === 2) return hundredths;
  if (currency.digits > 2) return hundredths * 10 ** (currency.digits - 2);
  const divisor = 10 ** (2 - currency.digits);
  return Math.floor((hundredths + divisor / 2) / divisor);
}

/** The amount as a plain decimal string in the currency's digits: 1234 USD is "12.34". */
export function minorToDecimal(amount: number, digits: number): string {
  const sign = amount < 0 ? '-' : '';
  const text = String(Math.abs(amount)).padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
