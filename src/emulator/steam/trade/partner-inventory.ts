/**
 * @module emulator/steam/trade/partner-inventory
 * `GET /tradeoffer/new/partnerinventory/?sessionid=&partner=&appid=&contextid=&start=`
 * (UPSTREAM.md, 2024-11): the partner's tradable items for the offer window, in the older
 * inventory format node-steam-tradeoffer-manager's loadPartnerInventory reads — `rgInventory`
 * by asset id, `rgDescriptions` by `classid_instanceid`, `rgAssetProperties` by asset id,
 * `more` / `more_start`. Logged out: the login redirect.
 */
import type { RawDescription } from '../../../steam/community/inventory/types.js';
import type { EmulatorReply, EmulatorRequest } from '../../types.js';
import { isIndividualSteamId } from '../request-info.js';
import { jsonReply, pageSession } from './community.js';
import type { TradeContext } from './context.js';

const PATH = /^\/tradeoffer\/new\/partnerinventory\/?$/;
const PAGE_SIZE = 2000;

export function handlePartnerInventory(
  ctx: TradeContext,
  req: EmulatorRequest,
  path: string,
): EmulatorReply | undefined {
  if (req.method !== 'GET' || !PATH.test(path)) return undefined;
  const session = pageSession(ctx, req);
  if ('reply' in session) return session.reply;
  const query = req.url.searchParams;
  const partner = query.get('partner') ?? '';
  const appid = Number(query.get('appid'));
  const contextid = query.get('contextid') ?? '';
  if (!isIndividualSteamId(partner) || !Number.isInteger(appid) || !/^\d+$/.test(contextid))
    return jsonReply({ success: false });
  ctx.inventories.beforeRead();
  const inventory = ctx.inventories.current(partner, appid, contextid);
  if (!inventory) return jsonReply({ success: false, error: 'This inventory is not available.' });

  const start = Math.max(0, Number(query.get('start')) || 0);
  const rgInventory: Record<string, unknown> = {};
  const rgDescriptions: Record<string, RawDescription> = {};
  const rgAssetProperties: Record<string, unknown> = {};
  let position = 0;
  let next: number | undefined;
  for (let i = 0; i < inventory.size; i++) {
    const description = inventory.descriptionOf[i] as RawDescription;
    if (description.tradable !== 1) continue;
    if (position++ < start) continue;
    if (position > start + PAGE_SIZE) {
      next = start + PAGE_SIZE;
      break;
    }
    const asset = inventory.assets[i];
    if (!asset) continue;
    const instanceid = asset.instanceid ?? '0';
    rgInventory[asset.assetid] = {
      id: asset.assetid,
      classid: asset.classid,
      instanceid,
      amount: asset.amount,
      pos: position,
    };
    rgDescriptions[`${asset.classid}_${instanceid}`] ??= description;
    const properties = inventory.propertiesOf[i];
    if (properties) rgAssetProperties[asset.assetid] = properties();
  }
  const body: Record<string, unknown> = {
    success: true,
    rgInventory,
    rgCurrency: [],
    rgDescriptions,
    more: next !== undefined,
    more_start: next ?? false,
  };
  if (Object.keys(rgAssetProperties).length > 0) body.rgAssetProperties = rgAssetProperties;
  return jsonReply(body);
}
