/**
 * @module gateway/viewer/client/words
 * The gateway's errors in plain words, for the place they happened: a private inventory, a
 * rate limit with the wait, a name that matches no one, a key the gateway refuses. Pure (no
 * DOM), unit-tested in Node.
 */

export type Place = 'steam' | 'roblox' | 'value' | 'history' | 'item';

const wait = (seconds: number | undefined) =>
  seconds === undefined
    ? 'try again in a minute'
    : `try again in ${seconds} second${seconds === 1 ? '' : 's'}`;

/** What a person should read for a gateway error, where it happened. */
export function plainWords(
  status: number,
  code: string,
  message: string | undefined,
  retryAfterSeconds: number | undefined,
  place: Place,
): string {
  const upstream = place === 'roblox' ? 'Roblox' : 'Steam';
  switch (code) {
    case 'missing_api_key':
    case 'invalid_api_key':
      return 'The gateway did not accept this API key: check it under “Gateway key” at the top.';
    case 'private_inventory':
    case 'private':
      return place === 'roblox'
        ? "This Roblox user's inventory is private: only they can see it."
        : 'This inventory is private: only its owner can see it.';
    case 'profile_not_found':
      return 'No Steam profile matches that name, id or URL.';
    case 'no_inventory':
      return 'This account has no inventory for that game (or does not own it).';
    case 'user_not_found':
      return 'No Roblox user has that id.';
    case 'item_not_found':
      return 'This item is no longer in the inventory (it may have been traded away).';
    case 'quota_exceeded':
      return `Your API key has used all its requests for this minute: ${wait(retryAfterSeconds)}.`;
    case 'upstream_rate_limited':
      return `${upstream} is rate limiting the gateway: ${wait(retryAfterSeconds)}.`;
    case 'upstream_busy':
      return `The gateway's queue to ${upstream} is full: ${wait(retryAfterSeconds)}.`;
    case 'roblox_not_configured':
      return 'This gateway has no Roblox credential, so it cannot read Roblox inventories.';
    case 'webapi_not_configured':
      return 'This gateway has no Steam Web API key.';
    case 'upstream_timeout':
      return `${upstream} did not answer in time: ${wait(retryAfterSeconds)}.`;
    case 'invalid_input':
    case 'steam_rejected':
    case 'roblox_rejected':
      return `That does not look right: ${message ?? 'check what you typed'}.`;
    default:
      if (status === 429 || status === 503) return `The gateway is busy: ${wait(retryAfterSeconds)}.`;
      if (status >= 500) return `${upstream} did not answer properly (${message ?? `error ${status}`}).`;
      return message ?? `The gateway answered ${status}.`;
  }
}
