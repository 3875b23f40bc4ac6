/**
 * @module steam/trade/watch/watcher
 * The offer watcher: one account's offers polled on a timer (poll.ts), then our stale offers
 * cancelled and accepted trades checked for reversals (housekeeping.ts), and the events
 * delivered from the store's outbox (outbox.ts) — to listeners (`watcher.on('newOffer', ...)`,
 * awaited when they return a promise) and to one `for await` loop (channel.ts).
 *
 * Exactly once across restarts, in the usual sense (at least once on the wire, with an id to
 * de-duplicate by): a poll records the offers' new states, their events and the cursor in one
 * transaction, so a crash before it leaves nothing done (the next poll sees the same changes
 * and makes the same ids) and a crash after it leaves the events in the outbox. An event
 * leaves the outbox only once every listener has returned (or its promise resolved) and the
 * loop has asked for the next one; on start, whatever is left is delivered first, in order.
 * A consumer that processed an event but crashed before that acknowledgement gets it again,
 * with the same id. Events are delivered only while someone consumes them (a listener for any
 * offer event, or a loop); until then they wait in the store.
 */
import { EventEmitter } from 'node:events';
import { InvalidInputError } from '../../../core/errors.js';
import { EventChannel } from './channel.js';
import {
  OFFER_EVENT_KINDS,
  type OfferEvent,
  type OfferWatcherEvents,
  type PollFailureEvent,
  type WatchEvent,
  type WatchWarningCode,
} from './events.js';
import { resolveWatchOptions, type OfferWatchOptions, type ResolvedWatchOptions } from './options.js';
import {
  describeFailure,
  pollOnce,
  successEvent,
  type PollContext,
  type PollOutcome,
  type WatchedTradeClient,
} from './poll.js';
import { housekeeping } from './housekeeping.js';
import { drainOutbox } from './outbox.js';
import type { OfferWatchStore } from './watch-store.js';

type EventArgs = { [K in keyof OfferWatcherEvents]: [OfferWatcherEvents[K]] };

/** A watcher of `trade`'s account (the same as `trade.watch(store, options)`). */
export function createOfferWatcher(
  trade: WatchedTradeClient,
  store: OfferWatchStore,
  options: OfferWatchOptions = {},
): OfferWatcher {
  return new OfferWatcher(trade, store, options);
}

export interface WatcherStatus {
  account: string;
  running: boolean;
  polls: number;
  failures: number;
  /** Offer events delivered by this watcher. */
  delivered: number;
  lastPollAt: number | undefined;
  lastFullPollAt: number | undefined;
}

export class OfferWatcher extends EventEmitter<EventArgs> implements AsyncIterable<WatchEvent> {
  /** The watched account (SteamID64). */
  readonly account: string;
  readonly options: ResolvedWatchOptions;
  private readonly abort = new AbortController();
  private chain: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private started = false;
  private stopping = false;
  private channel: EventChannel<WatchEvent> | undefined;
  private lastFullPollAt: number | undefined;
  private lastPollAt: number | undefined;
  private polls = 0;
  private failures = 0;
  private delivered = 0;
  private newsCount = 0;

  constructor(
    private readonly trade: WatchedTradeClient,
    private readonly store: OfferWatchStore,
    options: OfferWatchOptions = {},
  ) {
    super();
    this.options = resolveWatchOptions(options);
    const account = trade.me();
    if (!account) {
      throw new InvalidInputError(
        'watching offers needs a logged-in Steam session: set STEAM_COOKIES to your steamLoginSecure cookie',
        'STEAM_COOKIES',
      );
    }
    this.account = account;
    const signal = options.signal;
    if (signal) {
      const onAbort = () => {
        this.abort.abort(signal.reason);
        void this.stop();
      };
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    }
  }

  get running(): boolean {
    return this.started && !this.stopping;
  }

  status(): WatcherStatus {
    return {
      account: this.account,
      running: this.running,
      polls: this.polls,
      failures: this.failures,
      delivered: this.delivered,
      lastPollAt: this.lastPollAt,
      lastFullPollAt: this.lastFullPollAt,
    };
  }

  /** Starts polling: events left from an earlier run first, then a full poll at once, then every interval. */
  start(): this {
    if (this.stopping) throw new InvalidInputError('this watcher was stopped: create a new one', 'watcher');
    if (this.started) return this;
    this.started = true;
    void this.enqueue(false)
      .catch(() => undefined)
      .finally(() => this.schedule());
    return this;
  }

  /**
   * Stops: no new poll starts, the one in flight finishes (and is recorded), the loop reading
   * the watcher ends. Resolves once nothing is in flight.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.channel?.end();
    await this.chain;
  }

  /**
   * One poll now, after any in flight (`full` for a full one), with its cancels, reversal
   * checks and deliveries; resolves with the poll's outcome, or undefined when it failed
   * (`pollFailure` said why) or the watcher is stopped.
   */
  poll(options: { full?: boolean } = {}): Promise<PollOutcome | undefined> {
    return this.enqueue(options.full ?? false);
  }

  [Symbol.asyncIterator](): AsyncIterator<WatchEvent> {
    if (this.channel && !this.channel.isEnded) {
      throw new InvalidInputError('a watcher is read by one loop at a time', 'watcher');
    }
    const channel = new EventChannel<WatchEvent>();
    this.channel = channel;
    if (this.stopping) channel.end();
    else if (this.started) void this.enqueueDelivery();
    else this.start();
    return {
      next: () => channel.next(),
      return: async () => {
        // Leaving the loop stops the watcher; the event in hand stays unacknowledged.
        channel.end();
        await this.stop();
        return { value: undefined, done: true };
      },
    };
  }

  private enqueue(forceFull: boolean): Promise<PollOutcome | undefined> {
    const run = this.chain.then(() => this.cycle(forceFull));
    this.chain = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private enqueueDelivery(): void {
    const run = this.chain.then(() => this.safely('delivery_failed', () => this.deliver()));
    this.chain = run.then(
      () => undefined,
      () => undefined,
    );
  }

  private schedule(): void {
    if (this.stopping || !this.started) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.enqueue(false)
        .catch(() => undefined)
        .finally(() => this.schedule());
    }, this.options.intervalMs);
  }

  private context(): PollContext {
    return {
      trade: this.trade,
      store: this.store,
      account: this.account,
      options: this.options,
      signal: this.abort.signal,
    };
  }

  private async cycle(forceFull: boolean): Promise<PollOutcome | undefined> {
    if (this.stopping) return undefined;
    await this.safely('delivery_failed', () => this.deliver());
    if (this.stopping) return undefined;
    const now = this.options.now();
    const full =
      forceFull ||
      this.lastFullPollAt === undefined ||
      now - this.lastFullPollAt >= this.options.fullPollIntervalMs;
    const ctx = this.context();
    let outcome: PollOutcome;
    try {
      this.polls++;
      this.lastPollAt = now;
      outcome = await pollOnce(ctx, full);
    } catch (error) {
      if (this.abort.signal.aborted) return undefined;
      this.failures++;
      this.pollFailure(full, error);
      return undefined;
    }
    if (full) this.lastFullPollAt = now;
    for (const warning of outcome.warnings)
      this.warn('impossible_transition', warning.message, warning.offerId);
    this.news('pollSuccess', successEvent(outcome, this.newsId('poll'), now));
    if (!this.stopping) {
      await this.safely('housekeeping_failed', async () => {
        const warnings = await housekeeping(ctx, outcome, () => this.stopping);
        for (const { code, message, offerId } of warnings) this.warn(code, message, offerId);
      });
    }
    if (!this.stopping) await this.safely('delivery_failed', () => this.deliver());
    return outcome;
  }

  /**
   * Runs work that may fail on the store (or a listener's side effects): a failure is a
   * warning, and whatever it left undone is done by a later round (nothing was acknowledged).
   */
  private async safely(code: WatchWarningCode, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (!this.abort.signal.aborted) this.warn(code, (error as Error).message);
    }
  }

  private hasConsumer(): boolean {
    if (this.channel && !this.channel.isEnded) return true;
    return ['event', ...OFFER_EVENT_KINDS].some((kind) => this.listenerCount(kind as keyof EventArgs) > 0);
  }

  /** Delivers the outbox, oldest first, stopping at the first event nobody could take. */
  private async deliver(): Promise<void> {
    this.delivered += await drainOutbox({
      store: this.store,
      account: this.account,
      now: this.options.now,
      open: () => !this.stopping && this.hasConsumer(),
      dispatch: (event) => this.dispatch(event),
    });
  }

  private async dispatch(event: OfferEvent): Promise<boolean> {
    try {
      for (const name of [event.event, 'event'] as const) {
        for (const listener of this.rawListeners(name))
          await (listener as (e: OfferEvent) => unknown).call(this, event);
      }
    } catch (error) {
      this.warn(
        'listener_failed',
        `a listener failed on ${event.id}: ${(error as Error).message}; it will be delivered again`,
        event.offerId,
      );
      return false;
    }
    const channel = this.channel;
    if (channel && !channel.isEnded) return channel.handOver(event);
    return true;
  }

  private pollFailure(full: boolean, error: unknown): void {
    const event: PollFailureEvent = {
      event: 'pollFailure',
      id: this.newsId('poll'),
      account: this.account,
      at: new Date(this.options.now()).toISOString(),
      full,
      error: describeFailure(error),
    };
    this.news('pollFailure', event);
    this.channel?.tell(event);
  }

  private warn(code: WatchWarningCode, message: string, offerId?: string): void {
    this.news('warning', {
      event: 'warning',
      id: this.newsId('warning'),
      account: this.account,
      at: new Date(this.options.now()).toISOString(),
      code,
      message,
      ...(offerId ? { offerId } : {}),
    });
  }

  /** Passing news to listeners; a listener's failure is not the watcher's. */
  private news<K extends 'pollSuccess' | 'pollFailure' | 'warning'>(
    kind: K,
    event: OfferWatcherEvents[K],
  ): void {
    for (const listener of this.rawListeners(kind)) {
      try {
        const result = (listener as (e: OfferWatcherEvents[K]) => unknown).call(this, event);
        if (result instanceof Promise) result.catch(() => undefined);
      } catch {
        // Nothing to do: passing news is not redelivered.
      }
    }
  }

  private newsId(what: string): string {
    return `${this.account}:${what}:${this.options.now()}:${++this.newsCount}`;
  }
}
