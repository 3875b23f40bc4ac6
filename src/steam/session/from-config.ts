/**
 * @module steam/session/from-config
 */
import type { GamestashConfig } from '../../core/config.js';
import { parseSteamSession, type SteamSession } from './session.js';

/** The session from STEAM_COOKIES and STEAM_SESSION_ID; throws with what to set when missing. */
export function sessionFromConfig(config: GamestashConfig, now?: number): SteamSession {
  return parseSteamSession({
    cookies: config.steam.cookies,
    sessionId: config.steam.sessionId,
    ...(now === undefined ? {} : { now }),
  });
}
