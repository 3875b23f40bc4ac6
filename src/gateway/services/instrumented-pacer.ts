/**
 * @module gateway/services/instrumented-pacer
 * Wraps whichever Pacer is in use (local or Redis) to report queue depth, pacing waits and
 * queue timeouts, without either implementation knowing about metrics.
 */
import { QueueTimeoutError } from '../../core/errors.js';
import type { Pacer } from '../../core/http/pacer.js';
import type { GatewayMetrics } from './metrics.js';

export function instrumentPacer(inner: Pacer, metrics: GatewayMetrics): Pacer {
  return {
    async acquire(key, intervalMs, options) {
      metrics.queueDepth.inc();
      const started = performance.now();
      try {
        await inner.acquire(key, intervalMs, options);
        metrics.pacingWait.observe((performance.now() - started) / 1000);
      } catch (error) {
        if (error instanceof QueueTimeoutError) metrics.pacingTimeouts.inc();
        throw error;
      } finally {
        metrics.queueDepth.dec();
      }
    },
    sent: (key, intervalMs) => inner.sent?.(key, intervalMs),
    penalize: (key, ms) => inner.penalize(key, ms),
    close: () => inner.close?.(),
  };
}
