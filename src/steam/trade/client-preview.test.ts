/**
 * Previews (the dry runs of the MCP write tools) and derived idempotency keys against the
 * emulator over real HTTP: a preview names the items from both inventories, says what Steam
 * would refuse, refuses bad input like the send does, and never writes.
 */
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../core/errors.js';
import { ALICE, BOB, CAROL, spec, tradeClientWorld } from '../../../test/trade-client-world.js';
import { MemoryTradeStateStore } from './state-store.js';

const w = tradeClientWorld();
const tokenOf = (steamid: string) => w.trade().account(steamid).token;

describe('previewSend', () => {
  it('names the items on both sides from their owners’ inventories and sends nothing', async () => {
    const { client, count } = w.client(ALICE);
    const give = await w.take(ALICE, 730, 2);
    const receive = await w.take(BOB, 440, 1);
    const before = await w.stats();
    const preview = await client.previewSend({
      partner: BOB,
      token: tokenOf(BOB),
      give: give.map(spec),
      receive: receive.map(spec),
      message: 'as discussed',
    });
    expect(preview).toMatchObject({
      sender: ALICE,
      partner: BOB,
      withToken: true,
      message: 'as discussed',
      counter: null,
      idempotencyKey: null,
      existing: null,
      problems: [],
    });
    expect(preview.give.map((i) => [i.assetid, i.found])).toEqual(give.map((i) => [i.assetid, true]));
    expect(preview.give[0]!.item?.name).toEqual(expect.any(String));
    expect(preview.give[0]!.item!.name.length).toBeGreaterThan(0);
    expect(preview.receive[0]).toMatchObject({ appid: 440, assetid: receive[0]!.assetid, found: true });
    expect(preview.receive[0]!.item?.name.length).toBeGreaterThan(0);
    const after = await w.stats();
    expect(after.sends).toBe(before.sends);
    expect(after.offersCreated).toBe(before.offersCreated);
    expect(count(/\/tradeoffer\/new\/send/)).toBe(0);
    expect(count(/\/inventory\/76561198000000701\/730\/2/)).toBe(1);
    expect(count(/\/tradeoffer\/new\/partnerinventory/)).toBe(1);
  });

  it('says which items Steam would refuse', async () => {
    const { client } = w.client(ALICE);
    const preview = await client.previewSend({
      partner: CAROL,
      give: ['730/2/999999999999'],
      receive: ['440/2/888888888888'],
    });
    expect(preview.give[0]).toMatchObject({ found: false, item: null });
    expect(preview.receive[0]).toMatchObject({ found: false, item: null });
    expect(preview.problems).toEqual([
      'give 730/2/999999999999 is not in your inventory: Steam would refuse the offer (EResult 26 Revoked)',
      `receive 440/2/888888888888 is not among ${CAROL}'s tradable items: Steam would refuse the offer (EResult 26 Revoked)`,
    ]);
  });

  it('says Steam would refuse an offer without a token to anyone but a friend', async () => {
    const { client } = w.client(ALICE);
    const give = (await w.take(ALICE, 730, 1)).map(spec);
    const stranger = await client.previewSend({ partner: BOB, give });
    expect(stranger.withToken).toBe(false);
    expect(stranger.problems).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Steam's trade offer page for ${BOB} says: .*no trade URL token was given.*: Steam would refuse the offer \\(EResult 15 AccessDenied\\)$`,
        ),
      ),
    ]);
    expect((await client.previewSend({ partner: BOB, token: tokenOf(BOB), give })).problems).toEqual([]);
    // A friend (Carol) takes offers without one.
    expect((await client.previewSend({ partner: CAROL, give })).problems).toEqual([]);
  });

  it('refuses bad input as the send does, before any request', async () => {
    const { client, requests } = w.client(ALICE);
    await expect(client.previewSend({ partner: BOB, give: ['730/2/abc'] })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    await expect(client.previewSend({ partner: ALICE, give: ['730/2/1'] })).rejects.toThrow(/yourself/);
    await expect(client.previewSend({ partner: BOB })).rejects.toThrow(/no items/);
    expect(requests).toEqual([]);
  });
});

describe('derived idempotency keys', () => {
  it('sends the same request once; the preview then shows the offer it made', async () => {
    const store = new MemoryTradeStateStore();
    const { client } = w.client(ALICE, { store });
    const give = await w.take(ALICE, 730, 1);
    const input = { partner: CAROL, give: give.map(spec), message: 'gift', deriveIdempotencyKey: true };
    const before = await w.stats();
    const first = await client.send(input);
    const again = await client.send(input);
    expect(again).toEqual({ ...first, replayed: true });
    expect((await w.stats()).offersCreated).toBe(before.offersCreated + 1);
    const preview = await client.previewSend(input);
    expect(preview.idempotencyKey).toMatch(/^derived:[0-9a-f]{64}$/);
    expect(preview.existing).toMatchObject({ status: 'sent', offerId: first.id });
    // Another message is another request: another key.
    const other = await client.previewSend({ ...input, message: 'another gift' });
    expect(other.idempotencyKey).not.toBe(preview.idempotencyKey);
    expect(other.existing).toBeNull();
  });
});

describe('previewAction', () => {
  it('returns the offer an action would act on, or the refusal it would meet, without writing', async () => {
    const alice = w.client(ALICE);
    const give = await w.take(ALICE, 730, 1);
    const sent = await alice.client.send({ partner: CAROL, give: give.map(spec) });
    const before = await w.stats();
    const carol = w.client(CAROL);
    const preview = await carol.client.previewAction('accept', sent.id);
    expect(preview.offer).toMatchObject({
      id: sent.id,
      partner: ALICE,
      isOurOffer: false,
      stateName: 'Active',
    });
    expect(preview.offer.itemsToReceive[0]!.name.length).toBeGreaterThan(0);
    await expect(alice.client.previewAction('accept', sent.id)).rejects.toThrow(/one you sent/);
    await expect(carol.client.previewAction('cancel', sent.id)).rejects.toThrow(/decline it instead/);
    expect((await alice.client.previewAction('cancel', sent.id)).offer.id).toBe(sent.id);
    const after = await w.stats();
    expect([after.accepts, after.declines, after.cancels]).toEqual([
      before.accepts,
      before.declines,
      before.cancels,
    ]);
    expect(w.trade().offer(sent.id)?.state).toBe(2);
  });
});
