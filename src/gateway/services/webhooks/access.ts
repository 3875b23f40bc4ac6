/**
 * @module gateway/services/webhooks/access
 * Who may manage webhooks and hear an account's events. The gateway checks the keys' own
 * scopes and accounts (`scopedWebhookAccess`); embedders and tests may plug in their own.
 */
import type { ApiKeyRecord } from '../../../store/api-keys.js';
import { allowsAccount, type KeyScope } from '../../../store/key-scopes.js';

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
 * to keys with `offers:read` for that account, the same keys its offer routes answer. The
 * cached list answers most checks; a key missing from it (created since) is read afresh, so a
 * new key may subscribe at once.
 */
export function scopedWebhookAccess(
  keysFor: (account: string, scope: KeyScope) => Promise<string[]>,
  findKey: (id: string) => Promise<ApiKeyRecord | undefined>,
): WebhookAccess {
  return {
    mayManage: (key) => key.scopes.includes(WEBHOOKS_WRITE_SCOPE),
    async mayReceive(keyId, account) {
      if ((await keysFor(account, 'offers:read')).includes(keyId)) return true;
      const key = await findKey(keyId);
      return (
        key !== undefined &&
        key.id === keyId &&
        key.revokedAt === null &&
        key.scopes.includes('offers:read') &&
        allowsAccount(key.accounts, account)
      );
    },
  };
}
