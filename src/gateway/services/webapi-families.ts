/**
 * @module gateway/services/webapi-families
 * How long the gateway keeps a Web API answer, by method family: what a player did changes
 * within minutes (profiles, friends, games, achievements); an app's news and global
 * percentages change slowly and are the same for everyone; the method list changes rarely
 * (the library itself keeps it a day). The server time is never cached.
 */
import type { GatewayConfig } from '../config.js';

export type WebApiFamily = 'players' | 'apps' | 'list' | 'live';

const APP_INTERFACES = new Set(['isteamnews', 'isteamapps']);
const APP_METHODS = new Set([
  'isteamuserstats/getglobalachievementpercentagesforapp',
  'isteamuserstats/getschemaforgame',
  'isteamuserstats/getglobalstatsforgame',
]);
const LIVE_METHODS = new Set(['isteamwebapiutil/getserverinfo', 'isteamuserstats/getnumberofcurrentplayers']);

/** The family of `Interface/Method` (names as the method list spells them, any case). */
export function webApiFamilyOf(iface: string, method: string): WebApiFamily {
  const name = `${iface}/${method}`.toLowerCase();
  if (name === 'isteamwebapiutil/getsupportedapilist') return 'list';
  if (LIVE_METHODS.has(name)) return 'live';
  if (APP_INTERFACES.has(iface.toLowerCase()) || APP_METHODS.has(name)) return 'apps';
  return 'players';
}

/** A family's time to live in ms; 0: not cached. */
export function webApiTtlOf(family: WebApiFamily, ttls: GatewayConfig['webApiTtlMs']): number {
  return family === 'live' ? 0 : ttls[family];
}
