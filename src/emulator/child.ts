/**
 * @module emulator/child
 * Entry point of an emulator in its own process (see process.ts): reads the scenario from
 * argv, prints the base URL as one JSON line, runs until killed.
 */
import { startEmulator } from './index.js';

const scenario = JSON.parse(process.argv[2] ?? '{}') as Parameters<typeof startEmulator>[0];
const emulator = await startEmulator(scenario);
process.stdout.write(`${JSON.stringify({ url: emulator.url })}\n`);
const stop = () => void emulator.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
// The parent holds our stdin open; when it goes away (even killed), so do we.
process.stdin.on('close', stop);
process.stdin.resume();
