/**
 * @module steam/trade/watch/channel
 * The hand-over between the watcher and the one `for await` loop reading it. A recorded event
 * counts as acknowledged when the loop asks for the next one (it has finished with this one);
 * until then the watcher waits, so a slow loop holds the watcher back rather than losing
 * events. Passing news (poll failures) goes through without waiting and without
 * acknowledgement. Ending the channel (stop, break) leaves the event in hand unacknowledged:
 * it is delivered again on the next start.
 */

const PASSING_NEWS_LIMIT = 100;

export class EventChannel<T> {
  private waiting: ((result: IteratorResult<T>) => void) | undefined;
  /** A recorded event handed over while the loop was busy. */
  private pending: { value: T; ack: (done: boolean) => void } | undefined;
  /** The acknowledgement of the recorded event the loop holds now. */
  private held: ((done: boolean) => void) | undefined;
  private readonly news: T[] = [];
  private ended = false;

  get isEnded(): boolean {
    return this.ended;
  }

  /** Hands a recorded event over; true once the loop is done with it, false if the channel ended first. */
  handOver(value: T): Promise<boolean> {
    if (this.ended) return Promise.resolve(false);
    return new Promise<boolean>((ack) => {
      const waiting = this.waiting;
      if (waiting) {
        this.waiting = undefined;
        this.held = ack;
        waiting({ value, done: false });
      } else {
        this.pending = { value, ack };
      }
    });
  }

  /** Passing news: to the loop now if it waits, else queued (the oldest dropped beyond a hundred). */
  tell(value: T): void {
    if (this.ended) return;
    const waiting = this.waiting;
    if (waiting) {
      this.waiting = undefined;
      waiting({ value, done: false });
      return;
    }
    this.news.push(value);
    if (this.news.length > PASSING_NEWS_LIMIT) this.news.shift();
  }

  next(): Promise<IteratorResult<T>> {
    // Asking for the next event acknowledges the last one.
    const held = this.held;
    this.held = undefined;
    held?.(true);
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    const news = this.news.shift();
    if (news !== undefined) return Promise.resolve({ value: news, done: false });
    const pending = this.pending;
    if (pending) {
      this.pending = undefined;
      this.held = pending.ack;
      return Promise.resolve({ value: pending.value, done: false });
    }
    return new Promise((resolve) => (this.waiting = resolve));
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.waiting?.({ value: undefined, done: true });
    this.waiting = undefined;
    this.pending?.ack(false);
    this.pending = undefined;
    this.held?.(false);
    this.held = undefined;
  }
}
