/**
 * Restart safety, on a real SQLite file reopened as a restarted process would: a watcher
 * stopped mid-stream and a new one on the same store together announce every change exactly
 * once; a crash between recording a poll and delivering its events, a listener that fails
 * and a loop that leaves with an event in hand each get that event again — with the same
 * id — and nothing else twice.
 */
import { describe, expect, it } from 'vitest';
import { ALICE, CAROL, DAVE, spec } from '../../../../test/trade-client-world.js';
import { record, until, watchWorld } from '../../../../test/watch-world.js';
import type { OfferEvent, WatchEvent } from './events.js';
import type { OfferWatchStore } from './watch-store.js';

const w = watchWorld();

async function offerTo(to: string, from: string): Promise<string> {
  const { client } = w.client(from, { session: w.longSession(from) });
  const give = (await w.take(from, 730, 1)).map(spec);
  return (await client.send({ partner: to, token: w.trade().account(to).token, give })).id;
}

/** Reads a watcher with `for await`, keeping the offer events. */
function loop(watcher: AsyncIterable<WatchEvent>) {
  const events: OfferEvent[] = [];
  const done = (async () => {
    for await (const event of watcher) if (event.event !== 'pollFailure') events.push(event);
  })();
  return { events, done };
}

describe('restarts', () => {
  it('a watcher stopped mid-stream and its successor announce every change once between them', async () => {
    let opened = await w.watchStore();
    const a = w.watcher(ALICE, opened.store, { intervalMs: 20, fullPollIntervalMs: 60_000 });
    const first = loop(a.watcher);
    const ids = [await offerTo(ALICE, CAROL), await offerTo(ALICE, DAVE)];
    await until(
      () => ids.every((id) => first.events.some((e) => e.offerId === id)),
      10_000,
      'the new offers',
    );
    ids.push(await offerTo(ALICE, CAROL));
    await until(() => first.events.some((e) => e.offerId === ids[2]), 10_000, 'the third offer');
    w.trade().decline(ids[0]!);
    // Stopped while polling on its own, whether or not it saw that decline.
    await a.watcher.stop();
    await first.done;

    // While nobody watches: more changes.
    w.trade().cancel(ids[1]!);
    ids.push(await offerTo(ALICE, DAVE));
    w.trade().cancel(ids[2]!);

    opened = await opened.reopen();
    const b = w.watcher(ALICE, opened.store, { intervalMs: 20, fullPollIntervalMs: 60_000 });
    const second = loop(b.watcher);
    const expected = [
      `${ALICE}:${ids[0]}:2`,
      `${ALICE}:${ids[1]}:2`,
      `${ALICE}:${ids[0]}:7`,
      `${ALICE}:${ids[2]}:2`,
      `${ALICE}:${ids[1]}:6`,
      `${ALICE}:${ids[3]}:2`,
      `${ALICE}:${ids[2]}:6`,
    ].sort();
    const mine = (events: OfferEvent[]) => events.filter((e) => ids.includes(e.offerId)).map((e) => e.id);
    await until(
      () => mine([...first.events, ...second.events]).length >= expected.length,
      10_000,
      'every change',
    );
    // A few more rounds in which nothing may be repeated.
    const polls = b.watcher.status().polls;
    await until(() => b.watcher.status().polls >= polls + 3, 10_000, 'three more polls');
    await b.watcher.stop();
    await second.done;
    const all = mine([...first.events, ...second.events]);
    expect([...all].sort()).toEqual(expected);
    expect(mine(second.events)).not.toHaveLength(0);
  });

  it('delivers events recorded by a poll that crashed before delivering them, once, with the same ids', async () => {
    let opened = await w.watchStore();
    const crash = new AbortController();
    // The "crash": right after the poll's transaction commits, before any event goes out.
    const crashing: OfferWatchStore = Object.create(opened.store, {
      commit: {
        value: async (commit: Parameters<OfferWatchStore['commit']>[0]) => {
          await opened.store.commit(commit);
          if (commit.events.length > 0) crash.abort();
        },
      },
    });
    const id = await offerTo(ALICE, CAROL);
    const a = w.watcher(ALICE, crashing, { signal: crash.signal });
    const heardA = record(a.watcher);
    await a.watcher.poll();
    expect(crash.signal.aborted).toBe(true);
    expect(a.watcher.running).toBe(false);
    expect(heardA.events).toEqual([]);
    expect((await opened.store.pendingEvents(ALICE, 100)).map((e) => e.id)).toContain(`${ALICE}:${id}:2`);

    opened = await opened.reopen();
    const b = w.watcher(ALICE, opened.store);
    const heardB = record(b.watcher);
    await b.watcher.poll();
    await b.watcher.poll();
    expect(heardB.about([id])).toEqual([['newOffer', id, undefined, 2]]);
    expect(heardB.events.find((e) => e.offerId === id)?.id).toBe(`${ALICE}:${id}:2`);
    expect(await opened.store.pendingEvents(ALICE, 100)).toEqual([]);
  });

  it('delivers again an event whose listener failed, and holds back the ones after it', async () => {
    const { store } = await w.watchStore();
    const { watcher } = w.watcher(ALICE, store);
    const ids = [await offerTo(ALICE, CAROL), await offerTo(ALICE, DAVE)];
    const heard: string[] = [];
    let failOnce = true;
    watcher.on('newOffer', async (event) => {
      if (event.offerId === ids[0] && failOnce) {
        failOnce = false;
        throw new Error('the database of the shop is down');
      }
      heard.push(event.id);
    });
    const warnings = record(watcher).warnings;
    await watcher.poll();
    expect(heard.filter((id) => ids.some((o) => id.includes(o)))).toEqual([]);
    expect(warnings.map((w) => w.code)).toContain('listener_failed');
    await watcher.poll();
    expect(heard.filter((id) => ids.some((o) => id.includes(o)))).toEqual([
      `${ALICE}:${ids[0]}:2`,
      `${ALICE}:${ids[1]}:2`,
    ]);
  });

  it('delivers again the event a loop held when it left, to the next watcher', async () => {
    let opened = await w.watchStore();
    const id = await offerTo(ALICE, CAROL);
    const a = w.watcher(ALICE, opened.store);
    let held: OfferEvent | undefined;
    for await (const event of a.watcher) {
      if (event.event !== 'pollFailure' && event.offerId === id) {
        held = event;
        break;
      }
    }
    expect(held?.id).toBe(`${ALICE}:${id}:2`);
    expect(a.watcher.running).toBe(false);

    opened = await opened.reopen();
    const b = w.watcher(ALICE, opened.store);
    const again = record(b.watcher);
    await b.watcher.poll();
    await b.watcher.poll();
    expect(again.about([id])).toEqual([['newOffer', id, undefined, 2]]);
  });
});
