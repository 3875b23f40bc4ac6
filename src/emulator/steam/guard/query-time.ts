/**
 * @module emulator/steam/guard/query-time
 * `ITwoFactorService/QueryTime/v1` (a POST; UPSTREAM.md): the server clock that login codes
 * and confirmation keys are checked against, with the tuning fields Steam's answer carries
 * (values as steam-totp's and SteamKit's users have logged them; 64-bit ones as strings).
 * `server_time` is the trade clock plus the scenario's `timeSkewSeconds`, so a client that
 * uses its own clock instead of this offset gets its keys refused.
 */
import type { WebApiMethod } from '../webapi/registry.js';
import { serverSeconds, type GuardContext } from './context.js';

export function queryTimeMethod(ctx: GuardContext): WebApiMethod {
  return {
    interface: 'ITwoFactorService',
    method: 'QueryTime',
    version: 1,
    httpMethod: 'POST',
    needsKey: false,
    description: 'Get server time',
    parameters: [
      { name: 'sender_time', type: 'uint64', optional: true, description: 'Current time on the client' },
    ],
    handle() {
      ctx.stats.queryTimes++;
      return {
        root: 'response',
        value: {
          server_time: String(serverSeconds(ctx)),
          skew_tolerance_seconds: '60',
          large_time_jink: '86400',
          probe_frequency_seconds: 3600,
          adjusted_time_probe_frequency_seconds: 300,
          hint_probe_frequency_seconds: 60,
          sync_timeout: 60,
          try_again_seconds: 900,
          max_attempts: 3,
        },
      };
    },
  };
}
