/**
 * Cancelling our own offers nobody answered, against the emulator: past `cancelAfterMs`,
 * still awaiting confirmation past `pendingCancelAfterMs`, and the oldest beyond
 * `cancelOfferCount`. Each through the client's `cancel()` once, its change announced once
 * with the reason, and never cancelled again on later polls.
 */
import { describe, expect, it } from 'vitest';
import { ALICE, CAROL, DAVE, MOBILE, spec } from '../../../../test/trade-client-world.js';
import { MINUTE, record, watchWorld } from '../../../../test/watch-world.js';

const w = watchWorld();

async function send(from: string, to: string): Promise<string> {
  const { client } = w.client(from, { session: w.longSession(from) });
  const give = (await w.take(from, 440, 1)).map(spec);
  return (await client.send({ partner: to, token: w.trade().account(to).token, give })).id;
}

const cancels = (count: (pattern: RegExp, method?: string) => number) =>
  count(/CancelTradeOffer\/v1/, 'POST');

describe('cancelling unanswered offers', () => {
  it('cancels Active offers past cancelAfter, once, and says why', async () => {
    const { store } = await w.watchStore();
    const { watcher, count } = w.watcher(ALICE, store, { cancelAfterMs: 5 * MINUTE });
    const heard = record(watcher);
    const old = [await send(ALICE, CAROL), await send(ALICE, CAROL)];
    await watcher.poll();
    w.trade().advanceTime(6 * MINUTE);
    const fresh = await send(ALICE, CAROL);
    await watcher.poll();
    expect(old.map((id) => w.trade().offer(id)?.stateName)).toEqual(['Canceled', 'Canceled']);
    expect(w.trade().offer(fresh)?.stateName).toBe('Active');
    expect(cancels(count)).toBe(2);
    const cancelled = heard.events.filter((e) => e.event === 'sentOfferChanged' && old.includes(e.offerId));
    expect(cancelled.map((e) => [e.id, 'cancelReason' in e && e.cancelReason, e.offer.state])).toEqual(
      old.map((id) => [`${ALICE}:${id}:6`, 'cancelAfter', 6]),
    );
    await watcher.poll();
    await watcher.poll();
    expect(cancels(count)).toBe(2);
    expect(heard.about(old)).toHaveLength(4);
  });

  it('cancels offers still awaiting confirmation past pendingCancelAfter', async () => {
    const { store } = await w.watchStore();
    const { watcher, count } = w.watcher(MOBILE, store, { pendingCancelAfterMs: 10 * MINUTE });
    const heard = record(watcher);
    const id = await send(MOBILE, CAROL);
    await watcher.poll();
    expect(heard.about([id])).toEqual([['newSentOffer', id, undefined, 9]]);
    w.trade().advanceTime(9 * MINUTE);
    await watcher.poll();
    expect(cancels(count)).toBe(0);
    w.trade().advanceTime(2 * MINUTE);
    await watcher.poll();
    expect(w.trade().offer(id)?.stateName).toBe('Canceled');
    expect(heard.events.filter((e) => e.offerId === id).at(-1)).toMatchObject({
      event: 'sentOfferChanged',
      oldState: 9,
      newState: 6,
      cancelReason: 'pendingCancelAfter',
    });
    expect(cancels(count)).toBe(1);
  });

  it('keeps at most cancelOfferCount offers Active, cancelling the oldest first', async () => {
    const { store } = await w.watchStore();
    const { watcher, count } = w.watcher(DAVE, store, { cancelOfferCount: 2 });
    const heard = record(watcher);
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      ids.push(await send(DAVE, CAROL));
      w.trade().advanceTime(MINUTE);
    }
    await watcher.poll();
    expect(ids.map((id) => w.trade().offer(id)?.stateName)).toEqual([
      'Canceled',
      'Canceled',
      'Active',
      'Active',
    ]);
    expect(cancels(count)).toBe(2);
    expect(
      heard.events
        .filter((e) => 'cancelReason' in e)
        .map((e) => [e.offerId, 'cancelReason' in e && e.cancelReason]),
    ).toEqual([
      [ids[0], 'cancelOfferCount'],
      [ids[1], 'cancelOfferCount'],
    ]);
    await watcher.poll();
    expect(cancels(count)).toBe(2);
  });
});
