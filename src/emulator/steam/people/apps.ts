/**
 * @module emulator/steam/people/apps
 * The small built-in app catalogue behind owned games, achievements, stats, global
 * percentages and news: real appids and names, so emulated data looks like Steam's. Icon
 * hashes of CS2, Portal 2, Terraria and Blender are Steam's own (from captured
 * GetOwnedGames answers); the others are stand-ins of the same shape.
 */

export interface LocalizedText {
  name: string;
  description: string;
}

export interface AppAchievement {
  apiname: string;
  /** By Steam language name (`english`, `german`, …); English is the fallback. */
  text: Record<string, LocalizedText>;
  /** Share of players who unlocked it, in percent. */
  percent: number;
}

export interface AppStat {
  name: string;
  /** How fast the stat grows with playtime (per hour played). */
  perHour: number;
}

export interface AppNewsFeed {
  feedname: string;
  feedlabel: string;
  /** 1 for Steam Community announcements, 0 for external feeds. */
  feedType: number;
  author: string;
  url(gid: string): string;
}

export interface SteamApp {
  appid: number;
  name: string;
  iconHash: string;
  /** Free to play: listed by GetOwnedGames only with `include_played_free_games`, once played. */
  free: boolean;
  /** `has_community_visible_stats`: the app has a stats page (achievements or stats). */
  communityVisibleStats: boolean;
  leaderboards: boolean;
  achievements: AppAchievement[];
  stats: AppStat[];
  /** Probability that a generated account owns (or has played) it. */
  popularity: number;
  feeds: AppNewsFeed[];
}

const en = (name: string, description: string) => ({ english: { name, description } });

/** Steam Community announcements: the feed every app has. */
const announcements = (author: string): AppNewsFeed => ({
  feedname: 'steam_community_announcements',
  feedlabel: 'Community Announcements',
  feedType: 1,
  author,
  url: (gid) => `https://steamstore-a.akamaihd.net/news/externalpost/steam_community_announcements/${gid}`,
});

export const STEAM_APPS: readonly SteamApp[] = [
  {
    appid: 440,
    name: 'Team Fortress 2',
    iconHash: 'e3f595a92552da3d664ad00277fad2107345f743',
    free: true,
    communityVisibleStats: true,
    leaderboards: false,
    popularity: 0.55,
    achievements: [
      {
        apiname: 'TF_PLAY_GAME_EVERYCLASS',
        percent: 53.1,
        text: {
          ...en('Head of the Class', 'Play a complete round with every class.'),
          german: {
            name: 'Klassenbester',
            description: 'Spielen Sie mit jeder Klasse eine komplette Runde.',
          },
        },
      },
      {
        apiname: 'TF_PLAY_GAME_EVERYMAP',
        percent: 41.2,
        text: {
          ...en('World Traveler', 'Play a complete game on every official map.'),
          german: {
            name: 'Weltenbummler',
            description: 'Spielen Sie auf jeder offiziellen Karte ein komplettes Spiel.',
          },
        },
      },
      {
        apiname: 'TF_GET_HEALPOINTS',
        percent: 30.4,
        text: {
          ...en('Team Doctor', 'Accumulate 25000 heal points as a Medic.'),
          german: { name: 'Teamarzt', description: 'Sammeln Sie als Sanitäter 25000 Heilungspunkte.' },
        },
      },
      {
        apiname: 'TF_BURN_PLAYERSINMINIMUMTIME',
        percent: 20.7,
        text: {
          ...en('Flamethrower', 'Set five enemies on fire in 30 seconds.'),
          german: { name: 'Flammenwerfer', description: 'Setzen Sie fünf Gegner in 30 Sekunden in Brand.' },
        },
      },
    ],
    stats: [
      { name: 'Scout.accum.iNumberOfKills', perHour: 6 },
      { name: 'Soldier.accum.iNumberOfKills', perHour: 5 },
      { name: 'Medic.accum.iHealthPointsHealed', perHour: 900 },
    ],
    feeds: [
      announcements('Valve'),
      {
        feedname: 'tf2_blog',
        feedlabel: 'TF2 Blog',
        feedType: 0,
        author: '',
        url: (gid) => `https://store.steampowered.com/news/externalpost/tf2_blog/${gid}`,
      },
    ],
  },
  {
    appid: 570,
    name: 'Dota 2',
    iconHash: '0bbb630d63262dd66d2fdd0f7d37e8661a410075',
    free: true,
    communityVisibleStats: true,
    leaderboards: false,
    popularity: 0.45,
    // Dota 2 has no achievements any more: its stats calls answer "no stats".
    achievements: [],
    stats: [],
    feeds: [announcements('Valve')],
  },
  {
    appid: 730,
    name: 'Counter-Strike 2',
    iconHash: '8dbc71957312bbd3baea65848b545be9eae2a355',
    free: true,
    communityVisibleStats: true,
    leaderboards: false,
    popularity: 0.7,
    achievements: [
      {
        apiname: 'PLAY_CS2',
        percent: 38.7,
        text: {
          ...en('A New Beginning', 'Play a match of Counter-Strike 2.'),
          german: { name: 'Ein Neuanfang', description: 'Spielen Sie ein Match in Counter-Strike 2.' },
        },
      },
    ],
    stats: [
      { name: 'total_kills', perHour: 14 },
      { name: 'total_deaths', perHour: 12 },
      { name: 'total_time_played', perHour: 3600 },
      { name: 'total_wins', perHour: 5 },
      { name: 'total_kills_headshot', perHour: 6 },
    ],
    feeds: [announcements('jo')],
  },
  {
    appid: 620,
    name: 'Portal 2',
    iconHash: '2e478fc6874d06ae5baf0d147f6f21203291aa02',
    free: false,
    communityVisibleStats: true,
    leaderboards: true,
    popularity: 0.5,
    achievements: [
      {
        apiname: 'SURVIVE_CONTAINER_RIDE',
        percent: 74.9,
        text: {
          ...en('Wake Up Call', 'Survive the manual override'),
          german: { name: 'Weckruf', description: 'Überleben Sie die manuelle Übersteuerung' },
        },
      },
      {
        apiname: 'WAKE_UP',
        percent: 65.5,
        text: {
          ...en('You Monster', 'Reunite with GLaDOS'),
          german: { name: 'Du Monster', description: 'Treffen Sie GLaDOS wieder' },
        },
      },
      {
        apiname: 'LASER',
        percent: 63.4,
        text: en('Undiscouraged', 'Complete the first Thermal Discouragement Beam test'),
      },
      {
        apiname: 'BRIDGE',
        percent: 54,
        text: en('Bridge Over Troubling Water', 'Complete the first Hard Light Bridge test'),
      },
      { apiname: 'BREAK_OUT', percent: 47.1, text: en('SaBOTour', 'Make a break for it') },
      { apiname: 'STALEMATE_ASSOCIATE', percent: 46.1, text: en('Stalemate Associate', 'Press the button!') },
    ],
    stats: [],
    feeds: [announcements('Valve')],
  },
  {
    appid: 252490,
    name: 'Rust',
    iconHash: '820be4782639f9c4b64fa3ca7e6c26a95ae4fd1c',
    free: false,
    communityVisibleStats: true,
    leaderboards: false,
    popularity: 0.3,
    achievements: [
      { apiname: 'COLLECT_700_WOOD', percent: 71.3, text: en('Gatherer', 'Gather 700 wood') },
      { apiname: 'PLACE_SLEEPING_BAG', percent: 64.8, text: en('Sleepy Head', 'Place a sleeping bag') },
      { apiname: 'KILL_BEAR', percent: 22.5, text: en('Bear Hunter', 'Kill a bear') },
    ],
    stats: [
      { name: 'deaths', perHour: 3 },
      { name: 'bullet_fired', perHour: 140 },
      { name: 'harvested_wood', perHour: 2500 },
    ],
    feeds: [announcements('Alistair')],
  },
  {
    appid: 220,
    name: 'Half-Life 2',
    iconHash: 'fcfb366051782b8ebf2aa297f3b746395858cb62',
    free: false,
    communityVisibleStats: true,
    leaderboards: false,
    popularity: 0.4,
    achievements: [
      {
        apiname: 'HL2_ESCAPE_APARTMENTRAID',
        percent: 72.1,
        text: en('Malcontent', 'Escape the apartment block raid.'),
      },
      { apiname: 'HL2_PUT_CANINTRASH', percent: 57.8, text: en('Submissive', 'Put the can in the trash.') },
      {
        apiname: 'HL2_HIT_CANCOP_WITHCAN',
        percent: 55.2,
        text: en('Defiant', 'Hit the trashcan cop with the can.'),
      },
    ],
    stats: [],
    feeds: [announcements('Valve')],
  },
  {
    appid: 105600,
    name: 'Terraria',
    iconHash: '858961e95fbf869f136e1770d586e0caefd4cfac',
    free: false,
    communityVisibleStats: true,
    leaderboards: false,
    popularity: 0.35,
    achievements: [
      { apiname: 'TIMBER', percent: 89.4, text: en('Timber!!', 'Chop down your first tree.') },
      { apiname: 'BENCHED', percent: 86.9, text: en('Benched', 'Craft your first work bench.') },
      {
        apiname: 'SLAYER_OF_WORLDS',
        percent: 20.8,
        text: en('Slayer of Worlds', 'Defeat every boss in Terraria.'),
      },
    ],
    stats: [],
    feeds: [announcements('Re-Logic')],
  },
  {
    appid: 365670,
    name: 'Blender',
    iconHash: '48733cd333eea6e40711a1b9c6dde32ffe363ced',
    free: false,
    // Software: no stats page, so its stats calls answer "Requested app has no stats".
    communityVisibleStats: false,
    leaderboards: false,
    popularity: 0.15,
    achievements: [],
    stats: [],
    feeds: [announcements('Blender Foundation')],
  },
];

const BY_ID = new Map(STEAM_APPS.map((app) => [app.appid, app]));

export function steamApp(appid: number): SteamApp | undefined {
  return BY_ID.get(appid);
}

/** Whether the stats endpoints have anything for the app. */
export function hasStats(app: SteamApp | undefined): app is SteamApp {
  return app !== undefined && (app.achievements.length > 0 || app.stats.length > 0);
}
