/**
 * @module emulator/steam/webapi/scenario
 * What a scenario can say about the emulated Steam Web API: the per-key daily budget,
 * GetPlayerSummaries' sporadic 429s and injected 5xx faults. The accounts it serves come
 * from the Steam scenario's `users`.
 */
import { defined } from '../../../core/env.js';

export const WEB_API_FAULT_KINDS = ['status500', 'status503', 'eresultHeader', 'truncated'] as const;

export type WebApiFaultKind = (typeof WEB_API_FAULT_KINDS)[number];

/** Burst 429s: more than `requests` calls by one key within `windowMs` are refused. */
export interface WebApiBurstScenario {
  /** Calls allowed per window and key; 0 turns the burst limit off. */
  requests: number;
  windowMs: number;
}

/** What an `eresultHeader` fault answers (UPSTREAM.md: an `x-eresult` other than 1). */
export interface WebApiEResultFault {
  /** HTTP status of the answer: Steam sends both. */
  status: 200 | 500;
  eresult: number;
  /** Sent as `x-error_message`. */
  message: string;
}

export interface WebApiFaultScenario {
  /** Probability (0..1) that a Web API request gets a fault drawn from `kinds`. */
  rate: number;
  kinds: WebApiFaultKind[];
  seed: number;
  /** Forced faults by Web API request number (1-based, counted since start or reset). */
  script: Record<string, WebApiFaultKind>;
  eresult: WebApiEResultFault;
}

export interface SteamWebApiScenario {
  /** Calls per key and UTC day before 429s (the Steam Web API terms allow 100,000). */
  dailyBudget: number;
  /** UPSTREAM.md: GetPlayerSummaries answers sporadic 429s since about 2025-05. Off by default. */
  playerSummariesBurst: WebApiBurstScenario;
  faults: WebApiFaultScenario;
}

export type SteamWebApiScenarioInput = {
  dailyBudget?: number;
  playerSummariesBurst?: Partial<WebApiBurstScenario>;
  faults?: Partial<Omit<WebApiFaultScenario, 'eresult'>> & { eresult?: Partial<WebApiEResultFault> };
};

export function resolveWebApiScenario(input: SteamWebApiScenarioInput = {}): SteamWebApiScenario {
  const faults = input.faults ?? {};
  return {
    dailyBudget: input.dailyBudget ?? 100_000,
    playerSummariesBurst: { requests: 0, windowMs: 60_000, ...defined(input.playerSummariesBurst) },
    faults: {
      rate: faults.rate ?? 0,
      kinds: faults.kinds ?? ['status500', 'status503', 'eresultHeader', 'truncated'],
      seed: faults.seed ?? 1,
      script: faults.script ?? {},
      // EResult 20 = ServiceUnavailable: transient.
      eresult: { status: 500, eresult: 20, message: 'Service Unavailable', ...defined(faults.eresult) },
    },
  };
}
