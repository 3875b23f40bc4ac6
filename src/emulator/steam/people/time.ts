/**
 * @module emulator/steam/people/time
 * The emulated world's "now" for generated history (last log-off, playtimes, unlock times,
 * news dates). A fixed instant, not the clock, so the same scenario gives the same bytes on
 * any day; only GetServerInfo reads the real clock.
 */

/** 2026-01-01T00:00:00Z. */
export const REFERENCE_TIME = 1_767_225_600;

export const DAY = 86_400;
