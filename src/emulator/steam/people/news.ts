/**
 * @module emulator/steam/people/news
 * Each catalogue app's news feed: a fixed number of posts, newest first, spread over the
 * months before the reference time. Announcements carry BBCode-like markup and the
 * `patchnotes` tag when they are update notes, as Steam's do.
 */
import { createRng, hash32, pick } from '../random.js';
import type { SteamApp } from './apps.js';
import { DAY, REFERENCE_TIME } from './time.js';

export interface NewsItem {
  gid: string;
  title: string;
  url: string;
  isExternalUrl: boolean;
  author: string;
  contents: string;
  feedlabel: string;
  date: number;
  feedname: string;
  feedType: number;
  appid: number;
  tags?: string[];
}

/** How many posts each app has (Steam's `count` is the total the feed holds). */
export const NEWS_PER_APP = 30;

const FIXES = [
  'Fixed a bug where players could get stuck on some ledges.',
  'Fixed a crash when loading a saved game with a controller connected.',
  'Improved matchmaking wait times in some regions.',
  'Adjusted the lighting on several maps.',
  'Fixed "Play again" sometimes returning to the main menu.',
  'Updated translations for <Russian> & <Brazilian Portuguese>.',
  'Reduced memory use during long sessions.',
  'Fixed inspect animations not playing in spectator mode.',
];
const EVENTS = ['Community Event', 'Summer Sale', 'Workshop Spotlight', 'Tournament Announcement'];

const cache = new Map<number, NewsItem[]>();

export function newsFor(app: SteamApp): NewsItem[] {
  const cached = cache.get(app.appid);
  if (cached) return cached;
  const rng = createRng(hash32(`news#${app.appid}`));
  const items: NewsItem[] = [];
  let date = REFERENCE_TIME - Math.floor(rng() * 2 * DAY);
  for (let i = 0; i < NEWS_PER_APP && app.feeds.length > 0; i++) {
    const feed = app.feeds[i % 3 === 2 ? app.feeds.length - 1 : 0] ?? app.feeds[0]!;
    const isUpdate = rng() < 0.7;
    const fixes = [pick(rng, FIXES), pick(rng, FIXES), pick(rng, FIXES)];
    const gid = String(1_800_000_000_000_000_000n + BigInt(date) * 1_000n + BigInt(app.appid % 1000));
    const contents = isUpdate
      ? `[p]Release notes for ${app.name}:[/p][list][*]${fixes.join('[*]')}[/list]`
      : `<p>The ${app.name} ${pick(rng, EVENTS).toLowerCase()} starts this week. ${fixes[0]}</p><br>Thanks for playing!`;
    items.push({
      gid,
      title: isUpdate ? `${app.name} Update` : `${app.name}: ${pick(rng, EVENTS)}`,
      url: feed.url(gid),
      isExternalUrl: true,
      author: feed.author,
      contents,
      feedlabel: feed.feedlabel,
      date,
      feedname: feed.feedname,
      feedType: feed.feedType,
      appid: app.appid,
      ...(isUpdate && feed.feedType === 1 ? { tags: ['patchnotes'] } : {}),
    });
    date -= DAY + Math.floor(rng() * 9 * DAY);
  }
  cache.set(app.appid, items);
  return items;
}
