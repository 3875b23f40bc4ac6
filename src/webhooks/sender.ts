/**
 * @module webhooks/sender
 * One delivery attempt: a signed POST of the event's body to the webhook's URL. Success is
 * a 2xx within the timeout; a redirect is a failure (never followed: a 3xx could point
 * anywhere, the operator's network included). Retries are the queue's business, not this.
 *
 * These requests go straight through undici, not core/http's client: they are not Steam
 * requests (no pacing, no Steam cool-downs), and the client's own retries would repeat an
 * attempt the queue already schedules with its backoff.
 */
import { Agent, request } from 'undici';
import { EVENT_ID_HEADER, EVENT_TYPE_HEADER, SIGNATURE_HEADER, signWebhookBody } from './signature.js';
import { guardedLookup, hostOf, isPrivateAddress, PrivateTargetError } from './targets.js';
import { isIP } from 'node:net';

export const WEBHOOK_USER_AGENT = 'gamestash-webhooks/0.1 (+https://github.com/gamestash/gamestash)';
/** How much of a failed answer's body the delivery log keeps. */
const EXCERPT_BYTES = 200;

export interface WebhookRequest {
  url: string;
  /** The body text, the same on every attempt. */
  body: string;
  eventId: string;
  type: string;
  /** The signing secret, and a rotated one still honoured. */
  secrets: readonly string[];
  /** Which attempt this is (1 for the first), sent as `Gamestash-Attempt`. */
  attempt: number;
}

export interface AttemptResult {
  ok: boolean;
  /** The receiver's HTTP status, when it answered. */
  status?: number;
  /** What went wrong, one line, for the delivery log. */
  error?: string;
}

export interface WebhookSenderOptions {
  timeoutMs: number;
  /** Deliver to loopback and private ranges too (GAMESTASH_WEBHOOK_ALLOW_PRIVATE=1). */
  allowPrivate: boolean;
  /** Connections kept per receiver origin. */
  connections?: number;
}

export class WebhookSender {
  private readonly agent: Agent;

  constructor(private readonly options: WebhookSenderOptions) {
    this.agent = new Agent({
      connect: {
        timeout: options.timeoutMs,
        ...(options.allowPrivate ? {} : { lookup: guardedLookup }),
      },
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      keepAliveTimeout: 10_000,
      connections: options.connections ?? 32,
    });
  }

  async send(req: WebhookRequest): Promise<AttemptResult> {
    const url = new URL(req.url);
    // An IP literal never reaches the lookup: check it here.
    const host = hostOf(url);
    if (!this.options.allowPrivate && isIP(host) && isPrivateAddress(host))
      return { ok: false, error: new PrivateTargetError(host, host).message };
    try {
      const res = await request(url, {
        method: 'POST',
        dispatcher: this.agent,
        body: req.body,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': WEBHOOK_USER_AGENT,
          [SIGNATURE_HEADER]: signWebhookBody(req.secrets, req.body),
          [EVENT_ID_HEADER]: req.eventId,
          [EVENT_TYPE_HEADER]: req.type,
          'Gamestash-Attempt': String(req.attempt),
        },
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      const ok = res.statusCode >= 200 && res.statusCode < 300;
      if (ok) {
        await res.body.dump().catch(() => undefined);
        return { ok, status: res.statusCode };
      }
      const excerpt = await readExcerpt(res.body);
      const redirect = res.statusCode >= 300 && res.statusCode < 400 ? ' (redirects are not followed)' : '';
      return {
        ok,
        status: res.statusCode,
        error: `HTTP ${res.statusCode}${redirect}${excerpt ? `: ${excerpt}` : ''}`,
      };
    } catch (error) {
      return { ok: false, error: describe(error, this.options.timeoutMs) };
    }
  }

  async close(): Promise<void> {
    await this.agent.close().catch(() => undefined);
  }
}

async function readExcerpt(body: AsyncIterable<Buffer> & { destroy(): void }): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= EXCERPT_BYTES) break;
    }
  } catch {
    /* a body cut short: what came is enough */
  }
  body.destroy();
  const text = Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8');
  return text.replace(/\s+/g, ' ').trim();
}

function describe(error: unknown, timeoutMs: number): string {
  const err = error as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  const code = err.code ?? err.cause?.code ?? err.name;
  if (code === 'EPRIVATETARGET') return err.message;
  if (
    err.name === 'TimeoutError' ||
    err.name === 'AbortError' ||
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT' ||
    code === 'UND_ERR_CONNECT_TIMEOUT'
  )
    return `no answer within ${timeoutMs} ms`;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the host does not resolve';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'the connection was cut';
  return `${code ? `${code}: ` : ''}${err.message}`.slice(0, 300);
}
