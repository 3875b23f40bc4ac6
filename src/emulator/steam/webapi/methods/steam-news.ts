/**
 * @module emulator/steam/webapi/methods/steam-news
 * ISteamNews/GetNewsForApp v2: an app's posts, newest first. `maxlength` turns each post
 * into a plain-text blurb of at most that many characters followed by "..." (seeds/004;
 * recorded answers at maxlength=200 are 203 characters long, and list bullets come out
 * as a backslash).
 */
import { newsFor, steamApp } from '../../people/index.js';
import type { WebApiMethod } from '../registry.js';

export const getNewsForApp: WebApiMethod = {
  interface: 'ISteamNews',
  method: 'GetNewsForApp',
  version: 2,
  needsKey: false,
  parameters: [
    { name: 'appid', type: 'uint32', optional: false, description: 'AppID to retrieve news for' },
    {
      name: 'maxlength',
      type: 'uint32',
      optional: true,
      description:
        "Maximum length for the content to return, if this is 0 the full content is returned, if it's less then a blurb is generated to fit.",
    },
    {
      name: 'enddate',
      type: 'uint32',
      optional: true,
      description: 'Retrieve posts earlier than this date (unix epoch timestamp)',
    },
    { name: 'count', type: 'uint32', optional: true, description: '# of posts to retrieve (default 20)' },
    {
      name: 'feeds',
      type: 'string',
      optional: true,
      description: 'Comma-separated list of feed names to return news for',
    },
    {
      name: 'tags',
      type: 'string',
      optional: true,
      description: "Comma-separated list of tags to filter by (e.g. 'patchnodes')",
    },
  ],
  arrayElements: { newsitems: 'newsitem', tags: 'tag' },
  handle({ params }) {
    const appid = params.uint('appid', 0);
    const app = steamApp(appid);
    // An app without news answers 403 with an empty object (fkrzski/laravel-steam-api-sdk
    // fixtures; not confirmed elsewhere).
    if (!app) return { root: '', status: 403, value: {} };
    const maxLength = params.uint('maxlength', 0);
    const endDate = params.uint('enddate', 0);
    const count = params.uint('count', 20);
    const feeds = csv(params.get('feeds'));
    const tags = csv(params.get('tags'));
    const matching = newsFor(app).filter(
      (item) =>
        (endDate === 0 || item.date <= endDate) &&
        (feeds.length === 0 || feeds.includes(item.feedname)) &&
        (tags.length === 0 || tags.some((tag) => item.tags?.includes(tag))),
    );
    const newsitems = matching.slice(0, count).map((item) => ({
      gid: item.gid,
      title: item.title,
      url: item.url,
      is_external_url: item.isExternalUrl,
      author: item.author,
      contents: maxLength > 0 ? blurb(item.contents, maxLength) : item.contents,
      feedlabel: item.feedlabel,
      date: item.date,
      feedname: item.feedname,
      feed_type: item.feedType,
      appid: item.appid,
      tags: item.tags,
    }));
    return { root: 'appnews', value: { appid, newsitems, count: matching.length } };
  },
};

function csv(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Markup stripped (a list bullet becomes `\`), cut at `max` characters plus "...". */
export function blurb(contents: string, max: number): string {
  const text = contents
    .replace(/\[\*\]/g, '\\')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>|\[\/?[a-z]+[^\]]*\]/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join('')}...` : text;
}
