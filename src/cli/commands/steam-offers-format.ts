/**
 * @module cli/commands/steam-offers-format
 * How offers and trades read in a terminal: items as their names ("2× Sticker | ..."), times
 * to the minute in UTC, and the one-line reports of the writes.
 */
import type { InventoryItem } from '../../steam/community/inventory/types.js';
import type { Offer, SendConfirmation, SendResult, Trade } from '../../steam/trade/index.js';
import type { Column } from '../output/table.js';

/** `2026-04-27 08:31` (UTC), or nothing. */
export function minuteOf(iso: string | null | undefined): string | undefined {
  return iso ? iso.slice(0, 16).replace('T', ' ') : undefined;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** An item's market name (with its wear, as the inventory table shows it), or its ids when Steam gave no description. */
export function itemName(
  item: Pick<InventoryItem, 'name' | 'marketName' | 'appid' | 'contextid' | 'assetid'>,
): string {
  return item.marketName || item.name || `${item.appid}/${item.contextid}/${item.assetid}`;
}

/** "AK-47 | Redline (Field-Tested), 2× Sticker | Crown (Foil)", cut at `width` characters. */
export function itemsSummary(items: readonly InventoryItem[], width = 60): string {
  if (items.length === 0) return '—';
  const counts = new Map<string, number>();
  for (const item of items) counts.set(itemName(item), (counts.get(itemName(item)) ?? 0) + item.amount);
  const parts = [...counts].map(([name, n]) => (n > 1 ? `${n}× ${name}` : name));
  const text = parts.join(', ');
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

export const OFFER_COLUMNS: Column<Offer>[] = [
  { header: 'offer', value: (o) => o.id },
  { header: 'partner', value: (o) => o.partner },
  { header: 'whose', value: (o) => (o.isOurOffer ? 'ours' : 'theirs') },
  { header: 'state', value: (o) => o.stateName },
  { header: 'we give', value: (o) => itemsSummary(o.itemsToGive, 40) },
  { header: 'we receive', value: (o) => itemsSummary(o.itemsToReceive, 40) },
  { header: 'message', value: (o) => (o.message.length > 30 ? `${o.message.slice(0, 29)}…` : o.message) },
  { header: 'created', value: (o) => minuteOf(o.created) },
  { header: 'expires', value: (o) => minuteOf(o.expires) },
];

export const TRADE_COLUMNS: Column<Trade>[] = [
  { header: 'trade', value: (t) => t.tradeId },
  { header: 'partner', value: (t) => t.partner },
  { header: 'created', value: (t) => minuteOf(t.created) },
  { header: 'status', value: (t) => t.statusName },
  { header: 'received', value: (t) => itemsSummary(t.itemsReceived, 40) },
  { header: 'given', value: (t) => itemsSummary(t.itemsGiven, 40) },
];

/** "; it needs confirmation in the Steam mobile app", or nothing. */
function confirmationNote(result: { needsMobileConfirmation: boolean; needsEmailConfirmation: boolean }) {
  if (result.needsMobileConfirmation) return '; it needs confirmation in the Steam mobile app';
  if (result.needsEmailConfirmation) return '; it needs confirmation by email';
  return '';
}

/** "sent offer 6512345678 to 76561198012345678 (2 items given, 1 received); it needs confirmation ..." */
export function sentLine(
  result: SendResult & { confirmation?: SendConfirmation },
  given: number,
  received: number,
  key?: string,
): string {
  if (result.replayed && !result.reconciled) {
    return `offer ${result.id} to ${result.partner} was already sent under idempotency key "${key}": nothing sent again (it was ${result.stateName} then)`;
  }
  const lost = result.reconciled
    ? result.replayed
      ? ` (an earlier send under idempotency key "${key}" made it: found among your sent offers)`
      : " (Steam's answer was lost: found among your sent offers, not sent twice)"
    : '';
  const confirmed =
    result.confirmation?.status === 'confirmed'
      ? '; confirmed with your identity secret'
      : confirmationNote(result);
  return `sent offer ${result.id} to ${result.partner} (${plural(given, 'item')} given, ${received} received)${lost}${confirmed}`;
}

/** "accepted offer 6512345678: trade 5600000000000000001" and what is still to do. */
export function acceptedLine(result: {
  id: string;
  stateName: string;
  tradeId: string | null;
  needsMobileConfirmation: boolean;
  needsEmailConfirmation: boolean;
  reconciled: boolean;
}): string {
  const trade = result.tradeId ? `: trade ${result.tradeId}` : '';
  const held = result.stateName === 'InEscrow' ? '; the items are on a trade hold (InEscrow)' : '';
  const lost = result.reconciled ? " (Steam's answer was lost: the offer shows it accepted)" : '';
  return `accepted offer ${result.id}${trade}${lost}${held}${confirmationNote(result)}`;
}
