/**
 * @module emulator/roblox/scenario-schema
 * Runtime check for Roblox scenarios (they come from JSON files): unknown or mistyped fields
 * fail with the field's path instead of being silently ignored.
 */
import { z } from 'zod';

const count = z.number().int().min(0);
const userId = z.string().regex(/^\d+$/, 'expected a numeric Roblox user id');

const user = z.strictObject({
  assets: count.optional(),
  collectibles: count.optional(),
  badges: count.optional(),
  gamePasses: count.optional(),
  privateServers: count.optional(),
  purchasedPlaces: count.optional(),
  private: z.boolean().optional(),
  extraItems: z.array(z.record(z.string(), z.unknown())).optional(),
  shortPages: z.boolean().optional(),
});

export const robloxScenarioSchema = z.strictObject({
  users: z.record(userId, user).optional(),
  apiKeys: z
    .record(
      z.string().min(1),
      z.strictObject({ owner: z.string().min(1), inventoryRead: z.boolean().optional() }),
    )
    .optional(),
  oauthTokens: z
    .record(z.string().min(1), z.strictObject({ userId, scopes: z.array(z.string()).optional() }))
    .optional(),
  rateLimits: z
    .strictObject({
      apiKeyPerMinute: z.number().positive().optional(),
      oauthPerMinute: z.number().positive().optional(),
      burst: z.number().int().min(1).optional(),
      retryAfter: z.enum(['seconds', 'zero', 'none']).optional(),
    })
    .optional(),
  endToken: z.enum(['empty', 'omitted']).optional(),
  faults: z
    .array(z.strictObject({ status: z.number().int().min(200).max(599), count, userId: userId.optional() }))
    .optional(),
});
