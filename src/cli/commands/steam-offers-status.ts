/**
 * @module cli/commands/steam-offers-status
 * `gamestash steam offers status <tradeid>`: one trade (GetTradeStatus) with its status named
 * (12 TradeProtectionRollback included) and each item's new asset id and context.
 */
import type { Trade, TradeAsset } from '../../steam/trade/index.js';
import { renderTable, type Column } from '../output/table.js';
import { writeJson, writeLine } from '../output/write.js';
import { withTrade, type OfferCommandOptions } from './steam-offers-common.js';
import { itemName, minuteOf } from './steam-offers-format.js';

export type SteamOffersStatusOptions = OfferCommandOptions;

export async function steamOffersStatus(tradeId: string, options: SteamOffersStatusOptions): Promise<void> {
  await withTrade(options, false, async (trade) => {
    const result = await trade.tradeStatus(tradeId);
    if (options.json) writeJson(result);
    else writeLine(renderTrade(result));
  });
}

type Row = TradeAsset & { side: 'received' | 'given' };

const COLUMNS: Column<Row>[] = [
  { header: 'side', value: (a) => a.side },
  { header: 'name', value: (a) => itemName(a) },
  { header: 'item', value: (a) => `${a.appid}/${a.contextid}/${a.assetid}` },
  {
    header: 'now',
    value: (a) => (a.newAssetid ? `${a.appid}/${a.newContextid ?? a.contextid}/${a.newAssetid}` : ''),
  },
  { header: 'qty', value: (a) => a.amount, align: 'right' },
];

function renderTrade(t: Trade): string {
  const head = [
    `trade ${t.tradeId} · ${t.statusName} (${t.status}) · with ${t.partner}`,
    t.created ? `created ${minuteOf(t.created)}` : undefined,
    t.escrowEnds ? `escrow ends ${minuteOf(t.escrowEnds)}` : undefined,
    t.rolledBack ? `rolled back${t.rollbackTrade ? ` by trade ${t.rollbackTrade}` : ''}` : undefined,
  ].filter(Boolean);
  const rows: Row[] = [
    ...t.itemsReceived.map((a) => ({ ...a, side: 'received' as const })),
    ...t.itemsGiven.map((a) => ({ ...a, side: 'given' as const })),
  ];
  return [head.join(' · '), rows.length ? renderTable(rows, COLUMNS) : 'no items'].join('\n');
}
