/**
 * The watcher against the emulator over real HTTP, with a real SQLite store: each offer event
 * once, to listeners and to a `for await` loop alike, with stable ids and the offer's items;
 * a change Steam backdates caught by the 30-minute window (and one backdated further, by
 * reading the missing offer on its own); nothing announced twice.
 */
import { describe, expect, it } from 'vitest';
import { ALICE, CAROL, DAVE, spec } from '../../../../test/trade-client-world.js';
import { MINUTE, record, until, watchWorld } from '../../../../test/watch-world.js';
import type { WatchEvent } from './events.js';

const w = watchWorld();
const tokenOf = (steamid: string) => w.trade().account(steamid).token;

/** `from` sends `to` one CS2 item of its own (and asks one of theirs when `swap`). */
async function offer(from: string, to: string, swap = false): Promise<string> {
  const { client } = w.client(from, { session: w.longSession(from) });
  const sent = await client.send({
    partner: to,
    token: tokenOf(to),
    give: (await w.take(from, 730, 1)).map(spec),
    receive: swap ? (await w.take(to, 730, 1)).map(spec) : [],
  });
  return sent.id;
}

describe('offer events', () => {
  it('announces new offers both ways, then each change once, to listeners and a for-await loop', async () => {
    const { store } = await w.watchStore();
    const { watcher, client } = w.watcher(ALICE, store);
    const heard = record(watcher);
    const looped: WatchEvent[] = [];
    const loop = (async () => {
      for await (const event of watcher) looped.push(event);
    })();

    const received = await offer(CAROL, ALICE);
    const sent = await offer(ALICE, DAVE, true);
    await watcher.poll();
    const mine = [received, sent];
    expect(heard.about(mine)).toEqual([
      ['newOffer', received, undefined, 2],
      ['newSentOffer', sent, undefined, 2],
    ]);
    const first = heard.events.find((e) => e.offerId === received)!;
    expect(first).toMatchObject({ id: `${ALICE}:${received}:2`, account: ALICE, offer: { partner: CAROL } });
    expect(first.offer.itemsToReceive[0]!.name).toEqual(expect.any(String));

    // Nothing changed: nothing said.
    await watcher.poll();
    expect(heard.about(mine)).toHaveLength(2);

    w.trade().accept(sent);
    w.trade().cancel(received);
    await watcher.poll();
    const declinedLater = await offer(CAROL, ALICE);
    await watcher.poll();
    await client.decline(declinedLater);
    await watcher.poll();
    expect(heard.about([...mine, declinedLater])).toEqual([
      ['newOffer', received, undefined, 2],
      ['newSentOffer', sent, undefined, 2],
      // Both changed in the same second: in offer id order.
      ['receivedOfferChanged', received, 2, 6],
      ['sentOfferChanged', sent, 2, 3],
      ['newOffer', declinedLater, undefined, 2],
      ['receivedOfferChanged', declinedLater, 2, 7],
    ]);
    const accepted = heard.events.find((e) => e.id === `${ALICE}:${sent}:3`)!;
    expect(accepted).toMatchObject({ oldStateName: 'Active', newStateName: 'Accepted' });
    expect(accepted.offer.tradeId).toMatch(/^\d{19}$/);

    await until(() => looped.length >= heard.events.length, 5_000, 'the loop to catch up');
    await watcher.stop();
    await loop;
    expect(looped.map((e) => e.id)).toEqual(heard.events.map((e) => e.id));
    expect(new Set(heard.events.map((e) => e.id)).size).toBe(heard.events.length);
    expect(heard.failures).toEqual([]);
  });

  it('catches a change Steam backdated by 20 minutes within its window, without reading the offer alone', async () => {
    const { store } = await w.watchStore();
    const { watcher, count } = w.watcher(ALICE, store);
    const heard = record(watcher);
    const early = await offer(DAVE, ALICE);
    await watcher.poll();
    // A later change moves the cursor to now; the backdated one is stamped 20 minutes before it.
    w.trade().advanceTime(5 * MINUTE);
    const late = await offer(DAVE, ALICE);
    await watcher.poll();
    w.trade().advanceTime(MINUTE);
    expect(w.trade().decline(early, { backdateMs: 20 * MINUTE }).ok).toBe(true);
    await watcher.poll();
    expect(heard.about([early, late])).toEqual([
      ['newOffer', early, undefined, 2],
      ['newOffer', late, undefined, 2],
      ['receivedOfferChanged', early, 2, 7],
    ]);
    expect(count(/GetTradeOffer\/v1/)).toBe(0);
  });

  it('catches a change backdated past the window by reading the offer the list left out', async () => {
    const { store } = await w.watchStore();
    const { watcher, count } = w.watcher(ALICE, store, { historicalWindowMs: 30 * MINUTE });
    const heard = record(watcher);
    const id = await offer(DAVE, ALICE);
    await watcher.poll();
    w.trade().advanceTime(MINUTE);
    await offer(DAVE, ALICE);
    await watcher.poll();
    expect(w.trade().accept(id, { backdateMs: 3 * 60 * MINUTE }).ok).toBe(true);
    const before = count(/GetTradeOffer\/v1/);
    await watcher.poll();
    expect(count(/GetTradeOffer\/v1/) - before).toBe(1);
    expect(heard.about([id])).toEqual([
      ['newOffer', id, undefined, 2],
      ['receivedOfferChanged', id, 2, 3],
    ]);
    await watcher.poll();
    expect(heard.about([id])).toHaveLength(2);
    expect(count(/GetTradeOffer\/v1/) - before).toBe(1);
  });
});
