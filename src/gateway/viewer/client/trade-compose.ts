/// <reference lib="dom" />
/**
 * @module gateway/viewer/client/trade-compose
 * A new offer: the partner from their trade URL, items picked from the account's own tradable
 * inventory and the partner's, the running value of each side, a message, and Send through
 * the gateway. Each composed offer gets one Idempotency-Key (crypto.randomUUID), made at its
 * first Send and kept until it is sent or changed: a double click, or Send pressed again after
 * an answer was lost, returns the same offer instead of making a second (docs/gateway.md).
 */
import { apiCall, ViewerError } from './api.js';
import { byId, el, say } from './dom.js';
import { APPS } from './steam-tab.js';
import { picker } from './trade-picker.js';
import type { PickItem } from './trade-value.js';
import { sentWords, tradeWords, type TradeDoing } from './trade-words.js';

interface SendAnswer {
  id: string;
  partner?: string;
  state: number;
  needsMobileConfirmation: boolean;
  needsEmailConfirmation: boolean;
  replayed: boolean;
}

export interface ComposeHost {
  account(): string;
  /** An offer went out: the lists are read again. */
  sent(): void;
}

const spec = (item: PickItem) => `${item.appid}/${item.contextid}/${item.assetid}`;

export function composer(host: ComposeHost) {
  const form = byId<HTMLFormElement>('trade-compose');
  const partner = byId<HTMLInputElement>('trade-partner');
  const app = byId<HTMLSelectElement>('trade-app');
  const message = byId<HTMLTextAreaElement>('trade-message');
  const send = byId<HTMLButtonElement>('trade-send');
  const sentLine = byId('trade-sent');
  const problem = byId('trade-send-error');
  const sides = byId('trade-sides');
  let idempotencyKey: string | undefined;
  let sending = false;
  let controller: AbortController | undefined;
  let loaded = '';

  const changed = () => {
    // Another offer now: a new key at its first Send.
    idempotencyKey = undefined;
  };
  const mine = picker({
    id: 'trade-mine',
    title: 'Your items',
    searchLabel: 'Search your items',
    verb: 'You give',
    changed,
  });
  const theirs = picker({
    id: 'trade-theirs',
    title: "Partner's items",
    searchLabel: "Search the partner's items",
    verb: 'You receive',
    changed,
  });
  sides.append(mine.element, theirs.element);
  for (const [id, { name, context }] of APPS) app.append(el('option', { value: `${id}/${context}` }, name));
  message.addEventListener('input', changed);

  const words = (doing: TradeDoing) => (status: number, code: string, e: object, wait: number | undefined) =>
    tradeWords(status, code, e, wait, host.account(), doing);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    void loadSides();
  });
  partner.addEventListener('input', () => {
    changed();
    if (partner.value.trim() !== loaded) sides.hidden = true;
  });

  async function loadSides(): Promise<void> {
    controller?.abort();
    const own = (controller = new AbortController());
    const [appid, contextid] = app.value.split('/') as [string, string];
    const who = partner.value.trim();
    changed();
    say(problem, '');
    sentLine.textContent = '';
    sides.hidden = false;
    loaded = who;
    const query = '?limit=5000&tradable=1&prices=1';
    const account = host.account();
    const [a, b] = await Promise.all([
      mine.load(
        `/v1/steam/accounts/${account}/inventory/${appid}/${contextid}${query}`,
        words('read the inventory'),
        own.signal,
      ),
      theirs.load(
        `/v1/steam/inventory/${encodeURIComponent(who)}/${appid}/${contextid}${query}`,
        words('read the inventory'),
        own.signal,
      ),
    ]);
    if (own.signal.aborted) return;
    send.hidden = !(a || b);
  }

  send.addEventListener('click', async () => {
    if (sending) return;
    const give = mine.chosen().map(spec);
    const receive = theirs.chosen().map(spec);
    if (give.length + receive.length === 0) {
      say(problem, 'Pick at least one item, from either side.');
      return;
    }
    sending = true;
    send.setAttribute('aria-disabled', 'true');
    say(problem, '');
    sentLine.textContent = 'Sending…';
    idempotencyKey ??= crypto.randomUUID();
    try {
      const { body } = await apiCall<SendAnswer>(`/v1/steam/accounts/${host.account()}/offers`, 'steam', {
        method: 'POST',
        headers: { 'idempotency-key': idempotencyKey },
        body: {
          partner: loaded,
          give,
          receive,
          ...(message.value.trim() ? { message: message.value.trim() } : {}),
        },
        words: words('send'),
      });
      sentLine.textContent = sentWords(body);
      idempotencyKey = undefined;
      mine.unchoose();
      theirs.unchoose();
      message.value = '';
      host.sent();
    } catch (caught) {
      sentLine.textContent = '';
      const lost = caught instanceof ViewerError && caught.code === 'unreachable';
      say(
        problem,
        lost
          ? 'No answer from the gateway: the offer may have gone out. Press Send offer again: it is the same offer, so it is never sent twice.'
          : caught instanceof ViewerError
            ? caught.message
            : 'Something went wrong sending the offer.',
      );
    } finally {
      sending = false;
      send.removeAttribute('aria-disabled');
    }
  });

  return {
    /** Another account: nothing composed carries over. */
    reset(): void {
      controller?.abort();
      mine.clear();
      theirs.clear();
      changed();
      loaded = '';
      sides.hidden = true;
      send.hidden = true;
      sentLine.textContent = '';
      say(problem, '');
    },
  };
}
