/**
 * @module emulator/steam/trade/control-routes
 * The control endpoint over HTTP (JSON in, JSON out), for tests in other processes and
 * other languages:
 *
 *   POST /__emulator/steam/sessions                        {steamid, expiresInSeconds?}
 *   POST /__emulator/steam/sessions/end                    {steamid}
 *   GET  /__emulator/steam/trade/accounts/{steamid}        token, trade URL, flags
 *   POST /__emulator/steam/trade/accounts/{steamid}        change token, escrowDays, flags…
 *   GET  /__emulator/steam/trade/offers[?steamid=&state=]
 *   GET  /__emulator/steam/trade/offers/{id}
 *   POST /__emulator/steam/trade/offers/{id}/{accept|decline|cancel|confirm|cancel-confirmation|expire|counter}
 *                                                          {backdateMs?} (counter: {give?, receive?, message?, backdateMs?})
 *   GET  /__emulator/steam/trade/trades/{tradeid}
 *   POST /__emulator/steam/trade/trades/{tradeid}/reverse  trade protection reversal
 *   GET|POST /__emulator/steam/trade/clock                 {advanceMs?, advanceSeconds?, advanceDays?}
 *   GET  /__emulator/steam/trade/inventory/{steamid}       what trades changed
 *   GET|POST /__emulator/steam/trade/faults                {send?, list?, nextSends?, nextLists?}
 */
import { z } from 'zod';
import type { EmulatorReply, EmulatorRequest } from '../../types.js';
import { BadRequest, parseControlBody as parse } from '../control-body.js';
import { isIndividualSteamId } from '../request-info.js';
import type { ControlResult, SteamTradeControl } from './control-api.js';
import { TRADE_LIST_FAULT_KINDS, TRADE_SEND_FAULT_KINDS } from './scenario.js';
import { tradeUserSchema } from './scenario-schema.js';

export const TRADE_CONTROL_PREFIX = '/__emulator/steam/';

const steamid = z.string().refine(isIndividualSteamId, 'expected an individual SteamID64');
const sessionBody = z.strictObject({ steamid, expiresInSeconds: z.number().int().optional() });
const endBody = z.strictObject({ steamid });
const clockBody = z.strictObject({
  advanceMs: z.number().min(0).optional(),
  advanceSeconds: z.number().min(0).optional(),
  advanceDays: z.number().min(0).optional(),
});
const asset = z.strictObject({
  appid: z.number().int().min(1),
  contextid: z.string().regex(/^\d+$/),
  assetid: z.string().regex(/^\d+$/),
  amount: z.number().int().min(1).default(1),
});
const backdateMs = z.number().int().min(0).optional();
const actBody = z.strictObject({ backdateMs });
const counterBody = z.strictObject({
  give: z.array(asset).optional(),
  receive: z.array(asset).optional(),
  message: z.string().optional(),
  backdateMs,
});
const plan = <const K extends readonly [string, ...string[]]>(kinds: K) =>
  z
    .strictObject({
      rate: z.number().min(0).max(1).optional(),
      kinds: z.array(z.enum(kinds)).min(1).optional(),
      seed: z.number().int().min(0).optional(),
      script: z.record(z.string().regex(/^[1-9]\d*$/), z.enum(kinds)).optional(),
    })
    .optional();
const faultsBody = z.strictObject({
  send: plan(TRADE_SEND_FAULT_KINDS),
  list: plan(TRADE_LIST_FAULT_KINDS),
  nextSends: z.array(z.enum(TRADE_SEND_FAULT_KINDS)).optional(),
  nextLists: z.array(z.enum(TRADE_LIST_FAULT_KINDS)).optional(),
});
const accountBody = tradeUserSchema;

const ACTIONS = [
  'accept',
  'decline',
  'cancel',
  'confirm',
  'cancel-confirmation',
  'expire',
  'counter',
] as const;

export function handleTradeControl(api: SteamTradeControl, req: EmulatorRequest): EmulatorReply | undefined {
  const path = req.url.pathname;
  if (!path.startsWith(TRADE_CONTROL_PREFIX)) return undefined;
  const route = path.slice(TRADE_CONTROL_PREFIX.length).replace(/\/$/, '');
  const post = req.method === 'POST';
  try {
    if (route === 'sessions' && post) {
      const body = parse(sessionBody, req);
      return ok(api.session(body.steamid, body.expiresInSeconds));
    }
    if (route === 'sessions/end' && post) {
      const body = parse(endBody, req);
      api.endSessions(body.steamid);
      return ok({ steamid: body.steamid, ended: true });
    }
    const [area, what = '', id, action, extra] = route.split('/');
    if (area !== 'trade' || extra !== undefined) return notFound(req);
    return tradeRoute(api, req, what, id, action);
  } catch (error) {
    if (error instanceof BadRequest) return json(400, { error: error.message });
    throw error;
  }
}

function tradeRoute(
  api: SteamTradeControl,
  req: EmulatorRequest,
  what: string,
  id: string | undefined,
  action: string | undefined,
): EmulatorReply {
  const post = req.method === 'POST';
  if (what === 'clock' && id === undefined) {
    if (post) {
      const body = parse(clockBody, req);
      const ms =
        (body.advanceMs ?? 0) + (body.advanceSeconds ?? 0) * 1000 + (body.advanceDays ?? 0) * 86_400_000;
      api.advanceTime(ms);
    }
    return ok({ now: api.now(), seconds: Math.floor(api.now() / 1000) });
  }
  if (what === 'faults' && id === undefined) return ok(api.faults(post ? parse(faultsBody, req) : {}));
  if (what === 'offers' && id === undefined && !post) {
    const query = req.url.searchParams;
    const state = query.get('state');
    return ok({
      offers: api.offers({
        ...(query.get('steamid') ? { steamid: query.get('steamid') as string } : {}),
        ...(state ? { state: Number(state) } : {}),
      }),
    });
  }
  if (what === 'offers' && id !== undefined) {
    if (action === undefined && !post) {
      const offer = api.offer(id);
      return offer ? ok(offer) : json(404, { error: `no offer ${id}` });
    }
    if (post && (ACTIONS as readonly string[]).includes(action ?? ''))
      return offerAction(api, req, id, action as string);
  }
  if (what === 'trades' && id !== undefined && action === undefined && !post) {
    const trade = api.trade(id);
    return trade ? ok(trade) : json(404, { error: `no trade ${id}` });
  }
  if (what === 'trades' && id !== undefined && action === 'reverse' && post) {
    const result = api.reverse(id);
    return result.ok ? ok(result) : json(result.status, { error: result.error });
  }
  if (what === 'accounts' && id !== undefined && action === undefined && isIndividualSteamId(id)) {
    return ok(post ? api.updateAccount(id, parse(accountBody, req)) : api.account(id));
  }
  if (what === 'inventory' && id !== undefined && action === undefined && !post && isIndividualSteamId(id)) {
    return ok({ steamid: id, inventories: api.inventoryChanges(id) });
  }
  return notFound(req);
}

function offerAction(
  api: SteamTradeControl,
  req: EmulatorRequest,
  id: string,
  action: string,
): EmulatorReply {
  let result: ControlResult;
  const options = () => parse(actBody, req);
  switch (action) {
    case 'accept':
      result = api.accept(id, options());
      break;
    case 'decline':
      result = api.decline(id, options());
      break;
    case 'cancel':
      result = api.cancel(id, options());
      break;
    case 'confirm':
      result = api.confirm(id, options());
      break;
    case 'cancel-confirmation':
      result = api.cancelConfirmation(id, options());
      break;
    case 'expire':
      result = api.expire(id, options());
      break;
    default:
      result = api.counter(id, parse(counterBody, req));
  }
  return result.ok ? ok(result) : json(result.status, { error: result.error });
}

function ok(body: unknown): EmulatorReply {
  return json(200, body);
}

function json(status: number, body: unknown): EmulatorReply {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body };
}

function notFound(req: EmulatorRequest): EmulatorReply {
  return json(404, { error: `no control endpoint ${req.method} ${req.url.pathname}` });
}
