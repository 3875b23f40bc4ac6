/**
 * The offer watcher's integration tests' world: the trade client world (one emulator per
 * test file, trade clients logged in as its accounts), plus a real SQLite store per test
 * that can be closed and reopened (a restart), watchers on the emulator's trade clock with
 * sessions that outlive the clock jumps, and a recorder of what a watcher said.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { MintedSession } from '../src/emulator/index.js';
import type { TradeTuning } from '../src/steam/trade/context.js';
import type { OfferEvent, PollFailureEvent, WatchWarningEvent } from '../src/steam/trade/watch/events.js';
import type { OfferWatchOptions } from '../src/steam/trade/watch/options.js';
import { OfferWatcher } from '../src/steam/trade/watch/watcher.js';
import type { OfferWatchStore } from '../src/steam/trade/watch/watch-store.js';
import { openDatabase, type StoreDatabase } from '../src/store/database.js';
import { OfferWatchStoreDb } from '../src/store/offer-watch.js';
import { tradeClientWorld, TRADE_PEOPLE } from './trade-client-world.js';
import type { SteamScenarioInput } from '../src/emulator/steam/scenario.js';

export const DAY = 86_400_000;
export const MINUTE = 60_000;
/** Sessions that outlive every clock jump of a test. */
const LONG_SESSION_S = 60 * 86_400;
/** A glitched list fails the poll at once instead of being read again. */
export const NO_REREAD: Partial<TradeTuning> = { readAttempts: 1, readRetryDelayMs: 5 };

export interface WatchStore {
  store: OfferWatchStore;
  database: StoreDatabase;
  path: string;
  /** Closes the database and opens it again (what a restarted process sees). */
  reopen(): Promise<WatchStore>;
}

export function watchWorld(steam: SteamScenarioInput = TRADE_PEOPLE) {
  const base = tradeClientWorld(steam);
  const dirs: string[] = [];
  const databases: StoreDatabase[] = [];
  afterAll(async () => {
    await Promise.all(databases.map((db) => db.close()));
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  async function open(path: string): Promise<WatchStore> {
    const database = await openDatabase({ sqlitePath: path });
    databases.push(database);
    return {
      store: new OfferWatchStoreDb(database.db),
      database,
      path,
      async reopen() {
        await database.close();
        return open(path);
      },
    };
  }

  /** A fresh SQLite store for one test. */
  async function watchStore(): Promise<WatchStore> {
    const dir = await mkdtemp(join(tmpdir(), 'gamestash-watch-'));
    dirs.push(dir);
    return open(join(dir, 'gamestash.sqlite'));
  }

  /** A session for `steamid` that stays valid through the test's clock jumps. */
  function longSession(steamid: string): MintedSession {
    return base.trade().session(steamid, LONG_SESSION_S);
  }

  /**
   * A trade client for `steamid` and a watcher of it on the emulator's clock; polls happen
   * when the test calls `poll()` unless `intervalMs` says otherwise.
   */
  function watcher(
    steamid: string,
    store: OfferWatchStore,
    options: OfferWatchOptions = {},
    tuning: Partial<TradeTuning> = NO_REREAD,
  ) {
    const client = base.client(steamid, { session: longSession(steamid), tuning });
    const watcher = new OfferWatcher(client.client, store, {
      intervalMs: 3_600_000,
      fullPollIntervalMs: 3_600_000,
      now: () => base.trade().now(),
      ...options,
    });
    return { ...client, watcher };
  }

  return { ...base, watchStore, watcher, longSession };
}

/** Everything a watcher says, by kind, in order. */
export function record(watcher: OfferWatcher) {
  const events: OfferEvent[] = [];
  const failures: PollFailureEvent[] = [];
  const warnings: WatchWarningEvent[] = [];
  watcher.on('event', (event) => void events.push(event));
  watcher.on('pollFailure', (event) => void failures.push(event));
  watcher.on('warning', (event) => void warnings.push(event));
  return {
    events,
    failures,
    warnings,
    /** The events about these offers, as `[kind, offer id, old state, new state]`. */
    about(ids: readonly string[]) {
      return events
        .filter((event) => ids.includes(event.offerId))
        .map((event) => [
          event.event,
          event.offerId,
          'oldState' in event ? event.oldState : undefined,
          'newState' in event ? event.newState : event.offer.state,
        ]);
    },
  };
}

/** Waits until `check` holds (polling every 10 ms), or fails after `ms`. */
export async function until(check: () => boolean, ms = 10_000, what = 'the condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
