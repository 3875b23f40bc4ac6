/**
 * @module emulator/steam/trade/econ/trade-json
 * A completed trade as GetTradeStatus and GetTradeHistory list it, from one party's side:
 * `tradeid`, `steamid_other`, `time_init`, `time_escrow_end` (held trades), `status`
 * (ETradeStatus), and `assets_received` / `assets_given` whose entries carry the ids the
 * assets got on arrival, `new_assetid` and `new_contextid` (UPSTREAM.md; steampy reads them).
 * A reversed trade (status 12) adds `rollback_trade` and, per asset, where it went back
 * (`rollback_new_assetid` / `rollback_new_contextid`, as node-steam-tradeoffer-manager reads them).
 */
import type { WebApiObject } from '../../webapi/formats/index.js';
import type { TradeAsset, TradeRecord } from '../trades.js';
import type { DescriptionSet } from './offer-json.js';

export function tradeJson(record: TradeRecord, viewer: string, descriptions?: DescriptionSet): WebApiObject {
  const [sender, recipient] = record.parties;
  const received = record.assets.filter((asset) => asset.to === viewer);
  const given = record.assets.filter((asset) => asset.from === viewer);
  if (descriptions) for (const asset of record.assets) descriptions.add(asset.appid, asset.description);
  return {
    tradeid: record.tradeid,
    steamid_other: sender === viewer ? recipient : sender,
    time_init: record.timeInit,
    time_escrow_end: record.escrowEnd,
    status: record.status,
    assets_received: received.length > 0 ? received.map(assetJson) : undefined,
    assets_given: given.length > 0 ? given.map(assetJson) : undefined,
    rollback_trade: record.rollbackTrade,
  };
}

function assetJson(asset: TradeAsset): WebApiObject {
  return {
    appid: asset.appid,
    contextid: asset.contextid,
    assetid: asset.assetid,
    amount: asset.amount,
    classid: asset.classid,
    instanceid: asset.instanceid,
    new_assetid: asset.newAssetid,
    new_contextid: asset.newContextid,
    rollback_new_assetid: asset.rollbackAssetid,
    rollback_new_contextid: asset.rollbackContextid,
  };
}
