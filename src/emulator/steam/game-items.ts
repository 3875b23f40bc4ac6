/**
 * @module emulator/steam/game-items
 * Shared builder for the simpler game catalogs (TF2, Dota 2, Rust): fixed items, one
 * description each, shaped like Steam's (tags with colors, market fields).
 */
import { html, type StaticItem } from './catalog.js';
import { digitsFrom, iconUrl } from './random.js';

export interface GameItem {
  name: string;
  weight: number;
  type: string;
  nameColor: string;
  tags: StaticItem['body']['tags'];
  lines?: string[];
  instanceid?: string;
  tradable?: number;
  marketable?: number;
  commodity?: number;
  marketHashName?: string;
}

export function gameItems(appid: number, iconPrefix: string, items: GameItem[]): StaticItem[] {
  return items.map((item) => ({
    weight: item.weight,
    classid: digitsFrom(`${appid}:${item.name}`, 10),
    instanceid: item.instanceid ?? '0',
    body: {
      currency: 0,
      background_color: '3C352E',
      icon_url: iconUrl(iconPrefix, `${appid}:${item.name}`, 90),
      descriptions: (item.lines ?? []).map((line) => html(line)),
      tradable: item.tradable ?? 1,
      name: item.name,
      name_color: item.nameColor,
      type: item.type,
      market_name: item.marketHashName ?? item.name,
      market_hash_name: item.marketHashName ?? item.name,
      commodity: item.commodity ?? 0,
      market_tradable_restriction: 7,
      market_marketable_restriction: 0,
      marketable: item.marketable ?? 1,
      tags: item.tags,
    },
  }));
}
