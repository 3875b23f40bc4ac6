/**
 * @module roblox/inventory/owns
 * "Does this user own X?" for many ids at once. An ID filter (`assetIds=a,b,c`) costs one
 * request whatever the inventory size (UPSTREAM.md), so ids are checked in chunks rather than
 * by listing the inventory. A user may hold several copies of one asset (collectibles), so
 * each answer also says how many.
 */
import { InvalidInputError } from '../../core/errors.js';
import {
  RobloxInventoryFilter,
  numericId,
  type RobloxIdField,
  type RobloxIdFilterSpec,
  type RobloxNumericId,
} from './filter.js';
import type { RobloxInventoryItem, RobloxItemKind } from './types.js';

export type RobloxOwnsQuery = RobloxIdFilterSpec;

export type RobloxOwnableKind = Exclude<RobloxItemKind, 'unknown'>;

export interface RobloxOwnershipEntry {
  kind: RobloxOwnableKind;
  id: string;
  owned: boolean;
  /** Copies held (more than 1 only for assets such as collectibles). */
  copies: number;
}

export interface RobloxOwnershipResult {
  userId: string;
  /** One entry per distinct id asked about, in the order asked. */
  entries: RobloxOwnershipEntry[];
  /** The matching inventory items as Roblox returned them. */
  items: RobloxInventoryItem[];
  requests: number;
}

const FIELD_KIND: Record<RobloxIdField, RobloxOwnableKind> = {
  assetIds: 'asset',
  badgeIds: 'badge',
  gamePassIds: 'gamePass',
  privateServerIds: 'privateServer',
};

export async function checkOwnership(
  listPages: (filter: RobloxInventoryFilter) => AsyncIterable<{ items: RobloxInventoryItem[] }>,
  userId: string,
  query: RobloxOwnsQuery,
  maxIdsPerRequest: number,
): Promise<RobloxOwnershipResult> {
  // Every id is checked before the first request, so a typo in the last chunk costs nothing.
  const wanted: { field: RobloxIdField; id: string }[] = [];
  const seen = new Set<string>();
  for (const field of Object.keys(FIELD_KIND) as RobloxIdField[]) {
    for (const raw of query[field] ?? ([] as readonly RobloxNumericId[])) {
      const id = numericId(raw, field);
      if (!seen.has(`${field}:${id}`)) wanted.push({ field, id });
      seen.add(`${field}:${id}`);
    }
  }
  if (wanted.length === 0) {
    throw new InvalidInputError(
      'give at least one asset, badge, game pass or private server id to check',
      'ids',
    );
  }

  const copies = new Map<string, number>();
  const items: RobloxInventoryItem[] = [];
  let requests = 0;
  for (let start = 0; start < wanted.length; start += maxIdsPerRequest) {
    const spec: Record<string, string[]> = {};
    for (const { field, id } of wanted.slice(start, start + maxIdsPerRequest)) (spec[field] ??= []).push(id);
    const filter = RobloxInventoryFilter.ids(spec as RobloxIdFilterSpec);
    for await (const page of listPages(filter)) {
      requests++;
      for (const item of page.items) {
        items.push(item);
        const key = `${item.kind}:${item.id}`;
        copies.set(key, (copies.get(key) ?? 0) + 1);
      }
    }
  }
  const entries = wanted.map(({ field, id }) => {
    const kind = FIELD_KIND[field];
    const count = copies.get(`${kind}:${id}`) ?? 0;
    return { kind, id, owned: count > 0, copies: count };
  });
  return { userId, entries, items, requests };
}
