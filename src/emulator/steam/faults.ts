/**
 * @module emulator/steam/faults
 * Injected failures for inventory requests, each one a way Steam really fails
 * (UPSTREAM.md): EResult 500s, hangs, cut-off bodies, `success: false` with HTTP 200, and
 * redirects to the login page when the session is gone. Which request fails is a pure
 * function of (seed, request number), or forced by the scenario's `script`.
 */
import type { EmulatorReply, EmulatorRequest } from '../types.js';
import { hash32, mix32 } from './random.js';
import { STEAM_FAULT_KINDS, type SteamFaultKind, type SteamFaultScenario } from './scenario.js';

export const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

/** UPSTREAM.md: `{"error": "EYldRefreshAppIfNecessary failed with EResult 55"}`; the number is an EResult. */
export function eresultReply(eresult: number): EmulatorReply {
  return { status: 500, body: { error: `EYldRefreshAppIfNecessary failed with EResult ${eresult}` } };
}

/** Which numbered request fails, and how: the same for any set of fault kinds. */
export interface FaultPlan<K extends string> {
  rate: number;
  kinds: K[];
  seed: number;
  script: Record<string, K>;
}

export class SeededFaults<K extends string> {
  readonly injected: Record<K, number>;

  constructor(
    private readonly config: FaultPlan<K>,
    private readonly allKinds: readonly K[],
  ) {
    this.injected = emptyCounts(allKinds);
  }

  /** The fault for request number `n` (1-based), if any. */
  pick(n: number): K | undefined {
    const kind = this.config.script[String(n)] ?? this.draw(n);
    if (kind) this.injected[kind]++;
    return kind;
  }

  private draw(n: number): K | undefined {
    const { rate, kinds, seed } = this.config;
    if (rate <= 0 || kinds.length === 0) return undefined;
    const roll = mix32(seed ^ mix32(n)) / 4294967296;
    if (roll >= rate) return undefined;
    return kinds[hash32(`${seed}:${n}`) % kinds.length];
  }

  reset(): void {
    Object.assign(this.injected, emptyCounts(this.allKinds));
  }
}

/** Inventory faults (the scenario's `faults`). */
export class FaultInjector extends SeededFaults<SteamFaultKind> {
  constructor(config: SteamFaultScenario) {
    super(config, STEAM_FAULT_KINDS);
  }
}

function emptyCounts<K extends string>(kinds: readonly K[]): Record<K, number> {
  return Object.fromEntries(kinds.map((kind) => [kind, 0])) as Record<K, number>;
}

/**
 * The reply for a fault. `normal` is what the request would have got (for `truncated`).
 * `timeout` never settles: the socket stays open until the client gives up or the
 * emulator closes (server.close() destroys open connections).
 */
export function faultReply(
  kind: SteamFaultKind,
  req: EmulatorRequest,
  normal: () => EmulatorReply,
): EmulatorReply | Promise<never> {
  switch (kind) {
    case 'eresult500':
      return eresultReply(55);
    case 'eresult20':
      // EResult 20 = ServiceUnavailable: transient, retry with backoff (UPSTREAM.md).
      return eresultReply(20);
    case 'timeout':
      return new Promise<never>(() => undefined);
    case 'truncated': {
      const reply = normal();
      const body = reply.body;
      const text =
        typeof body === 'string'
          ? body
          : Buffer.isBuffer(body)
            ? body.toString('utf8')
            : JSON.stringify(body ?? null);
      return { status: 200, headers: JSON_HEADERS, body: text.slice(0, Math.floor(text.length / 2)) };
    }
    case 'successFalse':
      // UPSTREAM.md: `success: false` with an `Error` string is possible with HTTP 200.
      return { status: 200, body: { success: false, Error: 'Failed to load inventory' } };
    case 'loginRedirect': {
      // UPSTREAM.md: a redirect to /login means the session cookies have expired.
      const base = `http://${req.headers.host ?? 'steamcommunity.com'}`;
      const goto = encodeURIComponent(`${req.url.pathname.slice(1)}${req.url.search}`);
      return { status: 302, headers: { location: `${base}/login/home/?goto=${goto}` }, body: '' };
    }
  }
}
