/**
 * @module cli/demo/trading
 * The demo's trading side, so the viewer's trade desk shows something at once: the demo
 * collector registered as the gateway's trading account `demo` (an emulator session minted
 * for it, sealed under the run's GAMESTASH_SECRET_KEY), and a demo partner with items and a
 * trade URL who has already sent it two offers.
 */
import type { HttpClient } from '../../core/http/client.js';
import type { StartedEmulator } from '../../emulator/index.js';
import { SteamInventoryClient } from '../../steam/community/inventory/client.js';
import { checkAccountSecrets, presentSecrets, sessionOf } from '../../steam/accounts/secrets.js';
import { SteamTradeClient } from '../../steam/trade/client.js';
import { MemoryTradeStateStore } from '../../steam/trade/state-store.js';
import { SteamWebApiClient } from '../../steam/webapi/client.js';
import type { StoreDatabase } from '../../store/database.js';
import { SecretBox } from '../../store/secret-box.js';
import { SteamAccountStore } from '../../store/steam-accounts.js';
import { DEMO, demoTradeUrl } from './scenario.js';

/** The demo's sessions outlive any demo run (the emulator's default is a day). */
const SESSION_SECONDS = 30 * 86_400;

/** Registers the demo collector as trading account `DEMO.account`. */
export async function registerDemoAccount(
  emulator: StartedEmulator,
  database: StoreDatabase,
  secretKey: string,
): Promise<void> {
  const minted = emulator.steam.trade.session(DEMO.steamid, SESSION_SECONDS);
  const given = checkAccountSecrets({
    cookies: `steamLoginSecure=${minted.steamLoginSecure}; sessionid=${minted.sessionid}`,
  });
  const session = sessionOf({ cookies: given.cookies! }, 'the demo');
  await new SteamAccountStore(database.db, SecretBox.fromSecretKey(secretKey)).add({
    name: DEMO.account,
    steamid: session.steamid,
    secrets: { cookies: given.cookies!, ...given },
    present: presentSecrets(given),
    sessionExpiresAt: session.expiresAt?.getTime() ?? null,
    watch: false,
  });
}

/**
 * The partner sends the demo account two offers: a swap of a few items each way, and a gift.
 * Through the trade library against the emulator, as a real partner's client would.
 */
export async function sendPartnerOffers(emulator: StartedEmulator, http: HttpClient): Promise<void> {
  const minted = emulator.steam.trade.session(DEMO.partnerSteamid, SESSION_SECONDS);
  const webapi = new SteamWebApiClient({ http, apiUrl: emulator.url, communityUrl: emulator.url });
  const partner = new SteamTradeClient({
    http,
    webapi,
    communityUrl: emulator.url,
    store: new MemoryTradeStateStore(),
    session: sessionOf(
      { cookies: `steamLoginSecure=${minted.steamLoginSecure}; sessionid=${minted.sessionid}` },
      'the demo partner',
    ),
    steamId: DEMO.partnerSteamid,
  });
  const inventories = new SteamInventoryClient({
    http,
    communityUrl: emulator.url,
    intervalMs: 0,
    pageSize: 2000,
    language: 'english',
  });
  const theirs = await tradableAssets(inventories, DEMO.partnerSteamid, 3);
  const ours = await tradableAssets(inventories, DEMO.steamid, 2);
  const to = demoTradeUrl();
  await partner.send({ partner: to, give: theirs.slice(0, 2), receive: ours, message: 'Swap?' });
  await partner.send({ partner: to, give: theirs.slice(2, 3), message: 'A gift for the demo' });
}

async function tradableAssets(client: SteamInventoryClient, steamid: string, n: number) {
  const items = await client.fetchItems({ steamid, appid: 730, contextid: 2 });
  return items
    .filter((item) => item.tradable)
    .slice(0, n)
    .map((item) => `730/2/${item.assetid}`);
}
