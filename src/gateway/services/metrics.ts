/**
 * @module gateway/services/metrics
 * Prometheus metrics, in a registry of the app's own (several apps can live in one process,
 * as in tests). Upstream figures come from the HttpClient hooks and the pacer wrapper, so
 * they count every request Steam really saw, retries included.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { HttpHooks } from '../../core/http/client.js';

const LATENCY_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

export class GatewayMetrics {
  readonly registry = new Registry();
  readonly httpRequests = new Counter({
    name: 'gamestash_http_requests_total',
    help: 'Requests answered by the gateway, by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: 'gamestash_http_request_duration_seconds',
    help: 'Time to answer, by route',
    labelNames: ['method', 'route'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly cacheLookups = new Counter({
    name: 'gamestash_cache_lookups_total',
    help: 'Inventory cache lookups: hit, miss, stale (served while revalidating) or stale_error (served because upstream failed)',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });
  readonly webApiCacheLookups = new Counter({
    name: 'gamestash_webapi_cache_lookups_total',
    help: 'Steam Web API cache lookups by method family (players, apps, list, live): hit, miss, or uncached (never cached)',
    labelNames: ['family', 'result'] as const,
    registers: [this.registry],
  });
  readonly coalesced = new Counter({
    name: 'gamestash_cache_coalesced_total',
    help: 'Requests that joined an upstream fetch already in flight instead of starting one',
    registers: [this.registry],
  });
  readonly upstreamRequests = new Counter({
    name: 'gamestash_upstream_requests_total',
    help: 'Requests sent upstream, by service and HTTP status ("none" when no answer came)',
    labelNames: ['service', 'status', 'route'] as const,
    registers: [this.registry],
  });
  readonly upstreamDuration = new Histogram({
    name: 'gamestash_upstream_request_duration_seconds',
    help: 'Upstream request time (pacing wait included), by service',
    labelNames: ['service'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly upstreamRetries = new Counter({
    name: 'gamestash_upstream_retries_total',
    help: 'Upstream requests retried after a retryable failure',
    labelNames: ['service'] as const,
    registers: [this.registry],
  });
  readonly queueDepth = new Gauge({
    name: 'gamestash_upstream_queue_depth',
    help: 'Upstream requests waiting for a pacing slot in this instance',
    registers: [this.registry],
  });
  readonly pacingWait = new Histogram({
    name: 'gamestash_upstream_pacing_wait_seconds',
    help: 'Time spent waiting for an upstream slot (rate-limit pacing)',
    buckets: [0, 0.01, 0.05, 0.1, 0.5, 1, 2, 4, 8, 16, 32, 64],
    registers: [this.registry],
  });
  readonly pacingTimeouts = new Counter({
    name: 'gamestash_upstream_pacing_timeouts_total',
    help: 'Requests refused because their upstream slot was further away than the queue timeout',
    registers: [this.registry],
  });
  readonly quotaRejections = new Counter({
    name: 'gamestash_quota_rejections_total',
    help: 'Requests refused with 429 because the API key was over its quota',
    registers: [this.registry],
  });

  readonly webhookAttempts = new Counter({
    name: 'gamestash_webhook_attempts_total',
    help: 'Webhook delivery attempts by outcome: delivered, retry (failed, tried again later) or failed (given up)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly watchPolls = new Counter({
    name: 'gamestash_watch_polls_total',
    help: 'Polls of watched inventories by result: unchanged, changed, baseline (first snapshot) or error',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics ?? true)
      collectDefaultMetrics({ register: this.registry, prefix: 'gamestash_' });
  }

  httpHooks(): HttpHooks {
    return {
      onResponse: (info) => {
        this.upstreamRequests.inc({
          service: info.service,
          status: String(info.status ?? 'none'),
          route: info.route,
        });
        this.upstreamDuration.observe({ service: info.service }, info.durationMs / 1000);
      },
      onRetry: (info) => this.upstreamRetries.inc({ service: info.service }),
    };
  }
}
