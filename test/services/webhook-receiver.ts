/**
 * @module test/services/webhook-receiver
 * A webhook receiver for tests: a real HTTP server on loopback that keeps every delivery
 * (headers, raw body, parsed body, signature check) and answers as the test decides: a
 * status, or `hang` (never answer, as a receiver that went away mid-request).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhookSignature } from '../../src/webhooks/signature.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface Received {
  at: number;
  path: string;
  headers: IncomingMessage['headers'];
  raw: string;
  body: Json;
  eventId: string;
  attempt: number;
  /** Whether the signature verified with the receiver's secret (when it knows one). */
  verified: boolean | undefined;
}

export type Answer = number | 'hang';

export interface WebhookReceiver {
  url: string;
  received: Received[];
  /** Decides each answer (default 200). */
  respond: (delivery: Received, nthForEvent: number) => Answer;
  /** The secret to verify signatures with, per path (set once the webhook is created). */
  secrets: Map<string, string>;
  /** Distinct event ids answered 2xx (on one path, or any). */
  delivered(path?: string): Set<string>;
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<WebhookReceiver> {
  const hanging = new Set<ServerResponse>();
  const ok = new Map<string, Set<string>>();
  const perEvent = new Map<string, number>();
  const receiver: WebhookReceiver = {
    url: '',
    received: [],
    respond: () => 200,
    secrets: new Map(),
    delivered: (path) =>
      new Set(path !== undefined ? ok.get(path) : [...ok.values()].flatMap((ids) => [...ids])),
    async waitFor(predicate, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error(`receiver: condition not met in ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: Json;
      try {
        body = JSON.parse(raw);
      } catch {
        body = undefined;
      }
      const path = req.url ?? '/';
      const secret = receiver.secrets.get(path);
      const eventId = String(req.headers['gamestash-event-id'] ?? '');
      const delivery: Received = {
        at: Date.now(),
        path,
        headers: req.headers,
        raw,
        body,
        eventId,
        attempt: Number(req.headers['gamestash-attempt'] ?? 0),
        verified: secret
          ? verifyWebhookSignature(secret, req.headers['gamestash-signature'] as string, raw)
          : undefined,
      };
      receiver.received.push(delivery);
      const nth = (perEvent.get(`${path} ${eventId}`) ?? 0) + 1;
      perEvent.set(`${path} ${eventId}`, nth);
      const answer = receiver.respond(delivery, nth);
      if (answer === 'hang') {
        hanging.add(res);
        return;
      }
      if (answer >= 200 && answer < 300) {
        if (!ok.has(path)) ok.set(path, new Set());
        ok.get(path)!.add(eventId);
      }
      res.writeHead(answer, { 'content-type': 'text/plain' }).end(answer < 300 ? 'ok' : 'nope');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return receiver;
}
