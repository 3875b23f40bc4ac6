/**
 * @module gateway/viewer/client/format
 * Numbers, money and ages as people read them. The gateway already writes each price the way
 * Steam does (`text`); sums the viewer makes itself (the value of what is shown) are written
 * with the browser's Intl for the same currency. Pure (no DOM).
 */

const counts = new Intl.NumberFormat('en-US');

export function count(n: number): string {
  return counts.format(n);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string): Intl.NumberFormat {
  let format = moneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    moneyFormats.set(currency, format);
  }
  return format;
}

/** The currency's minor digits (2 for USD, 0 for JPY), as Intl knows them. */
export function minorDigits(currency: string): number {
  return moneyFormat(currency).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Integer minor units written as money, e.g. 123456 USD → "$1,234.56". */
export function money(amount: number, currency: string): string {
  return moneyFormat(currency).format(amount / 10 ** minorDigits(currency));
}

/** How long ago, in words: "just now", "5 minutes ago", "3 days ago". */
export function age(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return 'at an unknown time';
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (!Number.isFinite(seconds)) return 'at an unknown time';
  if (seconds < 45) return 'just now';
  const steps: [number, string][] = [
    [60, 'minute'],
    [3600, 'hour'],
    [86_400, 'day'],
  ];
  let unit: [number, string] = [60, 'minute'];
  for (const step of steps) if (seconds >= step[0]) unit = step;
  return `${plural(Math.round(seconds / unit[0]), unit[1])} ago`;
}

export function date(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().slice(0, 10);
}

/** A float to 6 decimals, as traders quote it (0.071234). */
export function float(value: number): string {
  return value.toFixed(6);
}
