/**
 * @module emulator/steam/people/persona
 * Who an emulated account is: persona name, privacy, status, avatar, creation date, real
 * name and country. Everything is a pure function of the SteamID, overridden field by field
 * by the scenario, so the profile XML, GetPlayerSummaries and every other route agree.
 */
import { createRng, hash32 } from '../random.js';
import type { ProfileVisibility, SteamUserScenario } from '../scenario.js';
import { REFERENCE_TIME } from './time.js';

export interface PersonProfile {
  steamid: string;
  personaName: string;
  visibility: ProfileVisibility;
  /** False for an account that never set up its Community profile. */
  profileSetUp: boolean;
  /** EPersonaState (0 offline … 6 looking to play). */
  personaState: number;
  avatarHash: string;
  timeCreated: number;
  lastLogoff: number;
  /** Empty when the account shows none. */
  realName: string;
  country: string;
  /** Whether the profile takes public comments (`commentpermission`). */
  commentPermission: boolean;
}

/** Steam's default "?" avatar (accounts that never uploaded one show it). */
export const DEFAULT_AVATAR_HASH = 'fef49e7fa7e1997310d705b2a6158ff8dc1cdfeb';

const ADJECTIVES = ['Silent', 'Lucky', 'Crimson', 'Frosty', 'Rapid', 'Sleepy', 'Golden', 'Hidden'];
const NOUNS = ['Falcon', 'Trader', 'Badger', 'Sniper', 'Cactus', 'Wizard', 'Otter', 'Nomad'];
const FIRST_NAMES = ['Alex', 'Sam', 'Robin', 'Jordan', 'Maria', 'Kenji', 'Lena', 'Omar', 'Ines', 'Tomas'];
const LAST_NAMES = ['Walker', 'Novak', 'Silva', 'Tanaka', 'Schmidt', 'Haddad', 'Moreau', 'Kowalski'];
const COUNTRIES = ['US', 'DE', 'BR', 'RU', 'FR', 'PL', 'GB', 'CA', 'SE', 'JP', 'UA', 'CN'];
/** Most accounts are offline at any moment; a few are online, away or snoozing. */
const PERSONA_STATES = [0, 0, 0, 0, 0, 1, 1, 3, 4, 6];

/** Users the scenario does not name still get a stable name. */
export function generatedPersonaName(steamid: string): string {
  const h = hash32(steamid);
  return `${ADJECTIVES[h % 8]}${NOUNS[(h >>> 3) % 8]}${h % 1000}`;
}

export function profileVisibility(user: SteamUserScenario | undefined): ProfileVisibility {
  if (user?.visibility) return user.visibility;
  return user?.private ? 'private' : 'public';
}

/** A 40-hex hash derived from the SteamID (Steam's avatar names are SHA-1 hex). */
function generatedAvatarHash(steamid: string): string {
  let out = '';
  for (let i = 0; out.length < 40; i++) out += hash32(`${steamid}#avatar${i}`).toString(16).padStart(8, '0');
  return out.slice(0, 40);
}

export function personProfile(steamid: string, user: SteamUserScenario | undefined): PersonProfile {
  const rng = createRng(hash32(`${steamid}#profile`));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
  // 2004-01-01 .. 2025-01-01: Steam accounts exist since 2003.
  const timeCreated = user?.timeCreated ?? 1_072_915_200 + Math.floor(rng() * 662_256_000);
  const hasRealName = rng() < 0.6;
  const realName = `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
  const hasCountry = rng() < 0.7;
  const country = pick(COUNTRIES);
  const customAvatar = rng() < 0.85;
  const personaState = pick(PERSONA_STATES);
  const commentPermission = rng() < 0.5;
  // Last seen within the 30 days before the reference time.
  const lastLogoff = REFERENCE_TIME - Math.floor(rng() * 30 * 86_400);
  return {
    steamid,
    personaName: user?.name ?? generatedPersonaName(steamid),
    visibility: profileVisibility(user),
    profileSetUp: user?.profileNotSetUp !== true,
    personaState: user?.personaState ?? personaState,
    avatarHash: user?.avatarHash ?? (customAvatar ? generatedAvatarHash(steamid) : DEFAULT_AVATAR_HASH),
    timeCreated,
    lastLogoff: Math.max(lastLogoff, timeCreated),
    realName: user?.realName ?? (hasRealName ? realName : ''),
    country: user?.country ?? (hasCountry ? country : ''),
    commentPermission,
  };
}
