/**
 * @module emulator/steam/trade/faults
 * Injected trade failures (sends, and GetTradeOffers calls), decided three ways: the next N
 * requests from a queue a test fills through the control endpoint, the scenario's script by
 * request number, or a seeded draw at the configured rate. All are counted by kind.
 */
import { SeededFaults } from '../faults.js';
import type { TradeFaultPlan } from './scenario.js';

export class TradeFaults<K extends string> {
  private readonly plan: TradeFaultPlan<K>;
  private readonly seeded: SeededFaults<K>;
  private queue: K[] = [];
  private requests = 0;

  constructor(
    private readonly configured: TradeFaultPlan<K>,
    allKinds: readonly K[],
  ) {
    this.plan = copyPlan(configured);
    this.seeded = new SeededFaults(this.plan, allKinds);
  }

  /** The fault for the next request, if any. */
  pick(): K | undefined {
    const n = ++this.requests;
    const queued = this.queue.shift();
    if (queued === undefined) return this.seeded.pick(n);
    this.seeded.injected[queued]++;
    return queued;
  }

  /** Faults for the next requests, in order, before any drawn or scripted one. */
  enqueue(kinds: K[]): void {
    this.queue.push(...kinds);
  }

  /** Changes the rate, kinds, seed or script while running (reset restores the scenario's). */
  configure(patch: Partial<TradeFaultPlan<K>>): void {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) (this.plan as unknown as Record<string, unknown>)[key] = value;
    }
  }

  get injected(): Record<K, number> {
    return { ...this.seeded.injected };
  }

  describe(): TradeFaultPlan<K> & { queued: K[]; requests: number } {
    return { ...copyPlan(this.plan), queued: [...this.queue], requests: this.requests };
  }

  reset(): void {
    Object.assign(this.plan, copyPlan(this.configured));
    this.queue = [];
    this.requests = 0;
    this.seeded.reset();
  }
}

function copyPlan<K extends string>(plan: TradeFaultPlan<K>): TradeFaultPlan<K> {
  return { rate: plan.rate, kinds: [...plan.kinds], seed: plan.seed, script: { ...plan.script } };
}
