/// <reference lib="dom" />
/**
 * @module gateway/viewer/client/trade-desk
 * The trade desk tab: a registered trading account (remembered in the URL), its incoming and
 * outgoing offers read through the gateway's trading routes, accepting, declining and
 * cancelling each after a confirmation dialog named after the action, and composing a new
 * offer (trade-compose.ts). Every failure is said in plain words where it happened.
 */
import { apiCall, ViewerError } from './api.js';
import { closeDialog, openDialog } from './dialog.js';
import { byId, el, say } from './dom.js';
import { plural } from './format.js';
import { ACCOUNT, TRADE_LISTS, type TradeList, type TradeView } from './state.js';
import { suggestAccounts } from './trade-accounts.js';
import { composer } from './trade-compose.js';
import { actionLabel, actionsFor, offerCard, type Offer, type OfferAction } from './trade-offer.js';
import { offerStateWords, tradeWords, type TradeDoing } from './trade-words.js';

interface OffersAnswer {
  account: string;
  steamid: string;
  offers: Offer[];
}

interface ActionAnswer {
  id: string;
  state: number;
  needsMobileConfirmation?: boolean;
  needsEmailConfirmation?: boolean;
}

export interface TradeHost {
  view(): TradeView;
  change(patch: Partial<TradeView>, push?: boolean): void;
}

/** Finished offers stay on the desk this long after their last change. */
const RECENT_MS = 7 * 86_400_000;

export function tradeDesk(host: TradeHost) {
  const form = byId<HTMLFormElement>('trade-account');
  const input = byId<HTMLInputElement>('trade-acct');
  const status = byId('trade-status');
  const error = byId('trade-error');
  const desk = byId('trade-desk');
  const lists: Record<TradeList, HTMLElement> = {
    incoming: byId('trade-incoming'),
    outgoing: byId('trade-outgoing'),
    new: byId('trade-new'),
  };
  const switches = [...byId('trade-lists').querySelectorAll<HTMLButtonElement>('button[data-list]')];
  let loadedFor = '';
  let controller: AbortController | undefined;
  const compose = composer({ account: () => loadedFor, sent: () => void load() });

  const words = (doing: TradeDoing) => (status: number, code: string, e: object, wait: number | undefined) =>
    tradeWords(status, code, e, wait, host.view().account, doing);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    host.change({ account: input.value.trim() }, true);
    void load();
  });
  for (const button of switches) {
    button.addEventListener('click', () => {
      host.change({ list: button.dataset.list as TradeList }, true);
      showList();
    });
  }

  function showList(): void {
    const { list } = host.view();
    for (const name of TRADE_LISTS) lists[name].hidden = name !== list;
    for (const button of switches) button.setAttribute('aria-pressed', String(button.dataset.list === list));
  }

  async function load(): Promise<void> {
    const { account } = host.view();
    controller?.abort();
    const own = (controller = new AbortController());
    input.value = account;
    say(error, '');
    if (!account) {
      desk.hidden = true;
      status.textContent = 'Enter the name of a trading account registered on the gateway.';
      return;
    }
    if (account !== loadedFor) compose.reset();
    loadedFor = account;
    status.textContent = `Reading the offers of ${account}…`;
    const since = new Date(Date.now() - RECENT_MS).toISOString();
    try {
      const { body } = await apiCall<OffersAnswer>(
        `/v1/steam/accounts/${account}/offers?active=1&historical_cutoff=${encodeURIComponent(since)}&limit=100`,
        'steam',
        { signal: own.signal, words: words('read offers') },
      );
      if (own.signal.aborted) return;
      const incoming = body.offers.filter((o) => !o.isOurOffer);
      const outgoing = body.offers.filter((o) => o.isOurOffer);
      fill(lists.incoming, incoming, 'No offers received lately.');
      fill(lists.outgoing, outgoing, 'No offers sent lately.');
      const waiting = incoming.filter((o) => actionsFor(o).length > 0).length;
      status.textContent = `${account} (SteamID ${body.steamid}): ${plural(waiting, 'offer')} waiting for an answer, ${plural(outgoing.length, 'offer')} sent lately.`;
      desk.hidden = false;
      showList();
    } catch (caught) {
      if (own.signal.aborted) return;
      status.textContent = '';
      desk.hidden = !(caught instanceof ViewerError && caught.code === 'missing_scope');
      if (!desk.hidden) {
        // A key that may not read offers may still compose: leave the lists empty.
        fill(lists.incoming, [], 'The offers cannot be read with this key.');
        fill(lists.outgoing, [], 'The offers cannot be read with this key.');
        showList();
      }
      say(error, caught instanceof ViewerError ? caught.message : 'Something went wrong reading the offers.');
    }
  }

  function fill(box: HTMLElement, offers: Offer[], empty: string): void {
    const list = box.querySelector('ul.offers') ?? box.appendChild(el('ul', { class: 'offers' }));
    list.replaceChildren(
      ...(offers.length
        ? offers.map((o) => offerCard(o, confirmAction))
        : [el('li', { class: 'muted' }, empty)]),
    );
  }

  /** Asks first, in a dialog named after the action; acts; reads the list again. */
  function confirmAction(offer: Offer, action: OfferAction): void {
    const account = host.view().account;
    const opener = document.activeElement as HTMLElement | null;
    const problem = el('p', { class: 'error', role: 'alert', hidden: '' });
    const yes = el('button', { type: 'button' }, `Yes, ${action} it`);
    const no = el('button', { type: 'button', class: 'secondary' }, 'No, go back');
    const give = offer.itemsToGive.length;
    const get = offer.itemsToReceive.length;
    const body = el(
      'div',
      { class: 'confirm' },
      el(
        'p',
        {},
        `${account} gives ${plural(give, 'item')} and receives ${plural(get, 'item')}` +
          (offer.isOurOffer ? ` (offer to ${offer.partner}).` : ` (offer from ${offer.partner}).`),
      ),
      el(
        'p',
        { class: 'muted' },
        action === 'decline' || action === 'cancel'
          ? 'This cannot be undone.'
          : 'Steam moves the items once accepted (and, when it asks, confirmed).',
      ),
      problem,
      el('div', { class: 'offer-actions' }, yes, no),
    );
    let busy = false;
    yes.addEventListener('click', async () => {
      if (busy) return;
      busy = true;
      yes.disabled = true;
      say(problem, '');
      try {
        const { body: done } = await apiCall<ActionAnswer>(
          `/v1/steam/accounts/${account}/offers/${offer.id}/${action}`,
          'steam',
          { method: 'POST', body: {}, words: words(action) },
        );
        closeDialog();
        status.textContent = `Offer ${done.id}: ${offerStateWords(done.state)}${done.needsMobileConfirmation ? ' — confirm it in the Steam mobile app' : ''}.`;
        await load();
        // The card that had focus was drawn again: focus goes to its list's heading.
        if (!opener?.isConnected && document.activeElement === document.body)
          byId(`trade-list-${host.view().list}`).focus();
      } catch (caught) {
        say(problem, caught instanceof ViewerError ? caught.message : 'Something went wrong.');
        busy = false;
        yes.disabled = false;
        if (caught instanceof ViewerError && caught.code === 'offer_not_found') void load();
      }
    });
    no.addEventListener('click', () => closeDialog());
    openDialog(actionLabel(action, offer.id), body, () => {
      if (opener?.isConnected) opener.focus();
      else byId(`trade-list-${host.view().list}`).focus();
    });
    yes.focus();
  }

  return {
    /** Brings the desk in line with the state (first load, Back/Forward, a new key). */
    sync(force = false): void {
      const view = host.view();
      input.value = view.account;
      if (!view.account || !ACCOUNT.test(view.account)) {
        desk.hidden = true;
        if (!view.account) {
          status.textContent = 'Enter the name of a trading account registered on the gateway.';
          void suggestAccounts().then((names) => {
            if (names.length > 0 && !host.view().account)
              status.textContent = `Choose a trading account: this key may use ${names.join(', ')}.`;
          });
        }
        return;
      }
      if (force || view.account !== loadedFor) void load();
      else showList();
    },
  };
}
