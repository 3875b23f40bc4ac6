/**
 * @module emulator/steam/guard/scenario-schema
 * Runtime checks for `steam.guard` and `steam.users[id].guard` in scenario files.
 */
import { z } from 'zod';
import { isSecretText } from './totp.js';

const secret = z
  .string()
  .refine(isSecretText, 'expected a secret as base64 of 20 bytes (or 40 hex digits), as in a maFile');

export const guardScenarioSchema = z.strictObject({
  timeSkewSeconds: z.number().int().optional(),
  timeToleranceSeconds: z.number().int().min(0).optional(),
  mobileAgentRequired: z.boolean().optional(),
  originRequired: z.enum(['all', 'post', 'none']).optional(),
});

export const guardUserSchema = z.strictObject({
  sharedSecret: secret.optional(),
  identitySecret: secret.optional(),
});
