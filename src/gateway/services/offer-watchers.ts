/**
 * @module gateway/services/offer-watchers
 * One offer watcher per watched account across all gateway instances. Every instance looks
 * at the registered accounts every third of the lease (`GAMESTASH_WATCH_LOCK_TTL_MS`); an
 * account is watched by the instance holding its lease (lease-lock.ts: Redis when
 * configured, this process otherwise), which renews it while it runs and releases it on
 * shutdown. An instance that dies stops renewing: another takes the account over within a
 * lease and a tick. A watcher whose lease is lost (Redis gave it to another after an outage)
 * is stopped at once; while Redis does not answer, a holder keeps its watcher until its lease
 * would have run out by its own clock, and no instance takes a new one.
 *
 * The watchers' events go to the event publisher (the webhook service), for the keys allowed
 * the account with `offers:read`. The watcher (the trade library's) keeps its state in the
 * store and hands an event over again until publishing it succeeded, so a crash or a lost
 * lease between the two loses nothing; the receiver de-duplicates by the event's stable id.
 * An account whose watcher cannot start (its session expired, its secrets unreadable) is
 * left until `accounts update` changes it.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { SteamAccountRecord } from '../../store/steam-accounts.js';
import { GatewayProblem } from '../problem.js';
import type { EventPublisher } from './event-publisher.js';
import type { LeaseLock } from './lease-lock.js';
import type { TradingAccount, TradingService } from './trading.js';

/** An event as the watcher announces it (docs/trading.md, "Watching for changes"). */
export interface WatchedEvent {
  /** `newOffer`, `sentOfferChanged`, `receivedOfferChanged`, `offerReverted`, `pollFailure`, ... */
  event: string;
  /** Stable across restarts and instances. */
  id: string;
}

/** What the gateway needs of a watcher: the trade library's OfferWatcher, adapted. */
export interface AccountWatcher {
  /** Every offer event, awaited: a listener that throws hears the event again later. */
  onEvent(listener: (event: WatchedEvent) => Promise<void>): void;
  /** Polls that failed (passing news: not repeated). */
  onPollFailure(listener: (event: WatchedEvent) => void): void;
  start(): void;
  /** Stops polling; resolves once nothing is in flight. */
  stop(): Promise<void>;
}

export type AccountWatcherFactory = (account: TradingAccount) => AccountWatcher;

export interface OfferWatchersOptions {
  trading: TradingService;
  lock: LeaseLock;
  publisher: EventPublisher;
  /** Builds an account's watcher. */
  factory: AccountWatcherFactory;
  /** How often accounts are looked at and leases renewed (a third of the lease). */
  tickMs: number;
  log: FastifyBaseLogger;
}

interface Running {
  record: SteamAccountRecord;
  lease: string;
  watcher: AccountWatcher;
  renewedAt: number;
}

/** The lease's name: by SteamID, so one account is one watcher whatever it is called. */
export const leaseName = (steamid: string) => `gamestash:offer-watch:${steamid}`;

export class OfferWatchers {
  private readonly running = new Map<string, Running>();
  /** Accounts that could not start, by name: skipped until changed, or until `retryAt`. */
  private readonly failed = new Map<string, { updatedAt: number; retryAt: number }>();
  private readonly said = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private tick: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly options: OfferWatchersOptions) {}

  /** Starts looking at the accounts now and every tick. */
  start(): void {
    if (this.closed || this.timer) return;
    const loop = () => {
      this.tick = this.tick
        .then(() => this.look())
        .catch((err: unknown) =>
          this.options.log.error({ err }, 'offer watchers: a look at the accounts failed'),
        );
      void this.tick.then(() => {
        if (!this.closed) {
          this.timer = setTimeout(loop, this.options.tickMs);
          this.timer.unref();
        }
      });
    };
    this.timer = setTimeout(loop, 0);
    this.timer.unref();
  }

  /** Who this instance is to the lease lock (what a lease it holds contains). */
  get owner(): string {
    return this.options.lock.owner;
  }

  /** Account names watched by this instance now. */
  held(): string[] {
    return [...this.running.keys()].sort();
  }

  /** Stops every watcher here and releases its lease, so another instance takes it at once. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.tick;
    await Promise.all([...this.running.keys()].map((name) => this.stopOne(name, true, 'shutting down')));
  }

  /** One look: renew what runs here, drop what changed, then take the leases nobody holds. */
  private async look(): Promise<void> {
    const { trading, lock, log } = this.options;
    // Leases first: a slow store must not delay a renewal past the lease.
    const now = Date.now();
    for (const [name, run] of [...this.running]) {
      const outcome = await lock.renew(run.lease);
      if (outcome === 'renewed') run.renewedAt = now;
      // Unanswered: stop a tick before the lease can run out, so no other instance starts first.
      else if (outcome === 'lost' || now - run.renewedAt >= lock.ttlMs - this.options.tickMs) {
        await this.stopOne(
          name,
          false,
          outcome === 'lost'
            ? 'its lease went to another instance'
            : 'its lease ran out while Redis was away',
        );
      }
    }
    let wanted: Map<string, SteamAccountRecord> | undefined;
    try {
      wanted = new Map((await trading.accounts.list()).filter((a) => a.watch).map((a) => [a.name, a]));
    } catch (err) {
      // The store is away: keep what runs (its leases renewed), start nothing new.
      log.warn({ err: (err as Error).message }, 'offer watchers: cannot list the accounts now');
      return;
    }
    for (const [name, run] of [...this.running]) {
      const current = wanted.get(name);
      if (!current || current.updatedAt !== run.record.updatedAt)
        await this.stopOne(name, true, current ? 'the account changed' : 'no longer watched');
    }
    if (this.closed) return;
    const pending = [...wanted.values()].filter((a) => !this.running.has(a.name));
    if (pending.length === 0) return;
    if (trading.unavailableReason)
      return this.sayOnce('key', `offer watchers cannot start: ${trading.unavailableReason}`);
    if (!this.options.factory)
      return this.sayOnce(
        'factory',
        'offer watchers are not available in this build: accounts are not watched',
      );
    for (const record of pending) {
      const failed = this.failed.get(record.name);
      if (failed && failed.updatedAt === record.updatedAt && failed.retryAt > Date.now()) continue;
      const lease = leaseName(record.steamid);
      if (!(await lock.acquire(lease))) continue;
      if (this.closed) {
        await lock.release(lease);
        return;
      }
      try {
        await this.startOne(record, lease);
        this.failed.delete(record.name);
      } catch (error) {
        await lock.release(lease);
        // An account the operator must fix waits for `accounts update`; anything else, a lease.
        const permanent = error instanceof GatewayProblem;
        this.failed.set(record.name, {
          updatedAt: record.updatedAt,
          retryAt: permanent ? Infinity : Date.now() + Math.min(lock.ttlMs, 60_000),
        });
        log.warn(
          { account: record.name, err: (error as Error).message },
          `offer watcher for "${record.name}" did not start: ${(error as Error).message}`,
        );
      }
    }
  }

  private async startOne(record: SteamAccountRecord, lease: string): Promise<void> {
    const { trading, publisher, log } = this.options;
    const account = await trading.open(record);
    const watcher = this.options.factory(account);
    const publish = async (event: WatchedEvent) =>
      publisher.publish({
        type: event.event,
        id: event.id,
        account: record.name,
        keyIds: await trading.keysFor(record.name, 'offers:read'),
        data: event,
      });
    watcher.onEvent(publish);
    watcher.onPollFailure((event) => {
      publish(gatewayWords(event, record.name)).catch((err: unknown) =>
        log.warn({ account: record.name, err: (err as Error).message }, 'could not publish a poll failure'),
      );
    });
    watcher.start();
    this.running.set(record.name, { record, lease, watcher, renewedAt: Date.now() });
    log.info(
      { account: record.name, owner: this.options.lock.owner },
      `watching the offers of "${record.name}" on this instance`,
    );
  }

  private async stopOne(name: string, release: boolean, why: string): Promise<void> {
    const run = this.running.get(name);
    if (!run) return;
    this.running.delete(name);
    await run.watcher
      .stop()
      .catch((err: unknown) =>
        this.options.log.warn({ account: name, err }, 'an offer watcher did not stop cleanly'),
      );
    if (release) await this.options.lock.release(run.lease);
    this.options.log.info({ account: name }, `stopped watching the offers of "${name}" here: ${why}`);
  }

  private sayOnce(what: string, message: string): void {
    if (this.said.has(what)) return;
    this.said.add(what);
    this.options.log.warn(message);
  }
}

/**
 * A poll failure as the gateway's receivers should read it: the library's advice for an
 * expired session (set STEAM_COOKIES) is the CLI's; behind the gateway, the operator renews
 * the account with `gamestash accounts update`.
 */
function gatewayWords(event: WatchedEvent, account: string): WatchedEvent {
  const { error } = event as WatchedEvent & { error?: { kind?: string } };
  if (error?.kind !== 'session_expired') return event;
  const message = `the Steam session of account "${account}" is no longer accepted by Steam: the gateway's operator must give it fresh cookies (\`gamestash accounts update --name ${account}\`)`;
  return { ...event, error: { ...error, message } } as WatchedEvent;
}
