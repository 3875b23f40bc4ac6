/**
 * @module test/services/emulator-trade
 * A completed trade between two emulator accounts, the way a test changes an inventory:
 * `from` sends an offer over the community endpoint, `to` accepts it through the emulator's
 * control API. Returns the trade (each asset with its new id on the receiving side).
 */
import type { StartedEmulator } from '../../src/emulator/index.js';
import { sendOffer, tradable, type Asset } from '../trade-world.js';

export async function completeTrade(
  emulator: StartedEmulator,
  from: string,
  to: string,
  items: { give?: Asset[]; receive?: Asset[] },
) {
  const session = emulator.steam.trade.session(from);
  const sent = await sendOffer(emulator.url, session, { partner: to, ...items });
  if (sent.status !== 200) throw new Error(`send failed: ${sent.status} ${sent.text}`);
  const accepted = emulator.steam.trade.accept(String(sent.json.tradeofferid));
  if (!accepted.ok || !accepted.tradeid) throw new Error(`accept failed: ${JSON.stringify(accepted)}`);
  const trade = emulator.steam.trade.trade(accepted.tradeid);
  if (!trade) throw new Error(`no trade ${accepted.tradeid}`);
  return trade;
}

export { tradable };
