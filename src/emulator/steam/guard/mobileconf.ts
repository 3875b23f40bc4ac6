/**
 * @module emulator/steam/guard/mobileconf
 * The mobile confirmation endpoints (UPSTREAM.md, Steam Guard; node-steamcommunity's
 * confirmations.js, steamguard-cli's confirmation.rs):
 *
 *   GET  /mobileconf/getlist?p=<device>&a=<steamid>&k=<key>&t=<time>&m=react&tag=<tag>
 *   GET  /mobileconf/ajaxop?op=allow|cancel&cid=<id>&ck=<nonce>&p=&a=&k=&t=&m=&tag=  (POST too)
 *   POST /mobileconf/multiajaxop   op, cid[], ck[], p, a, k, t, m, tag as a form
 *
 * Checked in order: `Origin` (a bare 403 without it, node-steamcommunity #351), the mobile
 * app's user agent (429 without it, #371), the session (`{"success":false,"needauth":true}`,
 * steamguard-cli's fixture), then the key: `a` must be the session's account, `t` within the
 * tolerance of the server clock and not used before by that account with that tag, and `k`
 * the key of the account's identity secret for `t` and `tag`. A refused key answers
 * `{"success":false,"message":"Invalid authenticator","detail":"…"}` (the page text quoted in
 * PHP-SteamCommunity #19). Acting answers `{"success":true}`, or a bare `{"success":false}`
 * when any confirmation is unknown, its nonce wrong, or the trade side refuses (node-
 * steamcommunity's "Could not act on confirmation"); multiajaxop acts on all or none.
 */
import type { EmulatorReply, EmulatorRequest } from '../../types.js';
import { header, jsonReply } from '../trade/community.js';
import { tooManyRequests } from '../webapi/html.js';
import type { EmulatedConfirmation } from './confirmations.js';
import { serverSeconds, type GuardContext } from './context.js';
import { confirmationKeyAt } from './totp.js';

const INVALID_AUTHENTICATOR = {
  success: false,
  message: 'Invalid authenticator',
  detail:
    'It looks like your Steam Guard Mobile Authenticator is providing incorrect Steam Guard codes. This could be caused by an inaccurate clock or bad timezone settings on your device. If your time settings are correct, it could be that a different device has been set up to provide the Steam Guard codes for your account, which means the authenticator on this device is no longer valid.',
};

const ROUTE = /^\/mobileconf\/(getlist|ajaxop|multiajaxop)\/?$/;

export function handleMobileconf(
  ctx: GuardContext,
  req: EmulatorRequest,
  path: string,
): EmulatorReply | undefined {
  const match = ROUTE.exec(path);
  if (!match) return undefined;
  const route = match[1] as 'getlist' | 'ajaxop' | 'multiajaxop';
  if (route === 'getlist') ctx.stats.lists++;
  else if (route === 'ajaxop') ctx.stats.ajaxops++;
  else ctx.stats.multiajaxops++;
  if (route === 'multiajaxop' && req.method !== 'POST') return { status: 405, body: '' };

  const post = req.method === 'POST';
  const origin = ctx.config.originRequired;
  if (!header(req, 'origin') && (origin === 'all' || (origin === 'post' && post))) {
    ctx.stats.missingOrigin++;
    return { status: 403, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '' };
  }
  if (ctx.config.mobileAgentRequired && !/okhttp\//i.test(header(req, 'user-agent') ?? '')) {
    ctx.stats.missingMobileAgent++;
    return tooManyRequests();
  }
  const session = pageSessionOf(ctx, req);
  if (!session) {
    ctx.stats.needAuth++;
    return jsonReply({ success: false, needauth: true });
  }
  const params = new URLSearchParams(post ? req.body : req.url.search);
  if (!keyAccepted(ctx, session, params)) {
    ctx.stats.keysRefused++;
    return jsonReply(INVALID_AUTHENTICATOR);
  }
  if (route === 'getlist') {
    const list = ctx.book.pending(session).map((conf) => ctx.book.json(conf));
    return jsonReply({ success: true, conf: list });
  }
  const op = params.get('op');
  if (op !== 'allow' && op !== 'cancel') return jsonReply({ success: false });
  const ids = route === 'ajaxop' ? [params.get('cid') ?? ''] : params.getAll('cid[]');
  const nonces = route === 'ajaxop' ? [params.get('ck') ?? ''] : params.getAll('ck[]');
  return jsonReply({ success: act(ctx, session, op, ids, nonces) });
}

function pageSessionOf(ctx: GuardContext, req: EmulatorRequest): string | undefined {
  const check = ctx.trade.sessions.checkCookie(req);
  if ('problem' in check) {
    ctx.trade.counters.sessionRefused++;
    return undefined;
  }
  return check.steamid;
}

/** `a`, `t` and `k` (and `p`, which must be there); records `t` as used when all pass. */
function keyAccepted(ctx: GuardContext, steamid: string, params: URLSearchParams): boolean {
  const tag = params.get('tag') ?? '';
  const timeText = params.get('t') ?? '';
  if (params.get('a') !== steamid || !params.get('p') || !/^\d{1,12}$/.test(timeText)) return false;
  const time = Number(timeText);
  const now = serverSeconds(ctx);
  const tolerance = ctx.config.timeToleranceSeconds;
  if (Math.abs(time - now) > tolerance) {
    ctx.stats.timesOutOfRange++;
    return false;
  }
  const expected = confirmationKeyAt(ctx.accounts.get(steamid).identitySecret, time, tag);
  if (params.get('k') !== expected) return false;
  if (!ctx.accounts.use(steamid, tag, time, now - tolerance)) {
    ctx.stats.reusedTimes++;
    return false;
  }
  return true;
}

/** All of them or none: every id must wait with its nonce, and the trade side must allow each. */
function act(
  ctx: GuardContext,
  steamid: string,
  op: 'allow' | 'cancel',
  ids: string[],
  nonces: string[],
): boolean {
  const refuse = () => {
    ctx.stats.actionsRefused++;
    return false;
  };
  if (ids.length === 0 || ids.length !== nonces.length || new Set(ids).size !== ids.length) return refuse();
  const confs: EmulatedConfirmation[] = [];
  for (const [i, id] of ids.entries()) {
    const conf = ctx.book.find(steamid, id);
    if (!conf || conf.nonce !== nonces[i]) return refuse();
    // Steam refuses confirmations until trade protection is acknowledged (UPSTREAM.md).
    if (op === 'allow' && ctx.book.needsAcknowledgement(conf)) return refuse();
    confs.push(conf);
  }
  let all = true;
  for (const conf of confs) {
    if (!ctx.book.act(conf, op)) {
      all = false;
      ctx.stats.actionsRefused++;
    } else if (op === 'allow') ctx.stats.accepted++;
    else ctx.stats.cancelled++;
  }
  return all;
}
