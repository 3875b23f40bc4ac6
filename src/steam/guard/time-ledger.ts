/**
 * @module steam/guard/time-ledger
 * Never the same confirmation time twice for an account (UPSTREAM.md: "don't reuse a
 * timestamp for two confirmation keys"; Steam refuses the second key). Each key's time is
 * claimed first in a store shared by every process that acts for the account (the database:
 * one of two racing claims of a second wins, the other moves on), starting at Steam's now
 * and moving to the next free second. One time serves one request whatever its tag, which is
 * stricter than Steam's per-tag rule and costs nothing. Like node-steamcommunity (which keeps
 * the last 60), old times are forgotten: each account keeps its newest 60 and any from the
 * last 10 minutes, well past anything Steam would still accept.
 */
import { sleep as defaultSleep } from '../../core/http/pacer.js';

export interface ConfirmationTimeStore {
  /** Records the time as used by the account; false when it was already (by any sharer of the store). */
  claim(steamid: string, time: number, tag: string, at: number): Promise<boolean>;
  /** The account's used times from `from` to `to` (Unix seconds, inclusive). */
  used(steamid: string, from: number, to: number): Promise<number[]>;
  /** Forgets the account's times older than `before`, but keeps its newest `keep`. */
  prune(steamid: string, before: number, keep: number): Promise<void>;
}

/** Times kept per account at least (node-steamcommunity keeps 60). */
export const KEEP_TIMES = 60;
/** Times younger than this (seconds) are kept whatever their number. */
export const KEEP_SECONDS = 600;

/** The store of one process: what a library user without a database gets. */
export class MemoryConfirmationTimeStore implements ConfirmationTimeStore {
  private readonly times = new Map<string, Set<number>>();

  async claim(steamid: string, time: number): Promise<boolean> {
    let set = this.times.get(steamid);
    if (!set) this.times.set(steamid, (set = new Set()));
    if (set.has(time)) return false;
    set.add(time);
    return true;
  }

  async used(steamid: string, from: number, to: number): Promise<number[]> {
    return [...(this.times.get(steamid) ?? [])].filter((t) => t >= from && t <= to).sort((a, b) => a - b);
  }

  async prune(steamid: string, before: number, keep: number): Promise<void> {
    const set = this.times.get(steamid);
    if (!set || set.size <= keep) return;
    const newest = [...set].sort((a, b) => b - a);
    const cutoff = Math.min(before, newest[keep - 1] ?? before);
    for (const time of set) if (time < cutoff) set.delete(time);
  }
}

/** One process-wide memory store, so that clients made separately in a process share it. */
export const processConfirmationTimes = new MemoryConfirmationTimeStore();

export interface ReserveOptions {
  /** Steam's time now, Unix seconds. */
  serverSeconds: () => Promise<number>;
  /** How far past Steam's now a time may be taken before waiting for the clock (default 30 s). */
  maxLeadSeconds?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal | undefined;
}

/** Claims the first free second from Steam's now on (waiting when the next seconds are all taken). */
export async function reserveConfirmationTime(
  store: ConfirmationTimeStore,
  steamid: string,
  tag: string,
  options: ReserveOptions,
): Promise<number> {
  const maxLead = options.maxLeadSeconds ?? 30;
  const sleep = options.sleep ?? defaultSleep;
  for (;;) {
    options.signal?.throwIfAborted();
    const now = await options.serverSeconds();
    const taken = new Set(await store.used(steamid, now, now + maxLead));
    for (let time = now; time <= now + maxLead; time++) {
      if (taken.has(time)) continue;
      if (await store.claim(steamid, time, tag, Date.now())) {
        await store.prune(steamid, now - KEEP_SECONDS, KEEP_TIMES);
        return time;
      }
      // Another process took it since: try the next second.
    }
    await sleep(1000, options.signal);
  }
}
