/**
 * @module gateway/viewer/client/trade-value
 * An item picked for an offer, and the running value of one side: the sum of the unit prices
 * (`prices=1`) in the first priced item's currency, the rest counted as unpriced. Pure (no
 * DOM), unit-tested in Node.
 */
import type { Item, Money } from './items.js';

export interface PickItem extends Item {
  appid: number;
  contextid: string;
  price?: { unit: Money } | null;
}

/** The sum of the chosen items' unit prices, in the first priced item's currency. */
export function sideValue(items: readonly PickItem[]): {
  amount: number;
  currency: string;
  unpriced: number;
} {
  let amount = 0;
  let unpriced = 0;
  let currency = '';
  for (const item of items) {
    const unit = item.price?.unit;
    if (!unit || (currency && unit.currency !== currency)) unpriced++;
    else {
      currency = unit.currency;
      amount += unit.amount;
    }
  }
  return { amount, currency: currency || 'USD', unpriced };
}
