/**
 * @module test/services/gateway-child
 * A gateway in a child process, for tests that kill it (SIGKILL, as a crash would) and start
 * it again: configured from its environment, it prints `{"url": ...}` once listening, and
 * for each stdin line `{"publish": {...event}}` publishes the event and prints
 * `{"published": id}` once `publish` resolved (the moment the event must be durable).
 */
import { createInterface } from 'node:readline';
import { loadGatewayConfig } from '../../src/gateway/config.js';
import { startServer } from '../../src/gateway/server.js';
import type { PublishedEvent } from '../../src/webhooks/events.js';

const server = await startServer(loadGatewayConfig(process.env));
const write = (line: unknown) => process.stdout.write(`${JSON.stringify(line)}\n`);
write({ url: server.url });
createInterface({ input: process.stdin }).on('line', (line) => {
  const { publish } = JSON.parse(line) as { publish?: PublishedEvent };
  if (!publish) return;
  server.fastify.services.webhooks.publish(publish).then(
    () => write({ published: publish.id }),
    (error: unknown) => write({ failed: publish.id, error: String(error) }),
  );
});
process.once('SIGTERM', () => void server.shutdown('SIGTERM').then(() => process.exit(0)));
