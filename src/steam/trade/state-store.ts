/**
 * @module steam/trade/state-store
 * What the trade client remembers between calls and processes: idempotency records
 * (key → the send's fingerprint, its state and, once sent, the offer) and which accounts
 * acknowledged trade protection. An interface, so the library is tested with the in-memory
 * store below and runs on SQLite or PostgreSQL through src/store/trade-state.ts.
 */

export type SendStatus = 'pending' | 'sent';

export interface NewSendRecord {
  key: string;
  /** The sending account (SteamID64). */
  sender: string;
  /** SHA-256 of the request (fingerprint.ts): the same key with another request is refused. */
  fingerprint: string;
  /** The request without its token, as JSON, for people reading the store. */
  request: string;
  /** When the first attempt began (epoch ms): reconciliation looks at offers created since. */
  startedAt: number;
  /** Until when (epoch ms) the attempt holding the record may still be running. */
  leaseUntil: number;
}

export interface SendRecord extends NewSendRecord {
  status: SendStatus;
  offerId: string | undefined;
  /** The send's result as JSON, once sent. */
  result: string | undefined;
  completedAt: number | undefined;
}

export interface CompletedSend {
  offerId: string;
  result: string;
  completedAt: number;
}

export interface TradeStateStore {
  /**
   * Stores `record` as pending unless its key exists (atomically: of two processes racing
   * on one key, one creates). Returns what the key holds now and whether this call made it.
   */
  beginSend(record: NewSendRecord): Promise<{ created: boolean; record: SendRecord }>;
  /**
   * Takes over a pending record whose lease ended (a crashed attempt), if its lease is still
   * `expectedLeaseUntil`; false when another process took it first.
   */
  takeOverSend(key: string, expectedLeaseUntil: number, leaseUntil: number): Promise<boolean>;
  /** Marks the record sent, with its offer. */
  completeSend(key: string, done: CompletedSend): Promise<void>;
  /** Forgets a pending record: its attempt certainly created no offer. */
  releaseSend(key: string): Promise<void>;
  getSend(key: string): Promise<SendRecord | undefined>;
  /** When the account acknowledged trade protection through gamestash, if it did. */
  acknowledgedAt(steamid: string): Promise<number | undefined>;
  markAcknowledged(steamid: string, at: number): Promise<void>;
}

/** A store in memory: for tests, and for callers that want no persistence. */
export class MemoryTradeStateStore implements TradeStateStore {
  readonly sends = new Map<string, SendRecord>();
  readonly acknowledgements = new Map<string, number>();

  async beginSend(record: NewSendRecord): Promise<{ created: boolean; record: SendRecord }> {
    const existing = this.sends.get(record.key);
    if (existing) return { created: false, record: { ...existing } };
    const stored: SendRecord = {
      ...record,
      status: 'pending',
      offerId: undefined,
      result: undefined,
      completedAt: undefined,
    };
    this.sends.set(record.key, stored);
    return { created: true, record: { ...stored } };
  }

  async takeOverSend(key: string, expectedLeaseUntil: number, leaseUntil: number): Promise<boolean> {
    const record = this.sends.get(key);
    if (!record || record.status !== 'pending' || record.leaseUntil !== expectedLeaseUntil) return false;
    record.leaseUntil = leaseUntil;
    return true;
  }

  async completeSend(key: string, done: CompletedSend): Promise<void> {
    const record = this.sends.get(key);
    if (!record) return;
    Object.assign(record, { status: 'sent', ...done });
  }

  async releaseSend(key: string): Promise<void> {
    if (this.sends.get(key)?.status === 'pending') this.sends.delete(key);
  }

  async getSend(key: string): Promise<SendRecord | undefined> {
    const record = this.sends.get(key);
    return record ? { ...record } : undefined;
  }

  async acknowledgedAt(steamid: string): Promise<number | undefined> {
    return this.acknowledgements.get(steamid);
  }

  async markAcknowledged(steamid: string, at: number): Promise<void> {
    if (!this.acknowledgements.has(steamid)) this.acknowledgements.set(steamid, at);
  }
}
