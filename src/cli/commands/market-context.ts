/**
 * @module cli/commands/market-context
 * What the value, history and prices commands share: the config with their URL and pacing
 * flags, one transport, the CLI store, the price service and the snapshot store, all closed
 * when the command ends.
 */
import { loadConfig, type GamestashConfig } from '../../core/config.js';
import { createHttpClient } from '../../core/http/from-config.js';
import type { HttpClient } from '../../core/http/client.js';
import { createPriceService } from '../../steam/market/from-config.js';
import type { PriceService } from '../../steam/market/price-service.js';
import { PriceStore } from '../../store/prices.js';
import { SnapshotStore } from '../../store/snapshots.js';
import { openCliStore } from '../store.js';

export interface MarketFlags {
  communityUrl?: string;
  apiUrl?: string;
  skinportUrl?: string;
  intervalMs?: number;
  lang?: string;
}

export interface MarketContext {
  config: GamestashConfig;
  http: HttpClient;
  prices: PriceService;
  priceStore: PriceStore;
  snapshots: SnapshotStore;
  warnings: string[];
}

export async function withMarket<T>(flags: MarketFlags, run: (ctx: MarketContext) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env, {
    steam: {
      communityUrl: flags.communityUrl?.replace(/\/+$/, ''),
      apiUrl: flags.apiUrl?.replace(/\/+$/, ''),
      communityIntervalMs: flags.intervalMs,
      language: flags.lang,
    },
    market: { skinportUrl: flags.skinportUrl?.replace(/\/+$/, '') },
  });
  const http = createHttpClient(config);
  try {
    const database = await openCliStore(config);
    try {
      const warnings: string[] = [];
      const priceStore = new PriceStore(database.db);
      const prices = createPriceService(config, http, priceStore, { onWarning: (m) => warnings.push(m) });
      return await run({
        config,
        http,
        prices,
        priceStore,
        snapshots: new SnapshotStore(database.db),
        warnings,
      });
    } finally {
      await database.close();
    }
  } finally {
    await http.close();
  }
}

/** "just now", "5 min", "3 h", "2 d": how old a price or snapshot is. */
export function formatAge(ms: number): string {
  if (ms < 60_000) return 'just now';
  if (ms < 3_600_000) return `${Math.floor(ms / 60_000)} min`;
  if (ms < 172_800_000) return `${Math.floor(ms / 3_600_000)} h`;
  return `${Math.floor(ms / 86_400_000)} d`;
}

/** "just now" or "5 min ago". */
export function ago(ms: number): string {
  return ms < 60_000 ? 'just now' : `${formatAge(ms)} ago`;
}

/** Warnings (prices that did not parse, a failed refresh) go to stderr, one line each, at most a few. */
export function printWarnings(warnings: string[], max = 5): void {
  for (const warning of warnings.slice(0, max)) process.stderr.write(`gamestash: warning: ${warning}\n`);
  if (warnings.length > max)
    process.stderr.write(`gamestash: warning: ... and ${warnings.length - max} more\n`);
}
