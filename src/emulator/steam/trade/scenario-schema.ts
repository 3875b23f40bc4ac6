/**
 * @module emulator/steam/trade/scenario-schema
 * Runtime checks for `steam.trade` and `steam.users[id].trade` in scenario files.
 */
import { z } from 'zod';
import { TRADE_LIST_FAULT_KINDS, TRADE_SEND_FAULT_KINDS } from './scenario.js';

const count = (min: number) => z.number().int().min(min);
const requestNumber = z.string().regex(/^[1-9]\d*$/, 'expected a request number (1, 2, ...)');

function faultPlan<const K extends readonly [string, ...string[]]>(kinds: K) {
  const kind = z.enum(kinds);
  return z
    .strictObject({
      rate: z.number().min(0).max(1).optional(),
      kinds: z.array(kind).min(1).optional(),
      seed: count(0).optional(),
      script: z.record(requestNumber, kind).optional(),
    })
    .optional();
}

export const tradeScenarioSchema = z.strictObject({
  offerTtlMs: count(1).optional(),
  protectionMs: count(0).optional(),
  protectedApps: z.array(count(1)).optional(),
  acknowledgedByDefault: z.boolean().optional(),
  maxActivePerPartner: count(1).optional(),
  maxActiveTotal: count(1).optional(),
  offersPageSize: count(1).optional(),
  offerPageNeedsMobileAgent: z.boolean().optional(),
  faults: z
    .strictObject({ send: faultPlan(TRADE_SEND_FAULT_KINDS), list: faultPlan(TRADE_LIST_FAULT_KINDS) })
    .optional(),
});

export const tradeUserSchema = z.strictObject({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8}$/, 'expected 8 characters of A-Z, a-z, 0-9, _ and -')
    .optional(),
  mobileAuthenticator: z.boolean().optional(),
  escrowDays: count(0).optional(),
  tradeBan: z.boolean().optional(),
  newDevice: z.boolean().optional(),
  unavailable: z.boolean().optional(),
  probation: z.boolean().optional(),
  acknowledged: z.boolean().optional(),
});
