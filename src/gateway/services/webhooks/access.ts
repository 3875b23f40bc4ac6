/**
 * @module gateway/services/webhooks/access
 * Who may manage webhooks and hear an account's events. The gateway checks the keys' own
 * scopes and accounts (`scopedWebhookAccess`); embedders and tests may plug in their own.
 */
import type { ApiKeyRecord } from '../../../store/api-keys.js';
import type { KeyScope } from '../../../store/key-scopes.js';

/** The scope that lets a key create, change and delete webhooks and inventory watches. */
export const WEBHOOKS_WRITE_SCOPE = 'webhooks:write';

export interface WebhookAccess {
  /** May this key manage webhooks and watches (the `webhooks:write` scope)? */
  mayManage(key: ApiKeyRecord): boolean | Promise<boolean>;
  /** May this key's webhooks receive events about this account (and subscribe to it)? */
  mayReceive(keyId: string, account: string): boolean | Promise<boolean>;
}

/** Every key may manage its own webhooks and hear every account (embedders without scopes). */
export const OPEN_ACCESS: WebhookAccess = {
  mayManage: () => true,
  mayReceive: () => true,
};

/**
 * The gateway's checks: managing takes `webhooks:write`; an account's events (its offers) go
 * to keys with `offers:read` for that account, the same keys its offer routes answer.
 */
export function scopedWebhookAccess(
  keysFor: (account: string, scope: KeyScope) => Promise<string[]>,
): WebhookAccess {
  return {
    mayManage: (key) => key.scopes.includes(WEBHOOKS_WRITE_SCOPE),
    mayReceive: async (keyId, account) => (await keysFor(account, 'offers:read')).includes(keyId),
  };
}
