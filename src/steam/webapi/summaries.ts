/**
 * @module steam/webapi/summaries
 * ISteamUser/GetPlayerSummaries/v2 for any number of players: Steam takes up to 100 ids per
 * request (seed 004), so the ids are checked, de-duplicated and sent in chunks of 100, a few
 * chunks at a time. Bad ids, and more than 100,000 of them, fail before any request.
 */
import { InvalidInputError } from '../../core/errors.js';
import { callTyped, type WebApiCallOptions, type WebApiContext } from './call.js';
import { WEBAPI_METHODS } from './methods.js';
import type { PlayerSummaries, PlayerSummary } from './types.js';

/** Steam's own limit per request (seed 004: "Up to 100 Steam IDs can be requested"). */
export const SUMMARIES_PER_REQUEST = 100;

/** 1,000 requests: a day's key budget is 100,000 calls (UPSTREAM.md), so more is a mistake. */
export const MAX_SUMMARY_IDS = 100_000;

/** Refuses an empty or oversized list before anything is parsed or sent. */
export function checkSummaryCount(count: number): void {
  if (count === 0) throw new InvalidInputError('give at least one steamid', 'steamids');
  if (count > MAX_SUMMARY_IDS) {
    throw new InvalidInputError(
      `${count.toLocaleString('en-US')} ids is more than ${MAX_SUMMARY_IDS.toLocaleString('en-US')} (1,000 requests of 100): split the list`,
      'steamids',
    );
  }
}

/**
 * Summaries for SteamID64s (already checked), chunked by 100, `concurrency` requests at once.
 * Players come back in the order asked; ids Steam does not know are simply absent, as in
 * Steam's own answer.
 */
export async function fetchPlayerSummaries(
  ctx: WebApiContext,
  steamids: readonly string[],
  options: WebApiCallOptions & { concurrency?: number } = {},
): Promise<PlayerSummaries> {
  const { concurrency = 4, ...callOptions } = options;
  const unique = [...new Set(steamids)];
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += SUMMARIES_PER_REQUEST) {
    chunks.push(unique.slice(i, i + SUMMARIES_PER_REQUEST));
  }
  const results: PlayerSummary[][] = new Array(chunks.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (next < chunks.length && !failed) {
      const index = next++;
      try {
        const answer = await callTyped<Partial<PlayerSummaries>>(
          ctx,
          WEBAPI_METHODS.getPlayerSummaries,
          { steamids: chunks[index]!.join(',') },
          callOptions,
        );
        results[index] = answer?.players ?? [];
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  // One failure fails the whole call (a partial list is never returned as complete); the
  // other workers stop taking chunks once it is thrown.
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, chunks.length)) }, worker));
  const order = new Map(unique.map((id, i) => [id, i]));
  const players = results.flat();
  players.sort((a, b) => (order.get(a.steamid) ?? Infinity) - (order.get(b.steamid) ?? Infinity));
  return { players };
}
