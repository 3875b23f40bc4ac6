/**
 * The Web API method tests' shared world: one emulator with a public, a private and a
 * friends-only account, and a call helper that checks XML and VDF carry the JSON's data.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { startEmulator, type StartedEmulator } from '../src/emulator/index.js';
import { jsonAsVdf, jsonAsXml, readVdf, readXml } from './webapi-formats.js';

export const ALICE = '76561198000000110';
export const BOB = '76561198000000111';
export const CAROL = '76561198000000112';
export const KEY = '0123456789ABCDEF0123456789ABCDEF';

export const WEB_API_PEOPLE = {
  steam: {
    users: {
      [ALICE]: {
        name: 'Alice <3',
        realName: 'Alice Liddell',
        country: 'GB',
        personaState: 1,
        friends: [BOB, { steamid: CAROL, friendSince: 1_600_000_000 }],
        games: {
          '440': { playtimeForever: 600, playtime2Weeks: 30 },
          '620': { playtimeForever: 900, lastPlayed: 1_700_000_000 },
          '730': { playtimeForever: 5000, playtime2Weeks: 120 },
          '570': { playtimeForever: 0 },
          '365670': { playtimeForever: 42 },
        },
        achievements: { '620': ['WAKE_UP', 'LASER'] },
        stats: { '730': { total_kills: 1234, total_deaths: 999 } },
      },
      [BOB]: { private: true },
      [CAROL]: { visibility: 'friendsOnly' as const },
    },
    vanities: { alice: ALICE },
  },
};

/** Starts the emulator for the calling test file; its helpers call that emulator. */
export function webApiWorld() {
  const world = { emulator: undefined as unknown as StartedEmulator };
  beforeAll(async () => {
    world.emulator = await startEmulator({ scenario: WEB_API_PEOPLE });
  });
  afterAll(() => world.emulator.close());

  async function get(path: string) {
    const response = await fetch(`${world.emulator.url}${path}`);
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      text: await response.text(),
    };
  }

  /** Calls a method in all three formats; checks XML and VDF carry exactly the JSON's data. */
  async function inAllFormats(path: string, itemNames: Record<string, string>) {
    const defaultItem = 'message';
    const sep = path.includes('?') ? '&' : '?';
    const json = await get(path);
    const xml = await get(`${path}${sep}format=xml`);
    const vdf = await get(`${path}${sep}format=vdf`);
    expect(json.type).toBe('application/json; charset=UTF-8');
    expect(xml.type).toBe('text/xml; charset=UTF-8');
    expect(vdf.type).toBe('text/vdf; charset=UTF-8');
    expect([xml.status, vdf.status]).toEqual([json.status, json.status]);
    const value = JSON.parse(json.text) as Record<string, unknown>;
    const item = (name: string) => itemNames[name] ?? defaultItem;
    expect(readXml(xml.text, Object.values(itemNames).concat(defaultItem))).toEqual(jsonAsXml(value, item));
    expect(readVdf(vdf.text)).toEqual(jsonAsVdf(value));
    return { value, json, xml, vdf };
  }

  return { world, get, inAllFormats };
}
