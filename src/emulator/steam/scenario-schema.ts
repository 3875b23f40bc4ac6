/**
 * @module emulator/steam/scenario-schema
 * Runtime check for Steam scenarios (they come from JSON files): unknown or mistyped
 * fields fail with the field's path instead of being silently ignored.
 */
import { z } from 'zod';
import { STEAM_FAULT_KINDS, type SteamScenarioInput } from './scenario.js';
import { tradeScenarioSchema, tradeUserSchema } from './trade/scenario-schema.js';
import { guardScenarioSchema, guardUserSchema } from './guard/scenario-schema.js';
import { webApiScenarioSchema } from './webapi/scenario-schema.js';

const steamId64 = z.string().regex(/^7656119\d{10}$/, 'expected a SteamID64 (17 digits starting 7656119)');
const count = (min: number) => z.number().int().min(min);
const faultKind = z.enum(STEAM_FAULT_KINDS);

const inventory = z.strictObject({
  size: count(0),
  seed: count(0).optional(),
  hiddenRecent: count(0).optional(),
});

const appid = z.string().regex(/^[1-9]\d*$/, 'expected an appid');
const friend = z.union([
  steamId64,
  z.strictObject({
    steamid: steamId64,
    relationship: z.string().min(1).optional(),
    friendSince: count(0).optional(),
  }),
]);
const ownedGame = z.strictObject({
  playtimeForever: count(0).optional(),
  playtime2Weeks: count(0).optional(),
  lastPlayed: count(0).optional(),
});

const user = z.strictObject({
  name: z.string().optional(),
  private: z.boolean().optional(),
  visibility: z.enum(['public', 'private', 'friendsOnly']).optional(),
  profileNotSetUp: z.boolean().optional(),
  personaState: z.number().int().min(0).max(6).optional(),
  avatarHash: z
    .string()
    .regex(/^[0-9a-f]{40}$/, 'expected 40 lowercase hex digits')
    .optional(),
  timeCreated: count(0).optional(),
  realName: z.string().optional(),
  country: z
    .string()
    .regex(/^([A-Z]{2})?$/, 'expected a two-letter country code')
    .optional(),
  friends: z.array(friend).optional(),
  games: z.record(appid, ownedGame).optional(),
  achievements: z.record(appid, z.array(z.string().min(1))).optional(),
  stats: z.record(appid, z.record(z.string().min(1), z.number())).optional(),
  inventories: z
    .record(z.string().regex(/^\d+\/\d+$/, 'expected "<appid>/<contextid>"'), inventory)
    .optional(),
  cookie: z.string().min(1).optional(),
  apiKey: z.string().min(1).optional(),
  trade: tradeUserSchema.optional(),
  guard: guardUserSchema.optional(),
});

export const steamScenarioSchema = z.strictObject({
  inventoryPageCap: count(1).optional(),
  defaultPageSize: count(1).optional(),
  defaultInventorySize: count(0).optional(),
  users: z.record(steamId64, user).optional(),
  vanities: z.record(z.string().min(1), steamId64).optional(),
  apiKeys: z.array(z.string().min(1)).optional(),
  rateLimit: z
    .strictObject({
      minIntervalMs: count(0).optional(),
      burst: count(1).optional(),
      banAfter429s: count(1).optional(),
      banMs: count(0).optional(),
      toleranceMs: count(0).optional(),
      trustForwardedFor: z.boolean().optional(),
    })
    .optional(),
  faults: z
    .strictObject({
      rate: z.number().min(0).max(1).optional(),
      kinds: z.array(faultKind).min(1).optional(),
      seed: count(0).optional(),
      script: z
        .record(z.string().regex(/^[1-9]\d*$/, 'expected a request number (1, 2, ...)'), faultKind)
        .optional(),
    })
    .optional(),
  webApi: webApiScenarioSchema.optional(),
  trade: tradeScenarioSchema.optional(),
  guard: guardScenarioSchema.optional(),
});

// The schema and the hand-written type must agree; this fails to compile otherwise.
type Assert<T extends true> = T;
export type _SchemaMatchesType = Assert<
  z.infer<typeof steamScenarioSchema> extends SteamScenarioInput ? true : false
>;
