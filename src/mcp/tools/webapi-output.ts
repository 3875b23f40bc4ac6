/**
 * @module mcp/tools/webapi-output
 * What the Steam Web API tools share: the `who` input (one or several accounts), dates and
 * playtimes in the forms an agent reads best, and the text rendering of a compact JSON value.
 */
import { z } from 'zod';
import { steamWhoSchema } from './steam-resolve.js';

export { steamWhoSchema };

/** A Unix time as an ISO date (UTC), or nothing for Steam's 0 ("never"). */
export function isoDate(seconds: number | undefined): string | undefined {
  return seconds ? new Date(seconds * 1000).toISOString().slice(0, 10) : undefined;
}

/** Minutes of playtime as hours, one decimal. */
export function hours(minutes: number | undefined): number | undefined {
  return minutes === undefined ? undefined : Math.round(minutes / 6) / 10;
}

/** Most characters of JSON a tool's text carries (the structured result has everything). */
export const MAX_TEXT_CHARS = 8000;

export function compactJson(value: unknown, max = MAX_TEXT_CHARS): string {
  const text = JSON.stringify(value);
  return text.length <= max
    ? text
    : `${text.slice(0, max)}… (cut at ${max} characters; the structured result is whole)`;
}

export const appIdSchema = z
  .number()
  .int()
  .positive()
  .describe('the app id: 440 TF2, 570 Dota 2, 730 CS2, 620 Portal 2, 252490 Rust, ...');
