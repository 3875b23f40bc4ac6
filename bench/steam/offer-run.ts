/**
 * Shared by the offer benchmarks (steam/offer-watch.ts, trading-webhooks.ts): sessions minted
 * by the emulator (its own process), the time-scaled run of offer changes a partner makes, and
 * node-steam-tradeoffer-manager polling an account of the emulator, so that every client is
 * driven the same way and measured the same way.
 *
 * Times are `Date.now()` milliseconds throughout, the clock the webhook receiver stamps with.
 */
import { HttpClient } from '../../src/core/http/client.js';
import { parseSteamSession } from '../../src/steam/session/session.js';
import { SteamTradeClient } from '../../src/steam/trade/client.js';
import { MemoryTradeStateStore } from '../../src/steam/trade/state-store.js';
import { SteamWebApiClient } from '../../src/steam/webapi/client.js';
import { tradableAssetIds } from './tradable.js';

/** Both clients' default poll interval: the figures are scaled to it. */
export const DEFAULT_INTERVAL = 30_000;

export interface Minted {
  steamid: string;
  steamLoginSecure: string;
  sessionid: string;
  accessToken: string;
  /** Unix seconds. */
  expiresAt: number;
}

export async function mint(emulatorUrl: string, steamid: string): Promise<Minted> {
  const response = await fetch(`${emulatorUrl}/__emulator/steam/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ steamid, expiresInSeconds: 86_400 }),
  });
  return (await response.json()) as Minted;
}

export const cookiesOf = (m: Minted) => `steamLoginSecure=${m.steamLoginSecure}; sessionid=${m.sessionid}`;

/** A library trade client logged in as `session`; `onCall` hears each request it makes. */
export function tradeClient(emulatorUrl: string, session: Minted, onCall?: (url: string) => void) {
  const http = new HttpClient({
    retries: 2,
    hooks: onCall ? { onResponse: (info) => onCall(info.url) } : {},
  });
  const webapi = new SteamWebApiClient({ http, apiUrl: emulatorUrl, communityUrl: emulatorUrl });
  const client = new SteamTradeClient({
    http,
    webapi,
    communityUrl: emulatorUrl,
    store: new MemoryTradeStateStore(),
    session: parseSteamSession({ cookies: cookiesOf(session) }),
  });
  return { http, client };
}

/** A Web API method's path (`/IEconService/GetTradeOffers/v1/`), as against a community page. */
export const isWebApiPath = (url: string) =>
  /^\/I[A-Za-z0-9_]+\/[A-Za-z0-9_]+\/v\d+\/?$/.test(new URL(url).pathname);

export async function tradeToken(emulatorUrl: string, steamid: string): Promise<string> {
  const response = await fetch(`${emulatorUrl}/__emulator/steam/trade/accounts/${steamid}`);
  return ((await response.json()) as { token: string }).token;
}

/** The `appid/contextid/assetid` of every tradable item in the partner's TF2 backpack (440/2). */
export async function backpack(emulatorUrl: string, partner: Minted): Promise<string[]> {
  const cookies = `steamLoginSecure=${partner.steamLoginSecure}`;
  return (await tradableAssetIds(emulatorUrl, partner.steamid, '440/2', cookies)).map((id) => `440/2/${id}`);
}

/** When each change happened, `<offer id>:<state>` → ms. */
export type Changes = Map<string, number>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The run: every 0.77 intervals the partner sends each target an offer (one item each), and
 * cancels each 1.37 intervals after sending it, so the changes land at every point of the poll
 * cycle. Resolves once the last cancel is done, with each target's changes.
 */
export async function driveOffers(options: {
  emulatorUrl: string;
  partner: SteamTradeClient;
  targets: { steamid: string; token: string }[];
  items: string[];
  changes: number;
  intervalMs: number;
}): Promise<Changes[]> {
  const { emulatorUrl, partner, targets, items, changes, intervalMs } = options;
  const changed = targets.map((): Changes => new Map());
  const cancels: Promise<void>[] = [];
  let item = 0;
  for (let i = 0; i < changes; i++) {
    for (const [t, target] of targets.entries()) {
      const sent = await partner.send({
        partner: target.steamid,
        token: target.token,
        give: [items[item++]!],
      });
      changed[t]!.set(`${sent.id}:2`, Date.now());
      cancels.push(
        sleep(1.37 * intervalMs).then(async () => {
          await fetch(`${emulatorUrl}/__emulator/steam/trade/offers/${sent.id}/cancel`, { method: 'POST' });
          changed[t]!.set(`${sent.id}:6`, Date.now());
        }),
      );
    }
    await sleep(0.77 * intervalMs);
  }
  await Promise.all(cancels);
  return changed;
}

/** Latency of each change to when it was heard, as a fraction of the interval, sorted (Infinity: never). */
export function latencies(changes: Changes, heard: Map<string, number>, intervalMs: number): number[] {
  return [...changes]
    .map(([key, at]) => ((heard.get(key) ?? Infinity) - at) / intervalMs)
    .sort((a, b) => a - b);
}

/** Calls over `elapsedMs` at `intervalMs`, as calls per hour at the default 30 s interval. */
export const perHourAtDefault = (calls: number, elapsedMs: number, intervalMs: number) =>
  (calls / elapsedMs) * 3_600_000 * (intervalMs / DEFAULT_INTERVAL);

// Loaded here, not when a manager starts: its first poll should not wait for the import.
const { default: SteamCommunity } = (await import('steamcommunity')) as unknown as {
  default: new () => Record<string, unknown>;
};
const { default: TradeOfferManager } = (await import('steam-tradeoffer-manager')) as unknown as {
  default: new (options: Record<string, unknown>) => {
    setCookies(cookies: string[], callback: (error: Error | null) => void): void;
    on(event: string, listener: (...args: unknown[]) => void): void;
    shutdown(): void;
  };
};

export interface ManagerRun {
  /** What it announced first and when: `<offer id>:<state>` → ms. */
  heard: Map<string, number>;
  /** Its Web API calls so far. */
  calls(): number;
  shutdown(): void;
}

/**
 * node-steam-tradeoffer-manager polling `session`'s account of the emulator (STACK.md: pointed
 * at it through node-steamcommunity's request hook), every `intervalMs` with a full poll every
 * 4 (its default 2 min is 4 × 30 s). Resolves once its cookies are set, when its polling starts.
 */
export async function startManager(
  emulatorUrl: string,
  session: Minted,
  intervalMs: number,
): Promise<ManagerRun> {
  let calls = 0;
  const community = new SteamCommunity();
  community.onPreHttpRequest = (_id: unknown, _source: unknown, options: { uri?: string; url?: string }) => {
    // node-steamcommunity sets both `uri` and `url` to the same address: one request.
    if (String(options.uri ?? options.url).startsWith('https://api.steampowered.com')) calls++;
    for (const field of ['uri', 'url'] as const) {
      const value = options[field];
      if (typeof value !== 'string') continue;
      options[field] = value
        .replace('https://api.steampowered.com', emulatorUrl)
        .replace('https://steamcommunity.com', emulatorUrl);
    }
    return false;
  };
  const manager = new TradeOfferManager({
    community,
    pollInterval: intervalMs,
    pollFullUpdateInterval: 4 * intervalMs,
    useAccessToken: true,
  });
  const heard = new Map<string, number>();
  const note = (key: string) => {
    if (!heard.has(key)) heard.set(key, Date.now());
  };
  manager.on('newOffer', (offer) => note(`${(offer as { id: string }).id}:2`));
  manager.on('receivedOfferChanged', (offer) => {
    const { id, state } = offer as { id: string; state: number };
    note(`${id}:${state}`);
  });
  await new Promise<void>((resolve, reject) =>
    manager.setCookies([`steamLoginSecure=${session.steamLoginSecure}`], (error) =>
      error ? reject(error) : resolve(),
    ),
  );
  return { heard, calls: () => calls, shutdown: () => manager.shutdown() };
}
