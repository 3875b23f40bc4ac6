/**
 * @module gateway/services/key-access
 * Who may manage webhooks and hear an account's events, from the keys' scopes and accounts:
 * managing takes `webhooks:write`; hearing about an account takes an active key allowed that
 * account. What the webhook service asks (its WebhookAccess) answered from the key store.
 */
import type { ApiKeyRecord, ApiKeyStore } from '../../store/api-keys.js';
import { allowsAccount } from '../../store/key-scopes.js';

export interface KeyAccess {
  mayManage(key: ApiKeyRecord): boolean;
  mayReceive(keyId: string, account: string): Promise<boolean>;
}

export function keyAccess(keys: ApiKeyStore): KeyAccess {
  return {
    mayManage: (key) => key.scopes.includes('webhooks:write'),
    async mayReceive(keyId, account) {
      const key = await keys.find(keyId);
      return (
        key !== undefined &&
        key.id === keyId &&
        key.revokedAt === null &&
        allowsAccount(key.accounts, account)
      );
    },
  };
}
