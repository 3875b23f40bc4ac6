/**
 * @module steam/trade/preview
 * What a trade write would do, without doing it: the dry runs of the MCP write tools, and any
 * caller that shows a user an offer before sending it. A send is checked exactly as the send
 * checks it (send-input.ts: the same InvalidInputError, before any request), its partner
 * resolved, and its items looked up — yours in your own inventory (with the session, so
 * private and trade-protected items show), theirs in the partner's inventory as the offer
 * window shows it — so the preview names them and says what Steam would refuse. An action on
 * an offer reads the offer and refuses what the action would refuse (states.ts). Only reads.
 */
import { AuthenticationError, GamestashError, InvalidInputError, UpstreamError } from '../../core/errors.js';
import type { InventoryItem } from '../community/inventory/types.js';
import type { TradeContext } from './context.js';
import { derivedIdempotencyKey, sendFingerprint } from './fingerprint.js';
import type { TradeItem } from './items.js';
import type { Offer } from './model.js';
import { offerPageDetails, partnerInventoryItems } from './partner.js';
import { getOffer } from './read-offers.js';
import type { SendPlan } from './send-form.js';
import { checkOfferId, planSend, type SendInput } from './send-input.js';
import { refuseAction, type OfferAction } from './states.js';

export interface PreviewItem extends TradeItem {
  /** The item as its owner's inventory shows it; null when it is not there or could not be read. */
  item: InventoryItem | null;
  /** true: in the owner's inventory; false: not there (Steam would refuse the send); null: not checked. */
  found: boolean | null;
}

export interface SendPreview {
  sender: string;
  /** The partner's SteamID64. */
  partner: string;
  /** A trade token goes along (the trade URL's or the one given). */
  withToken: boolean;
  give: PreviewItem[];
  receive: PreviewItem[];
  message: string;
  counter: string | null;
  /** The key the send would use (the one given, or the derived one when asked); null without one. */
  idempotencyKey: string | null;
  /** An offer an earlier send under that key made: the send would return it instead of sending. */
  existing: { status: 'pending' | 'sent'; offerId: string | null; startedAt: string } | null;
  /** What would make Steam refuse the send, or what could not be checked: one sentence each. */
  problems: string[];
}

export interface ActionPreview {
  action: OfferAction;
  /** The offer as it is now, with its items' names. */
  offer: Offer;
}

/** Your own items in one app and context (the session's inventory reader). */
export type OwnItems = (
  appid: number,
  contextid: string,
  signal?: AbortSignal,
) => AsyncIterable<InventoryItem>;

export async function previewSend(
  ctx: TradeContext,
  input: SendInput,
  ownItems: OwnItems,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<SendPreview> {
  const session = ctx.requireSession('sending a trade offer');
  const plan = await planSend(input, {
    sender: session.steamid,
    resolve: ctx.resolve,
    hosts: [ctx.communityHost],
  });
  const problems: string[] = [];
  // Without a token Steam takes offers only to friends: its offer page says so before a send would.
  if (plan.token === undefined && plan.counter === undefined)
    await openWithoutToken(ctx, plan.partner, problems, options.signal);
  const key = input.idempotencyKey ?? (input.deriveIdempotencyKey ? derivedIdempotencyKey(plan) : undefined);
  const existing = key === undefined ? null : await existingSend(ctx, key, plan, problems);
  const give = await lookUp(
    plan.give,
    { side: 'give', inventory: 'your inventory', absent: 'in your inventory' },
    problems,
    (appid, contextid) => ownItems(appid, contextid, options.signal),
  );
  const receive = await lookUp(
    plan.receive,
    {
      side: 'receive',
      inventory: `${plan.partner}'s inventory`,
      absent: `among ${plan.partner}'s tradable items`,
    },
    problems,
    (appid, contextid) =>
      partnerInventoryItems(ctx, plan.partner, appid, contextid, {
        token: plan.token,
        signal: options.signal,
      }),
  );
  return {
    sender: plan.sender,
    partner: plan.partner,
    withToken: plan.token !== undefined,
    give,
    receive,
    message: plan.message,
    counter: plan.counter ?? null,
    idempotencyKey: key ?? null,
    existing,
    problems,
  };
}

async function openWithoutToken(
  ctx: TradeContext,
  partner: string,
  problems: string[],
  signal: AbortSignal | undefined,
): Promise<void> {
  try {
    await offerPageDetails(ctx, { partner, token: undefined }, signal);
  } catch (error) {
    if (!(error instanceof UpstreamError) || error instanceof AuthenticationError) throw error;
    problems.push(`${error.message}: Steam would refuse the offer (EResult 15 AccessDenied)`);
  }
}

async function existingSend(
  ctx: TradeContext,
  key: string,
  plan: SendPlan,
  problems: string[],
): Promise<SendPreview['existing']> {
  const record = await ctx.store.getSend(key);
  if (!record) return null;
  if (record.fingerprint !== sendFingerprint(plan)) {
    problems.push(
      `idempotency key "${key}" was first used for a different offer: the send would be refused (use a new key)`,
    );
    return null;
  }
  return {
    status: record.status,
    offerId: record.offerId ?? null,
    startedAt: new Date(record.startedAt).toISOString(),
  };
}

/** Each item found in its owner's inventory (read once per app and context, until all are found). */
async function lookUp(
  items: readonly TradeItem[],
  words: { side: 'give' | 'receive'; inventory: string; absent: string },
  problems: string[],
  read: (appid: number, contextid: string) => AsyncIterable<InventoryItem>,
): Promise<PreviewItem[]> {
  const found = new Map<string, InventoryItem>();
  const unread = new Set<string>();
  const groups = new Map<string, TradeItem[]>();
  for (const item of items) {
    const group = `${item.appid}/${item.contextid}`;
    groups.set(group, [...(groups.get(group) ?? []), item]);
  }
  for (const [group, wanted] of groups) {
    const missing = new Set(wanted.map((item) => item.assetid));
    try {
      for await (const item of read(wanted[0]!.appid, wanted[0]!.contextid)) {
        if (!missing.delete(item.assetid)) continue;
        found.set(`${group}/${item.assetid}`, item);
        if (missing.size === 0) break;
      }
    } catch (error) {
      // A preview that cannot check an inventory still says what it can: the rest of the offer.
      if (!(error instanceof GamestashError) || error instanceof InvalidInputError) throw error;
      unread.add(group);
      problems.push(
        `${words.inventory} ${group} could not be read (${error.message}): its items are not checked`,
      );
    }
  }
  return items.map((wanted) => {
    const group = `${wanted.appid}/${wanted.contextid}`;
    const item = found.get(`${group}/${wanted.assetid}`) ?? null;
    const label = `${words.side} ${group}/${wanted.assetid}`;
    if (unread.has(group)) return { ...wanted, item: null, found: null };
    if (!item) {
      problems.push(`${label} is not ${words.absent}: Steam would refuse the offer (EResult 26 Revoked)`);
    } else if (!item.tradable) {
      problems.push(`${label} (${item.name}) is not tradable now: Steam would refuse the offer`);
    } else if (wanted.amount > item.amount) {
      problems.push(`${label} (${item.name}): ${wanted.amount} asked, ${item.amount} held`);
    }
    return { ...wanted, item, found: item !== null };
  });
}

/** The offer an action would act on; the action's own refusal (an InvalidInputError) when it would refuse. */
export async function previewAction(
  ctx: TradeContext,
  action: OfferAction,
  offerId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<ActionPreview> {
  const id = checkOfferId(offerId);
  if (action === 'accept') ctx.requireSession('accepting a trade offer');
  const offer = await getOffer(ctx, id, { signal: options.signal });
  const refusal = refuseAction(action, offer);
  if (refusal) throw new InvalidInputError(refusal, 'offerId');
  return { action, offer };
}
