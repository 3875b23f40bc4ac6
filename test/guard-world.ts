/**
 * The emulated Steam Guard's tests' helpers: an emulator per test file (tradeWorld), and the
 * mobile confirmation requests made by hand, as the Steam app makes them (the emulator must
 * not depend on the client): keys from the emulator's own secrets, each call at a time of its
 * own unless a test says otherwise, headers that a test can change or leave out.
 */
import { expect } from 'vitest';
import type { MintedSession } from '../src/emulator/index.js';
import type { SteamScenarioInput } from '../src/emulator/steam/scenario.js';
import { cookies, sendOffer, tradable, tradeWorld, type Json } from './trade-world.js';

export const MOBILE_HEADERS = { 'user-agent': 'okhttp/4.9.2', origin: 'https://steamcommunity.com' };

export interface GuardCall {
  steamid: string;
  session: MintedSession;
  tag?: string;
  time?: number;
  key?: string;
  /** Headers to add or (with `undefined`) leave out. */
  headers?: Record<string, string | undefined>;
}

export function guardWorld(steam: SteamScenarioInput) {
  const world = tradeWorld(steam);
  const trade = () => world.emulator.steam.trade;
  const guard = () => world.emulator.steam.guard;
  const url = () => world.emulator.url;

  let last = 0;
  /** A time of its own for each call, from half a minute before the server clock on. */
  const nextTime = () => (last = Math.max(guard().serverTime() - 30, last + 1));

  function params(call: GuardCall): Record<string, string> {
    const tag = call.tag ?? 'list';
    const time = call.time ?? nextTime();
    return {
      p: 'android:00000000-0000-0000-0000-000000000000',
      a: call.steamid,
      k: call.key ?? guard().confirmationKey(call.steamid, time, tag),
      t: String(time),
      m: 'react',
      tag,
    };
  }

  function headers(call: GuardCall): Record<string, string> {
    const out: Record<string, string> = { ...MOBILE_HEADERS, cookie: cookies(call.session) };
    for (const [name, value] of Object.entries(call.headers ?? {})) {
      if (value === undefined) delete out[name];
      else out[name] = value;
    }
    return out;
  }

  async function reply(response: Response): Promise<{ status: number; json: Json }> {
    const text = await response.text();
    let json: Json;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, json };
  }

  return {
    world,
    trade,
    guard,
    url,
    nextTime,
    reply,

    async getlist(call: GuardCall) {
      const query = new URLSearchParams(params(call));
      return reply(await fetch(`${url()}/mobileconf/getlist?${query}`, { headers: headers(call) }));
    },

    async ajaxop(call: GuardCall & { op: string; cid: string; ck: string }) {
      const query = new URLSearchParams({
        op: call.op,
        ...params({ tag: call.op === 'allow' ? 'accept' : 'reject', ...call }),
        cid: call.cid,
        ck: call.ck,
      });
      return reply(await fetch(`${url()}/mobileconf/ajaxop?${query}`, { headers: headers(call) }));
    },

    async multiajaxop(call: GuardCall & { op: string; confs: { id: string; nonce: string }[] }) {
      const form = new URLSearchParams({ op: call.op, ...params({ tag: 'accept', ...call }) });
      for (const conf of call.confs) {
        form.append('cid[]', conf.id);
        form.append('ck[]', conf.nonce);
      }
      return reply(
        await fetch(`${url()}/mobileconf/multiajaxop`, {
          method: 'POST',
          body: form.toString(),
          headers: { ...headers(call), 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
        }),
      );
    },

    /** An offer from `sender` giving one item; it waits in state 9 when the sender has the authenticator. */
    async offerFrom(sender: string, session: MintedSession, partner: string): Promise<string> {
      const items = await tradable(url(), sender, 730, '2', 1, session);
      const sent = await sendOffer(url(), session, {
        partner,
        give: items,
        token: trade().account(partner).token,
      });
      expect(sent.status).toBe(200);
      return sent.json.tradeofferid as string;
    },
  };
}
