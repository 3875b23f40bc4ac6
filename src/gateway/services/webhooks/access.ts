/**
 * @module gateway/services/webhooks/access
 * Who may manage webhooks and hear an account's events. Keys get scopes (`webhooks:write`)
 * and accounts with the trading gateway; until that is wired in, every key may manage its
 * own webhooks and hear every event published for it. The gateway builds its webhook service
 * with one of these: the trading gateway's scope and account checks replace `OPEN_ACCESS`.
 */
import type { ApiKeyRecord } from '../../../store/api-keys.js';

/** The scope that lets a key create, change and delete webhooks and inventory watches. */
export const WEBHOOKS_WRITE_SCOPE = 'webhooks:write';

export interface WebhookAccess {
  /** May this key manage webhooks and watches (the `webhooks:write` scope)? */
  mayManage(key: ApiKeyRecord): boolean | Promise<boolean>;
  /** May this key's webhooks receive events about this account (and subscribe to it)? */
  mayReceive(keyId: string, account: string): boolean | Promise<boolean>;
}

/** Every key may manage its own webhooks and hear every account (keys have no scopes yet). */
export const OPEN_ACCESS: WebhookAccess = {
  mayManage: () => true,
  mayReceive: () => true,
};
