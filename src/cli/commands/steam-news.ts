/**
 * @module cli/commands/steam-news
 * `gamestash steam news --app N [--count N] [--max-length N]`: ISteamNews/GetNewsForApp,
 * newest first (no key needed). The contents show only when shortened with --max-length.
 */
import type { NewsItem } from '../../steam/webapi/index.js';
import { renderTable, type Column } from '../output/table.js';
import { writeJson, writeLine } from '../output/write.js';
import { dateOf, withWebApi, type WebApiCommandOptions } from './steam-webapi-common.js';

export interface SteamNewsOptions extends WebApiCommandOptions {
  app: number;
  count?: number;
  maxLength?: number;
}

export async function steamNews(options: SteamNewsOptions): Promise<void> {
  await withWebApi(options, async (client) => {
    const result = await client.getNewsForApp(options.app, {
      format: options.format,
      ...(options.count === undefined ? {} : { count: options.count }),
      ...(options.maxLength === undefined ? {} : { maxlength: options.maxLength }),
    });
    if (options.json) return writeJson(result);
    if (result.newsitems.length === 0) return writeLine('no news');
    const withContents = options.maxLength !== undefined && options.maxLength > 0;
    writeLine(renderTable(result.newsitems, withContents ? [...COLUMNS, CONTENTS] : COLUMNS));
  });
}

const COLUMNS: Column<NewsItem>[] = [
  { header: 'date', value: (n) => dateOf(n.date) },
  { header: 'title', value: (n) => n.title },
  { header: 'feed', value: (n) => n.feedlabel },
  { header: 'author', value: (n) => n.author },
  { header: 'url', value: (n) => n.url },
];

const CONTENTS: Column<NewsItem> = { header: 'contents', value: (n) => n.contents };
