/**
 * @module gateway/services/event-publisher
 * Where event sources (the offer watchers) hand their events: the webhook service's
 * `publish`, which is durable once it resolves and idempotent per event id. Until webhooks
 * are configured, events are kept in memory (the newest few thousand), which is also what
 * tests read.
 */

/** An event as a source publishes it; the webhook service adds the time and fans it out. */
export interface PublishedEvent {
  /** The event's name, e.g. `newOffer`, `receivedOfferChanged`, `pollFailure`. */
  type: string;
  /** Stable: the same across retries, restarts and instances (receivers de-duplicate on it). */
  id: string;
  /** Keys whose webhooks may receive it; undefined: every key subscribed to the account. */
  keyIds?: readonly string[] | undefined;
  /** The account (its name) the event is about. */
  account?: string | undefined;
  data: unknown;
}

export interface EventPublisher {
  /** Resolves once the event is safely handed over; a rejection means "publish it again later". */
  publish(event: PublishedEvent): Promise<void>;
}

/** Keeps the newest events in memory, once per id. */
export class MemoryEventPublisher implements EventPublisher {
  readonly events: PublishedEvent[] = [];
  private readonly ids = new Set<string>();

  constructor(private readonly max = 5_000) {}

  async publish(event: PublishedEvent): Promise<void> {
    if (this.ids.has(event.id)) return;
    this.ids.add(event.id);
    this.events.push(event);
    while (this.events.length > this.max) this.ids.delete(this.events.shift()!.id);
  }
}
