/**
 * Mobile confirmations over real HTTP against the emulator, whose clock runs an hour ahead:
 * listing, accepting and cancelling one and many, confirming the offer a send made (read back
 * from the emulator), a wrong identity secret, the mobile user agent requirement, the trade
 * protection acknowledgement, an expired session, a drifted clock, and confirmation times
 * never reused by clients sharing a store. No secret appears in any error.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.js';
import {
  ConfirmationFailedError,
  ConfirmationKeyRefusedError,
  GamestashError,
  InvalidInputError,
  NotFoundError,
  RateLimitError,
  SessionExpiredError,
} from '../../core/errors.js';
import { HttpClient } from '../../core/http/client.js';
import type { MintedSession } from '../../emulator/index.js';
import { parseSteamSession } from '../session/session.js';
import { MemoryTradeStateStore } from '../trade/state-store.js';
import { sendOffer, tradable, tradeWorld, type Json } from '../../../test/trade-world.js';
import type { SteamConfirmations } from './confirmations.js';
import { createSteamConfirmations, type SteamGuardExtras } from './from-config.js';
import { SteamServerClock } from './server-clock.js';
import { MemoryConfirmationTimeStore } from './time-ledger.js';

const BOT = '76561198000000980';
const PARTNER = '76561198000000981';
const NEWCOMER = '76561198000000982';
const DRIFTER = '76561198000000983';
const SKEW = 3600;

const world = tradeWorld({
  users: {
    [BOT]: { trade: { mobileAuthenticator: true }, inventories: { '730/2': { size: 60 } } },
    [PARTNER]: { name: 'Partner Pat' },
    [NEWCOMER]: { trade: { mobileAuthenticator: true, acknowledged: false } },
    [DRIFTER]: { trade: { mobileAuthenticator: true } },
  },
  guard: { timeSkewSeconds: SKEW },
});
const trade = () => world.emulator.steam.trade;
const guard = () => world.emulator.steam.guard;
const url = () => world.emulator.url;

const http = new HttpClient({ retries: 0 });
afterAll(() => http.close());

/** Everything any client was given that must never show: secrets, cookies, sessionids. */
const secrets: string[] = [];
const errors: unknown[] = [];

function sessionOf(minted: MintedSession) {
  secrets.push(minted.steamLoginSecure, minted.accessToken, minted.sessionid);
  return parseSteamSession({
    cookies: `steamLoginSecure=${minted.steamLoginSecure}; sessionid=${minted.sessionid}`,
  });
}

function client(
  steamid: string,
  extras: SteamGuardExtras & { identitySecret?: string; minted?: MintedSession; http?: HttpClient } = {},
): SteamConfirmations {
  const { identitySecret, minted, ...rest } = extras;
  const secret = identitySecret ?? guard().account(steamid).identitySecret;
  secrets.push(secret);
  const config = loadConfig({
    GAMESTASH_STEAM_COMMUNITY_URL: url(),
    GAMESTASH_STEAM_API_URL: url(),
    GAMESTASH_STEAM_COMMUNITY_INTERVAL_MS: '0',
    STEAM_IDENTITY_SECRET: secret,
  });
  // Clients of one account share this process's time store unless a test says otherwise.
  return createSteamConfirmations(config, rest.http ?? http, {
    session: sessionOf(minted ?? trade().session(steamid)),
    ...rest,
  });
}

async function caught<T>(promise: Promise<T>): Promise<GamestashError> {
  try {
    await promise;
  } catch (error) {
    errors.push(error);
    return error as GamestashError;
  }
  throw new Error('expected a failure');
}

/** An offer giving one of the sender's items, waiting for its confirmation (the sender has the authenticator). */
async function offerFrom(sender: string, partner = PARTNER): Promise<string> {
  const minted = trade().session(sender);
  const items = await tradable(url(), sender, 730, '2', 20, minted);
  const used = new Set(
    trade()
      .offers({ steamid: sender })
      .flatMap((o) => o.itemsFromSender.map((i) => i.assetid)),
  );
  const item = items.find((i) => !used.has(i.assetid))!;
  const sent = await sendOffer(url(), minted, {
    partner,
    give: [item],
    token: trade().account(partner).token,
  });
  expect(sent.status).toBe(200);
  const id = sent.json.tradeofferid as string;
  expect(trade().offer(id)?.state).toBe(9);
  return id;
}

describe('listing', () => {
  it('lists what waits, typed, with the offer id of trade confirmations', async () => {
    const bot = client(BOT);
    expect(await bot.list()).toEqual([]);
    const id = await offerFrom(BOT);
    const [conf] = await bot.list();
    expect(conf).toEqual({
      id: expect.stringMatching(/^\d+$/),
      type: 2,
      typeName: 'Trade Offer',
      creatorId: id,
      offerId: id,
      nonce: expect.stringMatching(/^\d+$/),
      headline: 'Partner Pat',
      summary: [expect.stringMatching(/^You will give up your /), 'You will receive nothing'],
      created: new Date(trade().offer(id)!.created * 1000).toISOString(),
    });
    expect(await bot.forOffer(id)).toEqual(conf);
    expect(await bot.forOffer('1')).toBeUndefined();
    await bot.cancel(conf!);
  });

  it('lists market listings as type 3, without an offer id', async () => {
    const bot = client(BOT);
    const { listing } = guard().addMarketListing(BOT, { itemName: 'Clutch Case', price: '$0.40' });
    const market = (await bot.list()).find((c) => c.type === 3)!;
    expect(market).toMatchObject({
      typeName: 'Market Listing',
      creatorId: listing.listingid,
      offerId: null,
      headline: 'Clutch Case',
    });
    expect(await bot.accept(market.id)).toMatchObject({ action: 'accept', confirmations: [market] });
    expect(
      guard()
        .marketListings(BOT)
        .find((l) => l.listingid === listing.listingid)?.state,
    ).toBe('active');
  });
});

describe('acting', () => {
  it('confirms the offer a send made: it becomes Active', async () => {
    const id = await offerFrom(BOT);
    const result = await client(BOT).confirmOffer(id);
    expect(result).toMatchObject({
      offerId: id,
      confirmation: { offerId: id },
      acknowledged: false,
      reconciled: false,
    });
    expect(trade().offer(id)).toMatchObject({ state: 2, stateName: 'Active' });
  });

  it('accepts several at once (multiajaxop) and cancels by id', async () => {
    const bot = client(BOT);
    const ids = [await offerFrom(BOT), await offerFrom(BOT), await offerFrom(BOT)];
    const confs = (await bot.list()).filter((c) => ids.includes(c.creatorId));
    const before = guard().confirmations(BOT).length;
    expect(before).toBe(3);
    const accepted = await bot.accept(confs.slice(0, 2).map((c) => c.id));
    expect(accepted.confirmations.map((c) => c.offerId)).toEqual(ids.slice(0, 2));
    expect(ids.map((id) => trade().offer(id)!.state)).toEqual([2, 2, 9]);
    const cancelled = await bot.cancel(confs[2]!.id);
    expect(cancelled).toMatchObject({ action: 'cancel', confirmations: [{ offerId: ids[2] }] });
    expect(trade().offer(ids[2]!)).toMatchObject({ state: 10, stateName: 'CanceledBySecondFactor' });
    const stats = (await (await fetch(`${url()}/__emulator/stats`)).json()) as Json;
    expect(stats.modules.steamGuard.multiajaxops).toBeGreaterThanOrEqual(1);
  });

  it('cancels several sent offers at once', async () => {
    const ids = [await offerFrom(BOT), await offerFrom(BOT)];
    const bot = client(BOT);
    const confs = (await bot.list()).filter((c) => ids.includes(c.creatorId));
    await bot.cancel(confs);
    expect(ids.map((id) => trade().offer(id)!.state)).toEqual([10, 10]);
  });

  it('says so when nothing waits: an unknown id, an offer without a confirmation', async () => {
    const bot = client(BOT);
    const unknown = await caught(bot.accept(['4242']));
    expect(unknown).toBeInstanceOf(NotFoundError);
    expect(unknown.message).toMatch(/no confirmation 4242 waits/);
    const none = await caught(bot.confirmOffer('8300009999', { attempts: 1 }));
    expect(none).toBeInstanceOf(NotFoundError);
    expect(none.message).toMatch(/no mobile confirmation waits for offer 8300009999/);
    await expect(bot.accept([])).rejects.toThrow(InvalidInputError);
    await expect(bot.accept('12ab')).rejects.toThrow(/confirmation id must be a number/);
  });

  it('acknowledges trade protection when Steam refuses a confirmation, and tries once more', async () => {
    const id = await offerFrom(NEWCOMER);
    const tradeState = new MemoryTradeStateStore();
    const result = await client(NEWCOMER, { tradeState }).confirmOffer(id);
    expect(result).toMatchObject({ offerId: id, acknowledged: true });
    expect(trade().account(NEWCOMER).acknowledged).toBe(true);
    expect(trade().offer(id)!.state).toBe(2);
    expect(tradeState.acknowledgements.has(NEWCOMER)).toBe(true);
    // Refused for another reason (gone already): reported, not retried forever.
    const again = await caught(
      client(NEWCOMER).accept({ id: result.confirmation.id, nonce: result.confirmation.nonce }),
    );
    expect(again).toBeInstanceOf(ConfirmationFailedError);
    expect(again.message).toMatch(/Steam would not accept confirmation \d+/);
  });
});

describe('refusals', () => {
  it('a wrong identity secret: ConfirmationKeyRefusedError, with the secret nowhere in it', async () => {
    const wrong = Buffer.alloc(20, 9).toString('base64');
    const error = await caught(client(BOT, { identitySecret: wrong }).list());
    expect(error).toBeInstanceOf(ConfirmationKeyRefusedError);
    expect(error.kind).toBe('confirmation_key_refused');
    expect(error.message).toMatch(/STEAM_IDENTITY_SECRET is not this account's identity_secret/);
    expect(error.request?.url).toMatch(/[?&]k=\[REDACTED\]/);
    // Checked before any request: a secret that is not one.
    await expect(client(BOT, { identitySecret: 'nope' }).list()).rejects.toThrow(
      /is not a Steam Guard secret/,
    );
  });

  it("without the Steam app's user agent Steam answers 429: a RateLimitError saying why", async () => {
    // A transport of its own: the 429 cools the community host down for a minute.
    const own = new HttpClient({ retries: 0 });
    const error = await caught(client(BOT, { userAgent: 'Mozilla/5.0', http: own }).list()).finally(() =>
      own.close(),
    );
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.message).toMatch(/lacked the Steam app's user agent \(okhttp\/4\.9\.2\)/);
  });

  it('an ended session: SessionExpiredError', async () => {
    const minted = trade().session(DRIFTER);
    trade().endSessions(DRIFTER);
    const error = await caught(client(DRIFTER, { minted }).list());
    expect(error).toBeInstanceOf(SessionExpiredError);
    expect(error.message).toMatch(/needauth/);
  });

  it('no session, no identity secret: refused before any request', async () => {
    const config = loadConfig({ GAMESTASH_STEAM_COMMUNITY_URL: url(), GAMESTASH_STEAM_API_URL: url() });
    await expect(createSteamConfirmations(config, http).list()).rejects.toThrow(
      /needs STEAM_IDENTITY_SECRET/,
    );
    const withSecret = loadConfig({
      GAMESTASH_STEAM_COMMUNITY_URL: url(),
      STEAM_IDENTITY_SECRET: guard().account(BOT).identitySecret,
    });
    await expect(createSteamConfirmations(withSecret, http).list()).rejects.toThrow(
      /needs a logged-in Steam session/,
    );
  });
});

describe("Steam's clock", () => {
  it("asks Steam's time again when a key made with an offset kept from earlier is refused", async () => {
    // This machine's clock jumps two minutes ahead (an NTP correction) after the offset was kept.
    let jump = 0;
    const queries: number[] = [];
    const clock = new SteamServerClock({
      query: async () => {
        queries.push(jump);
        return guard().serverTime();
      },
      now: () => Date.now() + jump,
    });
    const drifter = client(DRIFTER, { clock });
    expect(await drifter.list()).toEqual([]);
    jump = 120_000;
    expect(await drifter.list()).toEqual([]);
    expect(queries).toEqual([0, 120_000]);

    // Refused right after asking: not the clock, so not asked again.
    const fresh: number[] = [];
    const wrong = client(DRIFTER, {
      identitySecret: Buffer.alloc(20, 3).toString('base64'),
      clock: new SteamServerClock({
        query: async () => {
          fresh.push(1);
          return guard().serverTime();
        },
      }),
    });
    expect(await caught(wrong.list())).toBeInstanceOf(ConfirmationKeyRefusedError);
    expect(fresh).toHaveLength(1);
  });

  it('never sends a time twice from clients sharing a store; clients that do not share collide', async () => {
    const offset = SKEW + Math.round(guard().serverTime() - SKEW - Date.now() / 1000);
    const clock = () => new SteamServerClock({ query: async () => 0, fixedOffsetSeconds: offset });
    // Both on this process's store, which every client of this file has used.
    const a = client(BOT, { clock: clock() });
    const b = client(BOT, { clock: clock() });
    const lists = await Promise.all([...Array(6)].flatMap(() => [a.list(), b.list()]));
    expect(lists).toHaveLength(12);

    // The control: two clients with stores of their own take the same seconds, and Steam refuses.
    const c = client(BOT, { clock: clock(), times: new MemoryConfirmationTimeStore() });
    const d = client(BOT, { clock: clock(), times: new MemoryConfirmationTimeStore() });
    const outcomes = await Promise.allSettled([...Array(4)].flatMap(() => [c.list(), d.list()]));
    const refused = outcomes.filter((o) => o.status === 'rejected');
    expect(refused.length).toBeGreaterThan(0);
    for (const o of refused)
      expect((o as PromiseRejectedResult).reason).toBeInstanceOf(ConfirmationKeyRefusedError);
  });
});

afterAll(() => {
  // Nothing any client was given shows in any error, its message, JSON or request.
  const text = errors
    .map((e) =>
      e instanceof GamestashError ? `${e.message} ${JSON.stringify(e)} ${e.body ?? ''}` : String(e),
    )
    .join('\n');
  expect(errors.length).toBeGreaterThan(5);
  for (const secret of secrets) expect(text).not.toContain(secret);
});
