/**
 * @module steam/webapi/typed-answers
 * What the typed methods check before sending (app ids, counts) and read into their answers
 * after (visibility of a game list, `success: false` in playerstats).
 */
import { InvalidInputError, PrivateError, UpstreamError } from '../../core/errors.js';

/** `{"response":{}}` is a hidden list; a visible one always carries its count. */
export function visibleGames(answer: Record<string, unknown> | undefined, countField: string) {
  if (!answer || typeof answer[countField] !== 'number') return { visible: false, games: [] };
  return { visible: true, ...answer, games: (answer.games as unknown[] | undefined) ?? [] };
}

/** GetPlayerAchievements and GetUserStatsForGame can say `success: false` with a 200. */
export function checkPlayerstats(
  answer: { success?: boolean; error?: string } | undefined,
  method: string,
): void {
  if (answer?.success !== false) return;
  const reason = answer.error ?? 'no reason given';
  if (/not public/i.test(reason))
    throw new PrivateError(`the profile is not public (${method})`, { service: 'steam-webapi' });
  throw new UpstreamError(`Steam could not answer ${method}: ${reason}`, { service: 'steam-webapi' });
}

export function checkAppId(appid: number, parameter: string): void {
  if (!Number.isInteger(appid) || appid <= 0 || appid > 0xffffffff) {
    throw new InvalidInputError(
      `${parameter} ${String(appid)} is not an app id: give a positive whole number such as 440`,
      parameter,
    );
  }
}

export function checkCount(value: number, parameter: string): void {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    throw new InvalidInputError(`${parameter} ${String(value)} must be a whole number, 0 or more`, parameter);
  }
}
