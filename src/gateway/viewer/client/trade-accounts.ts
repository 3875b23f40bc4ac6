/// <reference lib="dom" />
/**
 * @module gateway/viewer/client/trade-accounts
 * The trading accounts the viewer's key may act for (`GET /v1/steam/accounts`), offered as
 * suggestions of the "Trading account" input and named in its prompt. Best effort: without
 * a key, or on an older gateway, the input simply takes a typed name.
 */
import { apiGet } from './api.js';
import { byId, el } from './dom.js';

interface AccountsAnswer {
  accounts: { name: string; steamid: string }[];
}

/** Fills the input's suggestions; resolves to the names (empty when they cannot be read). */
export async function suggestAccounts(): Promise<string[]> {
  const list = byId<HTMLDataListElement>('trade-accounts');
  try {
    const { body } = await apiGet<AccountsAnswer>('/v1/steam/accounts', 'steam');
    const names = body.accounts.map((a) => a.name);
    list.replaceChildren(
      ...body.accounts.map((a) => el('option', { value: a.name }, `SteamID ${a.steamid}`)),
    );
    return names;
  } catch {
    return [];
  }
}
