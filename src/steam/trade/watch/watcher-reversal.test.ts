/**
 * Reversals (trade protection): an accepted offer's trade reversed inside the window is
 * announced once as `offerReverted` (GetTradeStatus says 12 with `rollback_trade`) although
 * the offer still says Accepted, at the slower reversal pace; checks stop at the window's end
 * and a reversal after it is not looked for.
 */
import { describe, expect, it } from 'vitest';
import { ALICE, CAROL, DAVE, spec } from '../../../../test/trade-client-world.js';
import { control } from '../../../../test/trade-world.js';
import { DAY, MINUTE, record, watchWorld } from '../../../../test/watch-world.js';

const w = watchWorld();
const HOUR = 60 * MINUTE;

/** `from` offers CAROL a CS2 item for one of hers; she accepts. */
async function tradeAway(from: string): Promise<{ id: string; tradeid: string }> {
  const { client } = w.client(from, { session: w.longSession(from) });
  const sent = await client.send({
    partner: CAROL,
    token: w.trade().account(CAROL).token,
    give: (await w.take(from, 730, 1)).map(spec),
    receive: (await w.take(CAROL, 730, 1)).map(spec),
  });
  const accepted = w.trade().accept(sent.id);
  if (!accepted.ok) throw new Error(accepted.error);
  return { id: sent.id, tradeid: accepted.offer.tradeid! };
}

describe('reversals', () => {
  it('announces a reversed trade once, at the reversal pace, while the offer still says Accepted', async () => {
    const { store } = await w.watchStore();
    const { watcher, count } = w.watcher(DAVE, store, { reversalCheckIntervalMs: HOUR });
    const heard = record(watcher);
    await watcher.poll();
    const { id, tradeid } = await tradeAway(DAVE);
    await watcher.poll();
    expect(heard.about([id])).toEqual([['sentOfferChanged', id, null, 3]]);

    const reversed = await control(w.url(), `trade/trades/${tradeid}/reverse`, {});
    expect(reversed.status).toBe(200);
    await watcher.poll();
    // Not due yet: the reversal pace is slower than the poll's.
    expect(count(/GetTradeStatus/)).toBe(0);
    w.trade().advanceTime(HOUR);
    await watcher.poll();
    expect(count(/GetTradeStatus/)).toBe(1);
    const event = heard.events.find((e) => e.event === 'offerReverted');
    expect(event).toMatchObject({
      id: `${DAVE}:${id}:reverted`,
      offerId: id,
      tradeId: tradeid,
      offer: { state: 3, stateName: 'Accepted' },
      trade: {
        status: 12,
        statusName: 'TradeProtectionRollback',
        rolledBack: true,
        rollbackTrade: reversed.json.trade.rollbackTrade,
      },
    });
    for (let i = 0; i < 3; i++) {
      w.trade().advanceTime(HOUR);
      await watcher.poll();
    }
    expect(heard.events.filter((e) => e.event === 'offerReverted')).toHaveLength(1);
    expect(count(/GetTradeStatus/)).toBe(1);
  });

  it('stops checking at the end of its window: a reversal after it goes unheard', async () => {
    const { store } = await w.watchStore();
    // Another account: DAVE's trade of the test above would be checked too.
    const { watcher, count } = w.watcher(ALICE, store, {
      reversalCheckIntervalMs: DAY,
      reversalWindowMs: 3 * DAY,
    });
    const heard = record(watcher);
    await watcher.poll();
    const { id, tradeid } = await tradeAway(ALICE);
    await watcher.poll();
    const checks: number[] = [];
    for (let day = 1; day <= 5; day++) {
      w.trade().advanceTime(DAY);
      await watcher.poll();
      checks.push(count(/GetTradeStatus/));
    }
    // Days 1 and 2, then the window's end (day 3), then none.
    expect(checks).toEqual([1, 2, 3, 3, 3]);
    // Steam's own window (7 days) is longer than this watcher's: the trade can still be reversed.
    expect((await control(w.url(), `trade/trades/${tradeid}/reverse`, {})).status).toBe(200);
    w.trade().advanceTime(DAY);
    await watcher.poll();
    expect(count(/GetTradeStatus/)).toBe(checks.at(-1));
    expect(heard.events.filter((e) => e.offerId === id && e.event === 'offerReverted')).toEqual([]);
  });
});
