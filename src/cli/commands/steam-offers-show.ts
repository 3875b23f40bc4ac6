/**
 * @module cli/commands/steam-offers-show
 * `gamestash steam offers show <id>`: one offer (GetTradeOffer): who, state, message, times,
 * then its items one per row with their names, or the offer model as JSON.
 */
import type { Offer, OfferItem } from '../../steam/trade/index.js';
import { renderTable, type Column } from '../output/table.js';
import { writeJson, writeLine } from '../output/write.js';
import { withTrade, type OfferCommandOptions } from './steam-offers-common.js';
import { itemName, minuteOf } from './steam-offers-format.js';

export type SteamOffersShowOptions = OfferCommandOptions;

export async function steamOffersShow(id: string, options: SteamOffersShowOptions): Promise<void> {
  await withTrade(options, false, async (trade) => {
    const offer = await trade.get(id);
    if (options.json) writeJson(offer);
    else writeLine(renderOffer(offer));
  });
}

type Row = OfferItem & { side: 'give' | 'receive' };

const ITEM_COLUMNS: Column<Row>[] = [
  { header: 'side', value: (i) => i.side },
  { header: 'name', value: (i) => itemName(i) },
  { header: 'type', value: (i) => i.type },
  { header: 'item', value: (i) => `${i.appid}/${i.contextid}/${i.assetid}` },
  { header: 'qty', value: (i) => i.amount, align: 'right' },
  { header: 'missing', value: (i) => (i.missing ? 'yes' : '') },
];

function renderOffer(o: Offer): string {
  const who = o.isOurOffer ? `sent to ${o.partner}` : `from ${o.partner}`;
  const times = [
    ['created', o.created],
    ['updated', o.updated],
    ['expires', o.expires],
    ['escrow ends', o.escrowEnds],
  ]
    .filter(([, at]) => at)
    .map(([what, at]) => `${what} ${minuteOf(at)}`)
    .join(' · ');
  const extra = [
    o.tradeId ? `trade ${o.tradeId}` : undefined,
    o.confirmationMethod ? `confirmation: ${o.confirmationMethodName}` : undefined,
    o.delaySettlement ? 'trade protection holds the items received' : undefined,
  ].filter(Boolean);
  const rows: Row[] = [
    ...o.itemsToGive.map((i) => ({ ...i, side: 'give' as const })),
    ...o.itemsToReceive.map((i) => ({ ...i, side: 'receive' as const })),
  ];
  return [
    `offer ${o.id} · ${o.stateName} · ${who}`,
    ...(o.message ? [`message: ${o.message}`] : []),
    ...(times ? [times] : []),
    ...(extra.length ? [extra.join(' · ')] : []),
    rows.length ? renderTable(rows, ITEM_COLUMNS) : 'no items',
  ].join('\n');
}
