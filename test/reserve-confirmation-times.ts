/**
 * A process that claims confirmation times in a shared store, for the cross-process race
 * test: `node --import tsx test/reserve-confirmation-times.ts '<json>'` with `{store, steamid,
 * count, now, startAt}`. It opens the store, waits for `startAt` (so that every racer starts
 * together), claims `count` times at Steam's time `now` and prints them as a JSON array.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { reserveConfirmationTime } from '../src/steam/guard/time-ledger.js';
import { ConfirmationTimeStoreDb } from '../src/store/confirmation-times.js';
import { openDatabase, type StoreOptions } from '../src/store/database.js';

interface Args {
  store: StoreOptions;
  steamid: string;
  count: number;
  now: number;
  startAt: number;
}

const args = JSON.parse(process.argv[2] ?? '{}') as Args;
const database = await openDatabase({ ...args.store, poolSize: 4 });
try {
  const store = new ConfirmationTimeStoreDb(database.db);
  await delay(Math.max(0, args.startAt - Date.now()));
  const times = await Promise.all(
    Array.from({ length: args.count }, () =>
      reserveConfirmationTime(store, args.steamid, 'accept', {
        serverSeconds: async () => args.now,
        maxLeadSeconds: 1000,
      }),
    ),
  );
  process.stdout.write(`${JSON.stringify(times)}\n`);
} finally {
  await database.close();
}
