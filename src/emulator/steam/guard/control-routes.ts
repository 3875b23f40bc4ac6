/**
 * @module emulator/steam/guard/control-routes
 * The Steam Guard control endpoint over HTTP (JSON in, JSON out):
 *
 *   GET|POST /__emulator/steam/guard/settings                         {timeSkewSeconds?, timeToleranceSeconds?, mobileAgentRequired?, originRequired?}
 *   GET|POST /__emulator/steam/guard/accounts/{steamid}               {sharedSecret?, identitySecret?}
 *   GET      /__emulator/steam/guard/accounts/{steamid}/confirmations
 *   GET|POST /__emulator/steam/guard/accounts/{steamid}/market-listings  {itemName?, price?}
 */
import { z } from 'zod';
import type { EmulatorReply, EmulatorRequest } from '../../types.js';
import { BadRequest, parseControlBody as parse } from '../control-body.js';
import { isIndividualSteamId } from '../request-info.js';
import type { SteamGuardControl } from './control-api.js';
import { guardScenarioSchema, guardUserSchema } from './scenario-schema.js';

export const GUARD_CONTROL_PREFIX = '/__emulator/steam/guard/';

const listingBody = z.strictObject({
  itemName: z.string().min(1).optional(),
  price: z.string().min(1).optional(),
});

export function handleGuardControl(api: SteamGuardControl, req: EmulatorRequest): EmulatorReply | undefined {
  const path = req.url.pathname;
  if (!path.startsWith(GUARD_CONTROL_PREFIX)) return undefined;
  const [area = '', steamid, what, extra] = path
    .slice(GUARD_CONTROL_PREFIX.length)
    .replace(/\/$/, '')
    .split('/');
  const post = req.method === 'POST';
  try {
    if (area === 'settings' && steamid === undefined) {
      const settings = api.settings(post ? parse(guardScenarioSchema, req) : {});
      return json(200, { ...settings, serverTime: api.serverTime() });
    }
    if (area !== 'accounts' || !steamid || !isIndividualSteamId(steamid) || extra !== undefined)
      return notFound(req);
    if (what === undefined)
      return json(200, post ? api.updateAccount(steamid, parse(guardUserSchema, req)) : api.account(steamid));
    if (what === 'confirmations' && !post) return json(200, { conf: api.confirmations(steamid) });
    if (what === 'market-listings') {
      if (post) return json(200, api.addMarketListing(steamid, parse(listingBody, req)));
      return json(200, { listings: api.marketListings(steamid) });
    }
    return notFound(req);
  } catch (error) {
    if (error instanceof BadRequest) return json(400, { error: error.message });
    throw error;
  }
}

function json(status: number, body: unknown): EmulatorReply {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body };
}

function notFound(req: EmulatorRequest): EmulatorReply {
  return json(404, { error: `no control endpoint ${req.method} ${req.url.pathname}` });
}
