/**
 * @module core/http/routes
 * Egress routes: the direct connection or one route per proxy from GAMESTASH_PROXIES.
 * Pacing is per upstream host *per route*, because rate limits are per egress IP.
 */
import { Agent, ProxyAgent, type Dispatcher } from 'undici';
import { redactUrl } from './redact.js';

export interface EgressRoute {
  /** Stable, secret-free id: `direct` or the proxy URL with credentials redacted. */
  id: string;
  dispatcher: Dispatcher;
}

const KEEP_ALIVE = { keepAliveTimeout: 30_000, keepAliveMaxTimeout: 600_000, connections: 16 };

export function createRoutes(options: { dispatcher?: Dispatcher; proxies?: string[] }): EgressRoute[] {
  if (options.dispatcher) return [{ id: 'direct', dispatcher: options.dispatcher }];
  if (options.proxies && options.proxies.length > 0) {
    return options.proxies.map((uri) => ({
      id: redactUrl(uri),
      dispatcher: new ProxyAgent({ uri, ...KEEP_ALIVE }),
    }));
  }
  return [{ id: 'direct', dispatcher: new Agent(KEEP_ALIVE) }];
}

/** Hands out routes in turn, skipping any benched one while another is free. */
export class RoutePool {
  private next = 0;
  private readonly benchedUntil = new Map<string, number>();

  constructor(readonly routes: EgressRoute[]) {
    if (routes.length === 0) throw new Error('RoutePool needs at least one route');
  }

  pick(now = Date.now()): EgressRoute {
    for (let i = 0; i < this.routes.length; i++) {
      const route = this.routes[(this.next + i) % this.routes.length]!;
      if ((this.benchedUntil.get(route.id) ?? 0) <= now) {
        this.next = (this.next + i + 1) % this.routes.length;
        return route;
      }
    }
    // Every route is benched: use the one that comes back first rather than failing.
    return [...this.routes].sort(
      (a, b) => (this.benchedUntil.get(a.id) ?? 0) - (this.benchedUntil.get(b.id) ?? 0),
    )[0]!;
  }

  bench(routeId: string, ms: number, now = Date.now()): void {
    this.benchedUntil.set(routeId, Math.max(this.benchedUntil.get(routeId) ?? 0, now + ms));
  }

  async close(): Promise<void> {
    await Promise.all(this.routes.map((r) => r.dispatcher.close()));
  }
}
