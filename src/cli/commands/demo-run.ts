/**
 * @module cli/commands/demo-run
 * Starts the demo, prints where to look (the viewer's URL carries the demo key in a one-time
 * `#key=` fragment, which browsers never send to a server), and stops everything on Ctrl-C.
 */
import { InvalidInputError } from '../../core/errors.js';
import { DEMO, demoTradeUrl, partnerTradeUrl } from '../demo/scenario.js';
import { startDemo } from '../demo/start-demo.js';
import { watchLauncher } from '../launcher-watch.js';
import type { DemoCommandOptions } from './demo.js';

export async function runDemo(
  options: DemoCommandOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const port = options.port ?? portFromEnv(env.PORT) ?? 3000;
  process.stderr.write(
    'gamestash demo: starting the emulator and the gateway, pricing the demo inventory…\n',
  );
  const demo = await startDemo({ port, secretKey: env.GAMESTASH_SECRET_KEY });
  const lines = [
    '',
    `gamestash demo is running (offline, loopback only). Open the viewer:`,
    '',
    `  ${demo.viewerUrl}`,
    '',
    `The demo key (${demo.key}) is in the part after #, which the browser keeps to itself;`,
    'the page moves it into the tab’s session storage and takes it out of the address.',
    '',
    'Try on the Steam tab:',
    `  ${DEMO.vanity}                     a vanity name (${DEMO.name}: CS2, TF2 and Steam items)`,
    `  ${demoTradeUrl()}`,
    `  ${DEMO.privateVanity}                   a private profile`,
    `Roblox tab: user ${DEMO.robloxUser} (collectibles with serial numbers)`,
    `Trade desk: account ${DEMO.account}, with offers from ${DEMO.partnerName} waiting; their trade URL:`,
    `  ${partnerTradeUrl()}`,
    '',
    `Gateway: ${demo.url} (API docs at ${demo.url}/docs). Ctrl-C stops everything.`,
    '',
  ];
  process.stdout.write(lines.join('\n'));
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
    // `npm run demo & ... kill $!` kills npm, not us: stop with it (cli/launcher-watch.ts).
    watchLauncher(() => {
      process.stderr.write('gamestash demo: the npm process that started it is gone: stopping\n');
      resolve();
    });
  });
  process.stderr.write('gamestash demo: stopping\n');
  await demo.close();
}

function portFromEnv(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidInputError(`PORT must be a port number (0 to 65535), got "${value}"`, 'port');
  }
  return port;
}
