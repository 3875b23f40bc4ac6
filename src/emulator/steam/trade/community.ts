/**
 * @module emulator/steam/trade/community
 * What every community trade endpoint does first: read the form, check the session (and
 * for POSTs the `sessionid` pair), and answer a logged-out request the way Steam answers
 * that endpoint (UPSTREAM.md: 401 on send and cancel, 403 on accept, a redirect to
 * `/login` on pages). Also counts requests missing their `Origin` or `Referer`.
 */
import type { EmulatorReply, EmulatorRequest } from '../../types.js';
import type { TradeContext } from './context.js';

/** How Steam answers a logged-out request, by endpoint. */
export type LoggedOutAnswer = 401 | 403 | 'login';

export function readForm(req: EmulatorRequest): URLSearchParams {
  return new URLSearchParams(req.method === 'POST' ? req.body : req.url.search);
}

export function header(req: EmulatorRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function loggedOut(req: EmulatorRequest, answer: LoggedOutAnswer): EmulatorReply {
  if (answer === 'login') {
    // UPSTREAM.md: a redirect to /login means the session cookies have expired.
    const goto = encodeURIComponent(`${req.url.pathname.slice(1)}${req.url.search}`);
    const base = `http://${req.headers.host ?? 'steamcommunity.com'}`;
    return { status: 302, headers: { location: `${base}/login/home/?goto=${goto}` }, body: '' };
  }
  return { status: answer, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '' };
}

/** The logged-in account of a community POST, or the reply for a request that is not. */
export function postSession(
  ctx: TradeContext,
  req: EmulatorRequest,
  form: URLSearchParams,
  answer: LoggedOutAnswer,
): { steamid: string } | { reply: EmulatorReply } {
  if (!header(req, 'origin')) ctx.counters.missingOrigin++;
  const check = ctx.sessions.checkPost(req, form.get('sessionid') ?? undefined);
  if ('problem' in check) {
    ctx.counters.sessionRefused++;
    return { reply: loggedOut(req, answer) };
  }
  return check;
}

/** The logged-in account of a page or GET, or the redirect to the login page. */
export function pageSession(
  ctx: TradeContext,
  req: EmulatorRequest,
): { steamid: string } | { reply: EmulatorReply } {
  const check = ctx.sessions.checkCookie(req);
  if ('problem' in check) {
    ctx.counters.sessionRefused++;
    return { reply: loggedOut(req, 'login') };
  }
  return check;
}

/**
 * Sends and accepts without a `Referer` are refused with a bare 400 (go-steam #29: "steam
 * requires Referer header"); any Referer on the trade offer pages will do.
 */
export function refererMissing(ctx: TradeContext, req: EmulatorRequest): EmulatorReply | undefined {
  if (header(req, 'referer')) return undefined;
  ctx.counters.missingReferer++;
  return { status: 400, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '' };
}

export function jsonReply(body: unknown, status = 200): EmulatorReply {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body };
}
