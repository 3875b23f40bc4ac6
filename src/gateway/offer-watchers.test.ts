/**
 * One offer watcher per watched account across gateway instances sharing one Redis and one
 * PostgreSQL: exactly one instance polls each account; its events go to the publisher for the
 * keys allowed the account with offers:read; a clean shutdown hands the account over at once
 * (the lease is released), a killed instance's accounts are taken over once its lease runs out
 * (never polled by two at a time), and an account no longer watched is dropped. Watchers here
 * are stand-ins polling the emulator with the account's session (test/stand-in-watcher.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type PostgresServer } from '../../test/services/postgres.js';
import { startRedis, type RedisServer } from '../../test/services/redis.js';
import { startGateway, type TestGateway } from '../../test/services/gateway.js';
import { killOnExit, stopPid } from '../../test/services/ports.js';
import { standInWatchers, type StandInPoll } from '../../test/stand-in-watcher.js';
import { sendOffer, tradable } from '../../test/trade-world.js';
import { startEmulator, type StartedEmulator } from '../emulator/index.js';
import { openDatabase, type StoreDatabase } from '../store/database.js';
import { SecretBox } from '../store/secret-box.js';
import { SteamAccountStore } from '../store/steam-accounts.js';
import { ApiKeyStore } from '../store/api-keys.js';
import { MemoryEventPublisher, type PublishedEvent } from './services/event-publisher.js';
import { leaseName } from './services/offer-watchers.js';

const ALICE = '76561198000000701';
const BOB = '76561198000000702';
const CAROL = '76561198000000703';
const SECRET_KEY = Buffer.alloc(32, 5).toString('base64');
// Short enough for a quick takeover, long enough that a busy machine's late tick keeps its lease.
const TTL_MS = 6_000;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let emulator: StartedEmulator;
let pg: PostgresServer;
let redisServer: RedisServer;
let redis: Redis;

beforeAll(async () => {
  [emulator, pg, redisServer] = await Promise.all([
    startEmulator({
      scenario: {
        steam: { users: { [ALICE]: { name: 'Alice' }, [BOB]: { name: 'Bob' }, [CAROL]: { name: 'Carol' } } },
      },
    }),
    startPostgres(),
    startRedis(),
  ]);
  redis = new Redis(redisServer.url);
  // One test stops Redis on purpose: this client's reconnection noise is expected then.
  redis.on('error', () => undefined);
});
afterAll(async () => {
  redis?.disconnect();
  await Promise.all([emulator?.close(), pg?.stop(), redisServer?.stop()]);
});

async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A fresh database with bot1 (Alice) and bot2 (Bob) watched, bot3 (Carol) not, and three keys. */
async function world(name: string) {
  const databaseUrl = await pg.createDatabase(name);
  const database: StoreDatabase = await openDatabase({ databaseUrl });
  const accounts = new SteamAccountStore(database.db, SecretBox.fromSecretKey(SECRET_KEY));
  for (const [account, steamid, watch] of [
    ['bot1', ALICE, true],
    ['bot2', BOB, true],
    ['bot3', CAROL, false],
  ] as const) {
    const s = emulator.steam.trade.session(steamid);
    await accounts.add({
      name: account,
      steamid,
      secrets: { cookies: `steamLoginSecure=${s.steamLoginSecure}; sessionid=${s.sessionid}` },
      present: [],
      sessionExpiresAt: s.expiresAt * 1000,
      watch,
    });
  }
  const keys = new ApiKeyStore(database.db);
  const one = (await keys.create({ name: 'bot1-reader', scopes: ['offers:read'], accounts: ['bot1'] })).record
    .id;
  const all = (await keys.create({ name: 'all-reader', scopes: ['offers:read'], accounts: ['*'] })).record.id;
  await keys.create({ name: 'no-scope', scopes: ['inventory:read'], accounts: ['*'] });
  const env = {
    GAMESTASH_DATABASE_URL: databaseUrl,
    GAMESTASH_REDIS_URL: redisServer.url,
    GAMESTASH_SECRET_KEY: SECRET_KEY,
    GAMESTASH_WATCH_LOCK_TTL_MS: String(TTL_MS),
    GAMESTASH_STEAM_API_URL: emulator.url,
  };
  return { database, accounts, env, keyIds: { one, all } };
}

describe('offer watchers across instances', () => {
  it('watches each account on exactly one instance, publishes for the allowed keys, and hands over on shutdown', async () => {
    const w = await world('watch_inproc');
    const polls: Record<string, StandInPoll[]> = { a: [], b: [] };
    const publishers = { a: new MemoryEventPublisher(), b: new MemoryEventPublisher() };
    const start = (name: 'a' | 'b') =>
      startGateway({
        emulatorUrl: emulator.url,
        env: w.env,
        extras: { events: publishers[name], watcherFactory: standInWatchers((p) => polls[name]!.push(p)) },
      });
    let a: TestGateway | undefined = await start('a');
    let b: TestGateway | undefined = await start('b');
    try {
      const held = () => [...a!.app.services.offerWatchers.held(), ...b!.app.services.offerWatchers.held()];
      await waitFor('both accounts watched', () => held().sort().join() === 'bot1,bot2');
      const aHolds = a.app.services.offerWatchers.held();
      const bHolds = b.app.services.offerWatchers.held();
      expect([...aHolds, ...bHolds].sort()).toEqual(['bot1', 'bot2']);
      // Each polls only what it holds; bot3 (not watched) is polled by nobody.
      await waitFor(
        'polls of both accounts',
        () =>
          [...polls.a!, ...polls.b!].some((p) => p.account === 'bot1') &&
          [...polls.a!, ...polls.b!].some((p) => p.account === 'bot2'),
      );
      await new Promise((r) => setTimeout(r, 3 * (TTL_MS / 3)));
      expect(new Set(polls.a!.map((p) => p.account))).toEqual(new Set(aHolds));
      expect(new Set(polls.b!.map((p) => p.account))).toEqual(new Set(bHolds));
      expect(await redis.get(leaseName(ALICE))).not.toBeNull();
      expect(await redis.get(leaseName(CAROL))).toBeNull();

      // The events went to the holder's publisher, for the keys with offers:read and the account.
      const events = [...publishers.a.events, ...publishers.b.events];
      const bot1 = events.find((e) => e.account === 'bot1');
      const bot2 = events.find((e) => e.account === 'bot2');
      expect(bot1).toMatchObject({ type: 'newOffer', id: `${ALICE}:1:2`, data: { event: 'newOffer' } });
      expect([...bot1!.keyIds!].sort()).toEqual([w.keyIds.one, w.keyIds.all].sort());
      expect(bot2!.keyIds).toEqual([w.keyIds.all]);

      // A clean shutdown releases its leases at once; the other instance takes the accounts.
      const [leaving, staying] = aHolds.includes('bot1') ? [a, b] : [b, a];
      const lease = leaseName(ALICE);
      const leavingOwner = leaving.app.services.offerWatchers.owner;
      expect(await redis.get(lease)).toBe(leavingOwner);
      await leaving.close();
      if (leaving === a) a = undefined;
      else b = undefined;
      // Released (or already taken by the other: it need not wait for the lease to run out).
      expect([null, staying.app.services.offerWatchers.owner]).toContain(await redis.get(lease));
      await waitFor(
        'the other instance to take both accounts',
        () => staying.app.services.offerWatchers.held().join() === 'bot1,bot2',
      );

      // No longer watched: dropped within a tick, lease released.
      await w.accounts.update('bot2', { watch: false });
      await waitFor('bot2 dropped', () => !staying.app.services.offerWatchers.held().includes('bot2'));
      await waitFor('its lease released', async () => (await redis.get(leaseName(BOB))) === null);
    } finally {
      await Promise.all([a?.close(), b?.close()]);
      await w.database.close();
    }
  });

  it('takes the accounts of a killed instance over once its lease runs out, never polling one account twice at a time', async () => {
    const w = await world('watch_kill');
    const children: ChildProcess[] = [];
    const polls: { account: string; at: number; pid: number }[] = [];
    const spawnChild = () =>
      new Promise<number>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'test/watch-gateway-child.ts'], {
          cwd: ROOT,
          env: {
            PATH: process.env.PATH ?? '',
            HOME: process.env.HOME ?? '/tmp',
            ...w.env,
            GAMESTASH_STEAM_COMMUNITY_URL: emulator.url,
            GAMESTASH_STEAM_COMMUNITY_INTERVAL_MS: '0',
            GAMESTASH_PORT: '0',
            GAMESTASH_LOG_LEVEL: 'silent',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        children.push(child);
        killOnExit(child.pid!);
        let buffer = '';
        let errors = '';
        child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
        child.stdout!.on('data', (chunk: Buffer) => {
          buffer += chunk.toString();
          let nl: number;
          while ((nl = buffer.indexOf('\n')) >= 0) {
            const line = JSON.parse(buffer.slice(0, nl)) as {
              url?: string;
              poll?: string;
              at: number;
              pid: number;
            };
            buffer = buffer.slice(nl + 1);
            if (line.url) resolve(line.pid);
            else if (line.poll) polls.push({ account: line.poll, at: line.at, pid: line.pid });
          }
        });
        child.once('exit', (code) => reject(new Error(`the gateway child exited (${code}): ${errors}`)));
      });
    try {
      const [first, second] = await Promise.all([spawnChild(), spawnChild()]);
      const polledBy = (account: string, since = 0) =>
        new Set(polls.filter((p) => p.account === account && p.at >= since).map((p) => p.pid));
      await waitFor('both accounts polled', () => polledBy('bot1').size > 0 && polledBy('bot2').size > 0);
      await new Promise((r) => setTimeout(r, TTL_MS));
      expect(polledBy('bot1').size).toBe(1);
      expect(polledBy('bot2').size).toBe(1);
      expect(polledBy('bot3').size).toBe(0);

      const victim = [...polledBy('bot1')][0]!;
      const survivor = victim === first ? second : first;
      const killedAt = Date.now();
      await stopPid(victim, 'SIGKILL');
      // Its lease outlives it until it runs out: then the survivor polls bot1, and only it.
      expect(await redis.get(leaseName(ALICE))).not.toBeNull();
      await waitFor('the survivor to poll bot1', () => polledBy('bot1', killedAt).has(survivor));
      await new Promise((r) => setTimeout(r, TTL_MS / 2));
      expect(polledBy('bot1', killedAt)).toEqual(new Set([survivor]));
      expect(polledBy('bot2', killedAt)).toEqual(new Set([survivor]));
      const takeover = Math.min(
        ...polls
          .filter((p) => p.pid === survivor && p.account === 'bot1' && p.at >= killedAt)
          .map((p) => p.at),
      );
      const lastByVictim = Math.max(...polls.filter((p) => p.pid === victim).map((p) => p.at));
      expect(lastByVictim).toBeLessThan(takeover);
    } finally {
      for (const child of children) if (child.pid) await stopPid(child.pid);
      await w.database.close();
    }
  }, 90_000);
});

describe('offer watchers while Redis is away', () => {
  it('stops watching before its lease could run out, and watches again once Redis is back', async () => {
    const w = await world('watch_outage');
    await w.accounts.update('bot2', { watch: false });
    const polls: StandInPoll[] = [];
    const gw = await startGateway({
      emulatorUrl: emulator.url,
      env: w.env,
      extras: { watcherFactory: standInWatchers((p) => polls.push(p)) },
    });
    try {
      const held = () => gw.app.services.offerWatchers.held();
      await waitFor('bot1 watched', () => held().includes('bot1'));
      await redisServer.kill();
      const lostAt = Date.now();
      // Nobody can renew or take leases now: the holder must not outlive its own.
      await waitFor('bot1 dropped', () => !held().includes('bot1'));
      expect(Date.now() - lostAt).toBeLessThan(TTL_MS + TTL_MS / 3);
      await redisServer.restart();
      await waitFor('bot1 watched again', () => held().includes('bot1'));
      const since = Date.now();
      await waitFor('bot1 polled again', () => polls.some((p) => p.account === 'bot1' && p.at >= since));
    } finally {
      await gw.close();
      await w.database.close();
    }
  }, 90_000);
});

describe("the trade library's watcher in the gateway", () => {
  it('publishes each offer event once for the allowed keys, again after a failed publish, never again after a restart', async () => {
    const w = await world('watch_library');
    await w.accounts.update('bot2', { watch: false });
    const env = { ...w.env, GAMESTASH_OFFER_POLL_INTERVAL_MS: '1000' };
    const published = new MemoryEventPublisher();
    const failedOnce = new Set<string>();
    // The first publish of each event fails: the watcher must hand it over again.
    const flaky = {
      async publish(event: PublishedEvent) {
        if (!failedOnce.has(event.id)) {
          failedOnce.add(event.id);
          throw new Error('the webhook store is away');
        }
        await published.publish(event);
      },
    };
    let gw: TestGateway | undefined = await startGateway({
      emulatorUrl: emulator.url,
      env,
      extras: { events: flaky },
    });
    try {
      await waitFor('bot1 watched', () => gw!.app.services.offerWatchers.held().includes('bot1'));
      const carol = emulator.steam.trade.session(CAROL);
      const [item] = await tradable(emulator.url, CAROL, 440, '2', 1, carol);
      const sent = await sendOffer(emulator.url, carol, {
        partner: ALICE,
        give: [item!],
        token: emulator.steam.trade.account(ALICE).token,
      });
      const offerId = sent.json.tradeofferid as string;
      const about = (type: string) =>
        published.events.filter(
          (e) => e.type === type && (e.data as { offerId: string }).offerId === offerId,
        );
      await waitFor('newOffer published', () => about('newOffer').length === 1);
      const event = about('newOffer')[0]!;
      expect(event).toMatchObject({
        account: 'bot1',
        id: `${ALICE}:${offerId}:2`,
        data: { event: 'newOffer', offer: { id: offerId, partner: CAROL } },
      });
      expect([...event.keyIds!].sort()).toEqual([w.keyIds.one, w.keyIds.all].sort());
      expect(failedOnce.has(event.id)).toBe(true);

      expect(emulator.steam.trade.accept(offerId).ok).toBe(true);
      await waitFor('receivedOfferChanged published', () => about('receivedOfferChanged').length === 1);
      expect(about('receivedOfferChanged')[0]!.data).toMatchObject({ oldState: 2, newState: 3 });

      // A restart reads the store: nothing already published is handed over again.
      const seen = new Set(published.events.map((e) => e.id));
      const again: PublishedEvent[] = [];
      await gw.close();
      gw = await startGateway({
        emulatorUrl: emulator.url,
        env,
        extras: { events: { publish: async (e) => void again.push(e) } },
      });
      await waitFor('bot1 watched again', () => gw!.app.services.offerWatchers.held().includes('bot1'));
      await new Promise((r) => setTimeout(r, 2_500));
      expect(again.filter((e) => seen.has(e.id))).toEqual([]);
    } finally {
      await gw?.close();
      await w.database.close();
    }
  }, 90_000);
});
