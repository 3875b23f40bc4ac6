/**
 * The watcher's options and its refusals, made before any request: bad numbers name the
 * option, a client without an account is refused, a stopped watcher cannot start again.
 */
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../core/errors.js';
import { HttpClient } from '../../../core/http/client.js';
import { SteamWebApiClient } from '../../webapi/client.js';
import { SteamTradeClient } from '../client.js';
import { MemoryTradeStateStore } from '../state-store.js';
import { DEFAULT_WATCH_OPTIONS, resolveWatchOptions } from './options.js';
import { OfferWatcher } from './watcher.js';
import type { OfferWatchStore } from './watch-store.js';

function tradeClient(steamId?: string) {
  const http = new HttpClient({ retries: 0 });
  const webapi = new SteamWebApiClient({
    http,
    apiUrl: 'http://127.0.0.1:9',
    communityUrl: 'http://127.0.0.1:9',
    apiKey: 'A'.repeat(32),
  });
  return new SteamTradeClient({
    http,
    webapi,
    communityUrl: 'http://127.0.0.1:9',
    store: new MemoryTradeStateStore(),
    steamId,
  });
}

/** Never touched: every test here fails or stops before the first poll. */
const store = {} as OfferWatchStore;

describe('watch options', () => {
  it("defaults to the peers' pace", () => {
    const options = resolveWatchOptions();
    expect(options).toMatchObject({ ...DEFAULT_WATCH_OPTIONS, cancelAfterMs: undefined, descriptions: true });
    expect(options.intervalMs).toBe(30_000);
    expect(options.historicalWindowMs).toBe(30 * 60_000);
  });

  it('names the option at fault', () => {
    expect(() => resolveWatchOptions({ intervalMs: 0 })).toThrow(
      /intervalMs 0 is not a whole number of 1 or more/,
    );
    expect(() => resolveWatchOptions({ cancelOfferCount: 1.5 })).toThrow(InvalidInputError);
    expect(() => resolveWatchOptions({ historicalWindowMs: -1 })).toThrow(/historicalWindowMs/);
    expect(resolveWatchOptions({ fullPollIntervalMs: 0, maxLookupsPerPoll: 0 })).toMatchObject({
      fullPollIntervalMs: 0,
      maxLookupsPerPoll: 0,
    });
  });

  it('refuses a client that knows no account, and restarting a stopped watcher', async () => {
    expect(() => new OfferWatcher(tradeClient(), store)).toThrow(/needs a logged-in Steam session/);
    const watcher = new OfferWatcher(tradeClient('76561198000000001'), store);
    expect(watcher.account).toBe('76561198000000001');
    await watcher.stop();
    expect(() => watcher.start()).toThrow(/was stopped: create a new one/);
    expect(await watcher.poll()).toBeUndefined();
  });
});
