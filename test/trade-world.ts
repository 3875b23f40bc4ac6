/**
 * The trade tests' shared helpers: an emulator per test file, sessions minted by it, and
 * the community and Web API calls made the way clients make them (real HTTP with fetch).
 */
import { afterAll, beforeAll } from 'vitest';
import { startEmulator, type MintedSession, type StartedEmulator } from '../src/emulator/index.js';
import type { SteamScenarioInput } from '../src/emulator/steam/scenario.js';

/**
 * Parsed bodies, asserted field by field with toEqual/toMatchObject: typing every Steam
 * answer here would only restate the assertions.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Asset {
  appid: number;
  contextid: string;
  assetid: string;
  amount?: number;
}

export interface Reply {
  status: number;
  text: string;
  headers: Headers;
  /** The body as JSON, or undefined when it is not JSON. */
  json: Json;
}

export interface SendInput {
  partner: string;
  give?: Asset[];
  receive?: Asset[];
  token?: string;
  message?: string;
  countered?: string;
  /** Headers to add or (with `undefined`) leave out. */
  headers?: Record<string, string | undefined>;
  /** Form fields to replace (e.g. a `json_tradeoffer` with a numeric assetid). */
  form?: Record<string, string>;
}

/** Starts an emulator for the calling test file. */
export function tradeWorld(steam: SteamScenarioInput = {}) {
  const world = { emulator: undefined as unknown as StartedEmulator };
  beforeAll(async () => {
    world.emulator = await startEmulator({ scenario: { steam } });
  });
  afterAll(() => world.emulator.close());
  return world;
}

async function reply(response: Response): Promise<Reply> {
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, headers: response.headers, json };
}

export function cookies(session: MintedSession): string {
  return `sessionid=${session.sessionid}; steamLoginSecure=${session.steamLoginSecure}`;
}

function headersWith(base: Record<string, string>, extra: Record<string, string | undefined> = {}) {
  const out: Record<string, string> = { ...base };
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete out[name];
    else out[name] = value;
  }
  return out;
}

export function offerJson(give: Asset[] = [], receive: Asset[] = []): string {
  const side = (assets: Asset[]) => ({
    assets: assets.map((a) => ({
      appid: a.appid,
      contextid: a.contextid,
      amount: a.amount ?? 1,
      assetid: a.assetid,
    })),
    currency: [],
    ready: false,
  });
  return JSON.stringify({
    newversion: true,
    version: give.length + receive.length + 1,
    me: side(give),
    them: side(receive),
  });
}

/** `POST /tradeoffer/new/send` with the fields, cookies and headers seeds/001 uses. */
export async function sendOffer(url: string, session: MintedSession, input: SendInput): Promise<Reply> {
  const form = new URLSearchParams({
    sessionid: session.sessionid,
    serverid: '1',
    partner: input.partner,
    tradeoffermessage: input.message ?? '',
    json_tradeoffer: offerJson(input.give, input.receive),
    captcha: '',
    trade_offer_create_params: JSON.stringify(input.token ? { trade_offer_access_token: input.token } : {}),
    ...(input.countered ? { tradeofferid_countered: input.countered } : {}),
    ...input.form,
  });
  const accountid = /^\d+$/.test(input.partner) ? BigInt(input.partner) - 76561197960265728n : input.partner;
  const headers = headersWith(
    {
      cookie: cookies(session),
      referer: `https://steamcommunity.com/tradeoffer/new/?partner=${accountid}${input.token ? `&token=${input.token}` : ''}`,
      origin: 'https://steamcommunity.com',
      'content-type': 'application/x-www-form-urlencoded; charset=UTF-8',
    },
    input.headers,
  );
  return reply(await fetch(`${url}/tradeoffer/new/send`, { method: 'POST', body: form.toString(), headers }));
}

/** `POST /tradeoffer/{id}/accept` as node-steam-tradeoffer-manager sends it. */
export async function acceptOffer(
  url: string,
  session: MintedSession,
  id: string,
  partner: string,
  extraHeaders?: Record<string, string | undefined>,
): Promise<Reply> {
  const form = new URLSearchParams({
    sessionid: session.sessionid,
    serverid: '1',
    tradeofferid: id,
    partner,
    captcha: '',
  });
  const headers = headersWith(
    {
      cookie: cookies(session),
      referer: `https://steamcommunity.com/tradeoffer/${id}/`,
      origin: 'https://steamcommunity.com',
      'content-type': 'application/x-www-form-urlencoded',
    },
    extraHeaders,
  );
  return reply(
    await fetch(`${url}/tradeoffer/${id}/accept`, { method: 'POST', body: form.toString(), headers }),
  );
}

/** `POST /tradeoffer/{id}/decline` or `/cancel` (the manager's community variants). */
export async function actOnOffer(
  url: string,
  session: MintedSession,
  id: string,
  action: 'decline' | 'cancel',
): Promise<Reply> {
  return reply(
    await fetch(`${url}/tradeoffer/${id}/${action}`, {
      method: 'POST',
      body: new URLSearchParams({ sessionid: session.sessionid }).toString(),
      headers: {
        cookie: cookies(session),
        referer: `https://steamcommunity.com/tradeoffer/${id}/`,
        'content-type': 'application/x-www-form-urlencoded',
      },
    }),
  );
}

/** An IEconService call with an access token (or `{key}`); POST methods take the form body. */
export async function econ(
  url: string,
  method: string,
  params: Record<string, string | number | boolean>,
  auth: { token: string } | { key: string },
  httpMethod: 'GET' | 'POST' = 'GET',
): Promise<Reply> {
  const query = new URLSearchParams(
    Object.entries({
      ...params,
      ...('token' in auth ? { access_token: auth.token } : { key: auth.key }),
    }).map(([k, v]): [string, string] => [k, typeof v === 'boolean' ? (v ? '1' : '0') : String(v)]),
  );
  const path = `${url}/IEconService/${method}/v1/`;
  if (httpMethod === 'POST') {
    return reply(
      await fetch(path, {
        method: 'POST',
        body: query.toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
    );
  }
  return reply(await fetch(`${path}?${query}`));
}

/** One inventory page (count 2000), as the owner when a session is given. */
export async function inventory(
  url: string,
  steamid: string,
  appid: number,
  contextid: string,
  session?: MintedSession,
): Promise<Json> {
  const response = await fetch(`${url}/inventory/${steamid}/${appid}/${contextid}?l=english&count=2000`, {
    headers: session ? { cookie: cookies(session) } : {},
  });
  return JSON.parse(await response.text());
}

/** The first `n` tradable assets of an inventory. */
export async function tradable(
  url: string,
  steamid: string,
  appid: number,
  contextid: string,
  n: number,
  session?: MintedSession,
): Promise<Asset[]> {
  const page = await inventory(url, steamid, appid, contextid, session);
  const ok = new Set(
    (page.descriptions ?? [])
      .filter((d: Json) => d.tradable === 1)
      .map((d: Json) => `${d.classid}_${d.instanceid ?? '0'}`),
  );
  const out = (page.assets ?? [])
    .filter((a: Json) => ok.has(`${a.classid}_${a.instanceid ?? '0'}`))
    .slice(0, n)
    .map((a: Json) => ({ appid: a.appid, contextid: a.contextid, assetid: a.assetid }));
  if (out.length < n)
    throw new Error(`only ${out.length} tradable items in ${steamid}/${appid}/${contextid}`);
  return out;
}

export async function control(url: string, path: string, body?: unknown): Promise<Reply> {
  return reply(
    await fetch(`${url}/__emulator/steam/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    }),
  );
}
