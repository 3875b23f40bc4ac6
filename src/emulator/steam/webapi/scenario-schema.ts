/**
 * @module emulator/steam/webapi/scenario-schema
 * Runtime check for the `steam.webApi` section of scenario files: unknown or mistyped
 * fields fail with their path.
 */
import { z } from 'zod';
import { WEB_API_FAULT_KINDS } from './scenario.js';

const count = (min: number) => z.number().int().min(min);
const faultKind = z.enum(WEB_API_FAULT_KINDS);

export const webApiScenarioSchema = z.strictObject({
  dailyBudget: count(1).optional(),
  playerSummariesBurst: z
    .strictObject({ requests: count(0).optional(), windowMs: count(1).optional() })
    .optional(),
  faults: z
    .strictObject({
      rate: z.number().min(0).max(1).optional(),
      kinds: z.array(faultKind).min(1).optional(),
      seed: count(0).optional(),
      script: z
        .record(z.string().regex(/^[1-9]\d*$/, 'expected a request number (1, 2, ...)'), faultKind)
        .optional(),
      eresult: z
        .strictObject({
          status: z.union([z.literal(200), z.literal(500)]).optional(),
          eresult: z.number().int().min(0).optional(),
          message: z.string().optional(),
        })
        .optional(),
    })
    .optional(),
});
