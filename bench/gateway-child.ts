/**
 * Child process for the gateway benchmarks, so that the load generator, the gateway and its
 * baseline never share an event loop:
 *
 *   node --import tsx bench/gateway-child.ts gateway      (config from the environment)
 *   node --import tsx bench/gateway-child.ts bare <file>  (node:http answering the file's bytes)
 *   node --import tsx bench/gateway-child.ts emulator <scenario JSON>
 *   node --import tsx bench/gateway-child.ts webhooks     (a gateway that publishes events on demand)
 *   node --import tsx bench/gateway-child.ts trading      (a gateway that says which accounts it watches)
 *
 * Prints one JSON line `{"url": ...}` once listening; exits on SIGTERM. The emulator answers
 * a `stats` line on stdin with its request log (arrival-ordered, with times), so timing is
 * measured by a process that is not also generating load.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { startEmulator } from '../src/emulator/index.js';
import { loadGatewayConfig } from '../src/gateway/config.js';
import { startServer } from '../src/gateway/server.js';

const [mode, file] = process.argv.slice(2);

if (mode === 'gateway') {
  const server = await startServer(loadGatewayConfig(process.env));
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
  process.once('SIGTERM', () => void server.shutdown('SIGTERM'));
} else if (mode === 'webhooks') {
  // `publish <count> <concurrency>` publishes evt-0 ... evt-<count-1> (newOffer) and answers
  // `{"published": count, "ms": ...}` once every publish resolved (each one durable).
  const server = await startServer(loadGatewayConfig(process.env));
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
  createInterface({ input: process.stdin }).on('line', (line) => {
    const [command, count = '0', concurrency = '32'] = line.trim().split(/\s+/);
    if (command !== 'publish') return;
    void publishMany(server.fastify.services.webhooks, Number(count), Number(concurrency)).then((ms) =>
      process.stdout.write(`${JSON.stringify({ published: Number(count), ms })}\n`),
    );
  });
  process.once('SIGTERM', () => {
    process.stdin.destroy();
    void server.shutdown('SIGTERM');
  });
} else if (mode === 'trading') {
  // `held` answers `{"held": [account, ...]}`: the accounts whose offer watchers run here.
  const server = await startServer(loadGatewayConfig(process.env));
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (line.trim() === 'held')
      process.stdout.write(`${JSON.stringify({ held: server.fastify.services.offerWatchers.held() })}\n`);
  });
  process.once('SIGTERM', () => {
    process.stdin.destroy();
    void server.shutdown('SIGTERM');
  });
} else if (mode === 'bare' && file) {
  const body = readFileSync(file);
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
    res.end(body);
  });
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);
  });
  process.once('SIGTERM', () => {
    server.closeAllConnections();
    server.close();
  });
} else if (mode === 'emulator' && file) {
  const emulator = await startEmulator({ scenario: JSON.parse(file) as object });
  process.stdout.write(`${JSON.stringify({ url: emulator.url })}\n`);
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (line.trim() === 'stats')
      process.stdout.write(`${JSON.stringify({ requests: emulator.stats.requests })}\n`);
  });
  process.once('SIGTERM', () => {
    process.stdin.destroy();
    void emulator.close();
  });
} else {
  process.stderr.write(
    'usage: gateway-child.ts gateway | webhooks | trading | bare <file> | emulator <scenario>\n',
  );
  process.exitCode = 2;
}

async function publishMany(
  webhooks: { publish(event: { type: string; id: string; data: unknown }): Promise<void> },
  count: number,
  concurrency: number,
): Promise<number> {
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++)
      await webhooks.publish({
        type: 'newOffer',
        id: `evt-${i}`,
        data: { offer: { id: String(8_300_000_000 + i) } },
      });
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return performance.now() - started;
}
