/**
 * The inventory client's readings that front-ends repeat word for word: Steam's EResults
 * through the one table (core/eresult.ts), and `limit` as a number of items with Steam's
 * currency entry among them. Against the emulator over real HTTP.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { NoInventoryError, NotFoundError, UpstreamUnavailableError } from '../../../core/errors.js';
import { collect } from '../../../core/paginate.js';
import { startEmulator } from '../../../emulator/index.js';
import type { SteamScenarioInput } from '../../../emulator/steam/scenario.js';
import { inventoryClient, OWNER } from '../../../../test/steam-fixtures.js';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator | undefined;
const closers: (() => Promise<void>)[] = [];

async function setup(steam: SteamScenarioInput, http = {}) {
  emulator = await startEmulator({ scenario: { steam } });
  const { client, http: httpClient } = inventoryClient(emulator.url, {}, http);
  closers.push(() => httpClient.close());
  return { client, emulator };
}

afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await emulator?.close();
  emulator = undefined;
});

const inv = (size: number) => ({ [OWNER]: { inventories: { '730/2': { size } } } });
const req = { steamid: OWNER, appid: 730, contextid: 2 };
const inventoryRequests = (e: Emulator) => e.stats.count({ pathPrefix: '/inventory/' });

describe('EResults', () => {
  it('reads a repeated EResult 55 as "no inventory of this app for this account" after one retry', async () => {
    const { client, emulator } = await setup({ users: inv(10), faults: { rate: 1, kinds: ['eresult500'] } });
    const error = (await client.fetchAll(req).catch((e) => e)) as NoInventoryError;
    expect(error).toBeInstanceOf(NoInventoryError);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.code).toBe(55);
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(
      /EResult 55 \(RemoteCallFailed\): Steam has no inventory of this app for this account .*not temporary/,
    );
    // Once, with backoff, not the transport's three retries: asking again will not change it.
    expect(inventoryRequests(emulator)).toBe(2);
  });

  it('maps an app with no inventory to NoInventoryError', async () => {
    const { client } = await setup({});
    await expect(client.fetchAll({ steamid: OWNER, appid: 999999, contextid: 2 })).rejects.toThrow(
      NoInventoryError,
    );
  });

  it('reads 55 as final at once when retries are off', async () => {
    const { client, emulator } = await setup({}, { retries: 0 });
    await expect(client.fetchAll({ steamid: OWNER, appid: 999999, contextid: 2 })).rejects.toThrow(
      NoInventoryError,
    );
    expect(inventoryRequests(emulator)).toBe(1);
  });

  it('gives up on a persistent EResult 20 as temporary, saying when to retry', async () => {
    const { client, emulator } = await setup({ users: inv(10), faults: { rate: 1, kinds: ['eresult20'] } });
    const error = (await client.fetchAll(req).catch((e) => e)) as UpstreamUnavailableError;
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error.code).toBe(20);
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(
      /EResult 20 \(ServiceUnavailable\): .*temporarily unavailable; temporary: retry in about 60s/,
    );
    expect(inventoryRequests(emulator)).toBe(1 + 2);
  });
});

describe('limit', () => {
  it("counts Steam's currency entry within a limit: at most limit items, never one more", async () => {
    const { client } = await setup({ users: { [OWNER]: { inventories: { '753/6': { size: 50 } } } } });
    const request = { steamid: OWNER, appid: 753, contextid: 6, limit: 50 };
    expect(await client.fetchItems(request)).toHaveLength(50);
    expect(await collect(client.items(request))).toHaveLength(50);
    expect(await client.fetchItems({ ...request, limit: 5 })).toHaveLength(5);
    // Raw pages keep Steam's shape: the currency stays apart from the limited assets.
    const raw = await client.fetchAll({ ...request, limit: 5 });
    expect(raw.assets).toHaveLength(5);
    expect(raw.currency).toHaveLength(1);
  });
});
