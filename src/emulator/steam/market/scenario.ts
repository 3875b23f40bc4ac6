/**
 * @module emulator/steam/market/scenario
 * The scenario's `market` section: the community market's quirks (page size honoured, the
 * burst before 429s), Skinport's limits, and prices pinned by hand for tests.
 */
import { z } from 'zod';
import { defined } from '../../../core/env.js';

export interface SkinportScenario {
  /** Requests per IP per window before 429s (Skinport allows about 8 per 5 minutes); 0: no limit. */
  requestsPerWindow: number;
  windowMs: number;
  /** Answer 406 unless the request accepts Brotli, as Skinport does. */
  requireBrotli: boolean;
}

export interface MarketScenario {
  /** Most results a search page holds, whatever `count` asks (UPSTREAM.md: 100, or 10). */
  searchPageCap: number;
  /** Market requests (search and priceoverview) per IP per window before 429s; 0: no limit. */
  requestsPerWindow: number;
  windowMs: number;
  /** Dollar prices in cents pinned by `"<appid>/<market hash name>"`. */
  prices: Record<string, number>;
  /** Names listed with no sell listings (no price on either market). */
  unlisted: string[];
  skinport: SkinportScenario;
}

export type MarketScenarioInput = Partial<Omit<MarketScenario, 'skinport'>> & {
  skinport?: Partial<SkinportScenario>;
};

const count = (min: number) => z.number().int().min(min);

export const marketScenarioSchema = z.strictObject({
  searchPageCap: count(1).optional(),
  requestsPerWindow: count(0).optional(),
  windowMs: count(1).optional(),
  prices: z
    .record(z.string().regex(/^\d+\/.+$/, 'expected "<appid>/<market hash name>"'), count(1))
    .optional(),
  unlisted: z.array(z.string().min(1)).optional(),
  skinport: z
    .strictObject({
      requestsPerWindow: count(0).optional(),
      windowMs: count(1).optional(),
      requireBrotli: z.boolean().optional(),
    })
    .optional(),
});

// The schema and the hand-written type must agree; this fails to compile otherwise.
type Assert<T extends true> = T;
export type _SchemaMatchesType = Assert<
  z.infer<typeof marketScenarioSchema> extends MarketScenarioInput ? true : false
>;

export function resolveMarketScenario(input: MarketScenarioInput = {}): MarketScenario {
  return {
    searchPageCap: input.searchPageCap ?? 100,
    requestsPerWindow: input.requestsPerWindow ?? 20,
    windowMs: input.windowMs ?? 60_000,
    prices: input.prices ?? {},
    unlisted: input.unlisted ?? [],
    skinport: { requestsPerWindow: 8, windowMs: 300_000, requireBrotli: true, ...defined(input.skinport) },
  };
}
