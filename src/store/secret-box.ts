/**
 * @module store/secret-box
 * Encryption at rest for what the store must keep secret (registered Steam accounts' cookies
 * and Steam Guard secrets): AES-256-GCM, a random 12-byte IV and a random 16-byte salt per
 * record, the record's own name as additional data (a sealed value copied onto another row
 * does not open there).
 *
 * The key comes from `GAMESTASH_SECRET_KEY`, in one of two forms:
 * - 32 random bytes, as 64 hex characters or base64 (`openssl rand -base64 32`): each
 *   record's key is HKDF-SHA256(bytes, salt);
 * - a passphrase of at least 16 characters: each record's key is scrypt(passphrase, salt)
 *   (N=2^15, r=8, p=1: about 0.1 s, once per record and process — opened keys are kept).
 *
 * A sealed value reads `gs1.<kdf>.<key id>.<salt>.<iv>.<tag>.<ciphertext>` (base64url). The
 * key id (8 bytes of HMAC-SHA256 of the key material) lets a wrong key be named as such
 * before any decryption is tried; GCM's tag catches the rest. Nothing here ever puts the key
 * or a plaintext into an error message.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  scrypt as scryptCallback,
  type ScryptOptions,
} from 'node:crypto';
import { InvalidInputError } from '../core/errors.js';
import { registerSecret } from '../core/http/redact.js';

export const SECRET_KEY_VARIABLE = 'GAMESTASH_SECRET_KEY';
export const MIN_PASSPHRASE_LENGTH = 16;

const VERSION = 'gs1';
const SCRYPT: ScryptOptions = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const HKDF_INFO = 'gamestash secret-box v1';

type Kdf = 'hkdf' | 'scrypt';

export type SecretKeyProblem = 'missing' | 'invalid' | 'mismatch' | 'corrupt';

/**
 * `GAMESTASH_SECRET_KEY` is missing, unusable, or not the key a record was sealed with.
 * An InvalidInputError (the CLI exits 2 with its one line); the gateway answers 503.
 */
export class SecretKeyError extends InvalidInputError {
  constructor(
    readonly problem: SecretKeyProblem,
    message: string,
    variable: string = SECRET_KEY_VARIABLE,
  ) {
    super(message, variable, { code: `secret_key_${problem}` });
  }
}

function scrypt(passphrase: Buffer, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(passphrase, salt, 32, SCRYPT, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

const b64 = (data: Buffer) => data.toString('base64url');

/** The key material and how record keys are derived from it. */
interface KeyMaterial {
  kdf: Kdf;
  secret: Buffer;
  id: string;
}

/** 64 hex characters or base64 of exactly 32 bytes: raw key bytes; anything else a passphrase. */
function readKey(value: string, variable: string): KeyMaterial {
  const text = value.trim();
  let raw: Buffer | undefined;
  if (/^[0-9a-fA-F]{64}$/.test(text)) raw = Buffer.from(text, 'hex');
  else if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) {
    const decoded = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (decoded.length === 32) raw = decoded;
  }
  if (!raw && text.length < MIN_PASSPHRASE_LENGTH) {
    throw new SecretKeyError(
      'invalid',
      `${variable} is too short: give 32 random bytes as 64 hex characters or base64 (e.g. \`openssl rand -base64 32\`), or a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters`,
      variable,
    );
  }
  const kdf: Kdf = raw ? 'hkdf' : 'scrypt';
  const secret = raw ?? Buffer.from(text, 'utf8');
  const id = b64(createHmac('sha256', secret).update('gamestash key id').digest().subarray(0, 8));
  return { kdf, secret, id };
}

export class SecretBox {
  private readonly key: KeyMaterial;
  /** Derived record keys by salt: scrypt is slow on purpose, and records are opened often. */
  private readonly derived = new Map<string, Promise<Buffer>>();

  private constructor(
    key: KeyMaterial,
    private readonly variable: string,
  ) {
    this.key = key;
  }

  /**
   * From `GAMESTASH_SECRET_KEY`'s value (or `variable`'s); refuses a missing or too short one,
   * saying what `what` needs it for.
   */
  static fromSecretKey(
    value: string | undefined,
    what = 'Steam accounts',
    variable = SECRET_KEY_VARIABLE,
  ): SecretBox {
    if (value === undefined || value.trim() === '') {
      throw new SecretKeyError(
        'missing',
        `${variable} is not set: ${what} are stored encrypted with it. Set it to 32 random bytes (\`openssl rand -base64 32\`) or a long passphrase, and keep it: without it the stored secrets cannot be read`,
        variable,
      );
    }
    registerSecret(value.trim());
    return new SecretBox(readKey(value, variable), variable);
  }

  /** Identifies the key (not secret): records say which key sealed them. */
  get keyId(): string {
    return this.key.id;
  }

  /** Encrypts `plaintext`, bound to `context` (e.g. the record's name). */
  async seal(plaintext: string, context: string): Promise<string> {
    const salt = randomBytes(16);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', await this.recordKey(salt), iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, this.key.kdf, this.key.id, b64(salt), b64(iv), b64(cipher.getAuthTag()), b64(body)].join(
      '.',
    );
  }

  /**
   * Decrypts what `seal` made with the same key and context. A value sealed under another key
   * is a SecretKeyError ('mismatch') naming `GAMESTASH_SECRET_KEY`; a damaged one, 'corrupt'.
   */
  async open(sealed: string, context: string, what = context): Promise<string> {
    const parts = sealed.split('.');
    const [version, kdf, keyId, salt, iv, tag, body] = parts;
    if (parts.length !== 7 || version !== VERSION || (kdf !== 'hkdf' && kdf !== 'scrypt')) {
      throw new SecretKeyError(
        'corrupt',
        `the stored secrets of ${what} are damaged or in an unknown format`,
      );
    }
    if (keyId !== this.key.id || kdf !== this.key.kdf) throw mismatch(what, this.variable);
    try {
      const decipher = createDecipheriv(
        'aes-256-gcm',
        await this.recordKey(Buffer.from(salt!, 'base64url')),
        Buffer.from(iv!, 'base64url'),
      );
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag!, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body!, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      // The key id matched, so the record itself (or its context) was changed.
      throw new SecretKeyError(
        'corrupt',
        `the stored secrets of ${what} do not decrypt: the record was altered or belongs to another name`,
      );
    }
  }

  /** Whether `sealed` was made with this key (by its key id; nothing is decrypted). */
  sealedWithThisKey(sealed: string): boolean {
    return sealed.split('.')[2] === this.key.id;
  }

  private recordKey(salt: Buffer): Promise<Buffer> {
    const cacheKey = salt.toString('hex');
    let key = this.derived.get(cacheKey);
    if (!key) {
      key =
        this.key.kdf === 'hkdf'
          ? Promise.resolve(Buffer.from(hkdfSync('sha256', this.key.secret, salt, HKDF_INFO, 32)))
          : scrypt(this.key.secret, salt);
      // Bounded: one entry per record opened, and records are few; a flood cannot come from callers.
      if (this.derived.size > 10_000) this.derived.clear();
      this.derived.set(cacheKey, key);
    }
    return key;
  }
}

function mismatch(what: string, variable: string): SecretKeyError {
  return new SecretKeyError(
    'mismatch',
    `cannot read the stored secrets of ${what}: ${variable} is not the key they were stored with (set the key that was in use when they were added, or add them again)`,
    variable,
  );
}
