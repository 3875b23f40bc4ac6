/**
 * Steam's price strings per currency, and money arithmetic in integer minor units.
 */
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../core/errors.js';
import { CURRENCIES, currencyBySteamId, requireCurrency } from './currencies.js';
import { addMoney, decimalToMinor, multiplyMoney, numberToMinor, steamHundredthsToMinor } from './money.js';
import { formatMoney, parseSteamPrice } from './price-text.js';

const c = (code: string) => requireCurrency(code);
const parse = (text: string, code: string) => {
  const parsed = parseSteamPrice(text, c(code));
  return parsed.ok ? parsed.money.amount : parsed.reason;
};

describe('parseSteamPrice', () => {
  it.each([
    ['$1,234.56', 'USD', 123456],
    ['$0.03', 'USD', 3],
    ['$12.34 USD', 'USD', 1234],
    ['£1.50', 'GBP', 150],
    ['1 234,56€', 'EUR', 123456],
    ['1,23€', 'EUR', 123],
    ['12,--€', 'EUR', 1200],
    ['1 577,29€', 'EUR', 157729],
    ['CDN$ 1.23', 'CAD', 123],
    ['R$ 1.234,56', 'BRL', 123456],
    ['80 000,00 pуб.', 'RUB', 8000000],
    ['150,00 руб.', 'RUB', 15000],
    ['1250,50 pуб.', 'RUB', 125050],
    ['¥ 1,234', 'JPY', 1234],
    ['¥ 123.45', 'JPY', 123],
    ['¥ 7.20', 'CNY', 720],
    ['₩ 12,000', 'KRW', 12000],
    ['Rp 15 000', 'IDR', 1500000],
    ['1.234,56 TL', 'TRY', 123456],
    ['CHF 1 234.50', 'CHF', 123450],
    ['12,34 zł', 'PLN', 1234],
    ['0.123 KD', 'KWD', 123],
    ['1\u00a0234,56€', 'EUR', 123456],
  ])('%s in %s is %i minor units', (text, code, minor) => {
    expect(parse(text, code)).toBe(minor);
  });

  it.each([
    ['1,23€', 'USD', /not a USD price/],
    ['$1.23', 'EUR', /not a EUR price/],
    ['$', 'USD', /no USD amount/],
    ['$1,23,4.00', 'USD', /no USD amount/],
    ['$1.234', 'USD', /no USD amount/],
    ['$-1.00', 'USD', /no USD amount/],
    ['Free', 'USD', /not a USD price/],
    ['', 'USD', /not a USD price/],
  ])('refuses %j as %s', (text, code, reason) => {
    expect(parse(text, code)).toMatch(reason);
  });
});

describe('formatMoney', () => {
  it('writes amounts the way Steam does', () => {
    expect(formatMoney({ amount: 123456, currency: 'USD' }, c('USD'))).toBe('$1,234.56');
    expect(formatMoney({ amount: 123456, currency: 'EUR' }, c('EUR'))).toBe('1 234,56€');
    expect(formatMoney({ amount: 1200, currency: 'EUR' }, c('EUR'))).toBe('12,--€');
    expect(formatMoney({ amount: 123, currency: 'CAD' }, c('CAD'))).toBe('CDN$ 1.23');
    expect(formatMoney({ amount: 1234, currency: 'JPY' }, c('JPY'))).toBe('¥ 1,234');
    expect(formatMoney({ amount: 15000, currency: 'RUB' }, c('RUB'))).toBe('150,00 pуб.');
    expect(formatMoney({ amount: 1500000, currency: 'IDR' }, c('IDR'))).toBe('Rp 15 000');
  });

  it('reads back what it writes, in every currency', () => {
    for (const currency of CURRENCIES) {
      for (const amount of [1, 99, 100, 123456, 100_000_000]) {
        const text = formatMoney({ amount, currency: currency.code }, currency);
        const back = parseSteamPrice(text, currency);
        expect(back.ok ? back.money.amount : back.reason, `${currency.code} ${text}`).toBe(amount);
      }
    }
  });
});

describe('currencies', () => {
  it('maps ISO codes and Steam ids both ways, with ISO minor digits', () => {
    expect(c('usd')).toMatchObject({ code: 'USD', steamId: 1, digits: 2 });
    expect(currencyBySteamId(3)?.code).toBe('EUR');
    expect(currencyBySteamId(5)?.code).toBe('RUB');
    expect(currencyBySteamId(7)?.code).toBe('BRL');
    expect(currencyBySteamId(20)?.code).toBe('CAD');
    expect(currencyBySteamId(23)?.code).toBe('CNY');
    expect(c('JPY').digits).toBe(0);
    expect(c('KWD').digits).toBe(3);
    expect(requireCurrency(2).code).toBe('GBP');
    expect(new Set(CURRENCIES.map((x) => x.steamId)).size).toBe(CURRENCIES.length);
  });

  it('refuses an unknown currency, naming the accepted codes', () => {
    expect(() => requireCurrency('XYZ')).toThrow(InvalidInputError);
    expect(() => requireCurrency('XYZ')).toThrow(/unknown currency "XYZ".*USD, GBP, EUR/);
    expect(() => requireCurrency(9000)).toThrow(/unknown currency/);
  });
});

describe('money', () => {
  it('adds and multiplies whole minor units exactly', () => {
    // 0.1 + 0.2 in floats is not 0.3; in cents it is.
    expect(addMoney({ amount: 10, currency: 'USD' }, { amount: 20, currency: 'USD' }).amount).toBe(30);
    expect(multiplyMoney({ amount: 3, currency: 'USD' }, 50_000).amount).toBe(150_000);
    expect(() => addMoney({ amount: 1, currency: 'USD' }, { amount: 1, currency: 'EUR' })).toThrow(
      /USD to EUR/,
    );
    expect(() => multiplyMoney({ amount: 1, currency: 'USD' }, 1.5)).toThrow(/whole/);
  });

  it('converts decimals through their digits, not through floating point', () => {
    expect(decimalToMinor('12.34', 2)).toBe(1234);
    expect(decimalToMinor('0.5', 2)).toBe(50);
    expect(decimalToMinor('1.005', 2)).toBe(101);
    expect(decimalToMinor('12', 0)).toBe(12);
    expect(decimalToMinor('-1', 2)).toBeUndefined();
    // 1.15 * 100 is 114.99999999999999 in floating point.
    expect(numberToMinor(1.15, 2)).toBe(115);
    expect(numberToMinor(0.07, 2)).toBe(7);
    expect(numberToMinor(1e-7, 2)).toBe(0);
    expect(numberToMinor(Number.NaN, 2)).toBeUndefined();
  });

  it('turns Steam hundredths into ISO minor units', () => {
    expect(steamHundredthsToMinor(1234, c('USD'))).toBe(1234);
    expect(steamHundredthsToMinor(123450, c('JPY'))).toBe(1235);
    expect(steamHundredthsToMinor(123, c('KWD'))).toBe(1230);
  });
});
