/**
 * A gateway in a process of its own for the watcher placement test (config from the
 * environment), with stand-in watchers: prints `{"url": ...}` once listening, then one line
 * `{"poll": account, "at": ms, "pid": pid}` per poll. Killed with SIGKILL by the test, as a
 * crash would; SIGTERM shuts it down cleanly.
 */
import { loadGatewayConfig } from '../src/gateway/config.js';
import { startServer } from '../src/gateway/server.js';
import { standInWatchers } from './stand-in-watcher.js';

const write = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);
const server = await startServer(loadGatewayConfig(process.env), {
  extras: {
    watcherFactory: standInWatchers((poll) => write({ poll: poll.account, at: poll.at, pid: process.pid })),
  },
});
write({ url: server.url, pid: process.pid });
process.once('SIGTERM', () => void server.shutdown('SIGTERM'));
