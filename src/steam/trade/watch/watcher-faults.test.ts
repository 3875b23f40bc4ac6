/**
 * Glitched poll answers (UPSTREAM.md: "Data temporarily unavailable", a bare
 * `{"response":{}}`, `x-eresult: 2`, offers without partner or items) and the subtle one, a
 * well-formed empty list while offers are active: each is a `pollFailure`, records nothing and
 * leaves the cursor where it was; the change it hid is announced, once, by the next good poll.
 */
import { describe, expect, it } from 'vitest';
import { ALICE, CAROL, spec } from '../../../../test/trade-client-world.js';
import { record, until, watchWorld } from '../../../../test/watch-world.js';
import type { WatchEvent } from './events.js';

const w = watchWorld();

describe('glitched polls', () => {
  it('fail without recording or moving the cursor, and the next good poll announces what they hid', async () => {
    const { store } = await w.watchStore();
    const { watcher, count } = w.watcher(ALICE, store);
    const heard = record(watcher);
    const { client: carol } = w.client(CAROL, { session: w.longSession(CAROL) });
    const give = (await w.take(CAROL, 730, 2)).map(spec);
    const token = w.trade().account(ALICE).token;
    const first = (await carol.send({ partner: ALICE, token, give: [give[0]!] })).id;
    const second = (await carol.send({ partner: ALICE, token, give: [give[1]!] })).id;
    await watcher.poll();
    const cursor = await store.cursor(ALICE);
    expect(cursor?.offersSince).toEqual(expect.any(Number));

    w.trade().advanceTime(60_000);
    w.trade().cancel(first);
    const lookupsBefore = count(/GetTradeOffer\/v1/);
    const kinds = ['listEmpty', 'listMalformed', 'listFail', 'listUnavailable', 'listNothing'] as const;
    for (const kind of kinds) {
      // A body that is not JSON is read again by the transport itself (twice here): glitch all three.
      w.trade().faults({ nextLists: kind === 'listUnavailable' ? [kind, kind, kind] : [kind] });
      expect(await watcher.poll()).toBeUndefined();
    }
    expect(heard.failures.map((f) => f.error.kind)).toEqual([
      'malformed_response',
      'malformed_response',
      expect.any(String),
      'malformed_response',
      'malformed_response',
    ]);
    expect(heard.failures[1]!.error.code).toBe('data_temporarily_unavailable');
    // The well-formed empty list: one known active offer read on its own (the newest) gave it away.
    expect(heard.failures[4]!.error).toMatchObject({ code: 'offer_list_incomplete', retryable: true });
    expect(count(/GetTradeOffer\/v1/) - lookupsBefore).toBe(1);
    expect(await store.cursor(ALICE)).toEqual(cursor);
    expect(heard.about([first, second])).toEqual([
      ['newOffer', first, undefined, 2],
      ['newOffer', second, undefined, 2],
    ]);

    expect(await watcher.poll()).toMatchObject({ advanced: true });
    expect(heard.about([first, second])).toEqual([
      ['newOffer', first, undefined, 2],
      ['newOffer', second, undefined, 2],
      ['receivedOfferChanged', first, 2, 6],
    ]);
    expect((await store.cursor(ALICE))!.offersSince).toBeGreaterThan(cursor!.offersSince!);
    expect(w.trade().faults().list).toMatchObject({ queued: [] });
  });

  it('tells a for-await loop of poll failures, between offer events', async () => {
    const { store } = await w.watchStore();
    const { watcher } = w.watcher(ALICE, store);
    const seen: WatchEvent[] = [];
    const give = (await w.take(CAROL, 730, 1)).map(spec);
    const { client: carol } = w.client(CAROL, { session: w.longSession(CAROL) });
    await carol.send({ partner: ALICE, token: w.trade().account(ALICE).token, give });
    w.trade().faults({ nextLists: ['listEmpty'] });
    const iterator = watcher[Symbol.asyncIterator]();
    // The loop started the watcher; its first (full) poll failed.
    seen.push((await iterator.next()).value as WatchEvent);
    expect(seen[0]).toMatchObject({
      event: 'pollFailure',
      full: true,
      error: { kind: 'malformed_response' },
    });
    void watcher.poll();
    const next = (await iterator.next()).value as WatchEvent;
    expect(next).toMatchObject({ event: 'newOffer', account: ALICE });
    await iterator.return!();
    expect(watcher.running).toBe(false);
  });

  it('keeps running, and says so, when its store is gone', async () => {
    const opened = await w.watchStore();
    const { watcher } = w.watcher(ALICE, opened.store, { intervalMs: 20 });
    const heard = record(watcher);
    watcher.on('event', () => undefined);
    await opened.database.close();
    watcher.start();
    await until(() => heard.failures.length >= 3, 10_000, 'three failed polls');
    await watcher.stop();
    expect(heard.failures[0]!.error.retryable).toBe(true);
    expect(heard.events).toEqual([]);
    expect(watcher.status()).toMatchObject({ running: false, polls: expect.any(Number) });
  });
});
