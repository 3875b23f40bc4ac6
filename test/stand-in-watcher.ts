/**
 * A stand-in for the trade library's offer watcher in the gateway's placement tests: it
 * polls the account's offer summary on the emulator (real HTTP, with the account's session)
 * every `intervalMs`, tells `onPoll` about each poll, and announces one `newOffer` event with
 * a stable id on its first poll — enough to see which instance watches which account, and
 * where its events go.
 */
import type {
  AccountWatcher,
  AccountWatcherFactory,
  WatchedEvent,
} from '../src/gateway/services/offer-watchers.js';

export interface StandInPoll {
  account: string;
  at: number;
}

export function standInWatchers(
  onPoll: (poll: StandInPoll) => void,
  intervalMs = 100,
): AccountWatcherFactory {
  return (account): AccountWatcher => {
    const listeners: ((event: WatchedEvent) => Promise<void>)[] = [];
    let timer: NodeJS.Timeout | undefined;
    let polls = 0;
    let stopped = false;
    let inFlight: Promise<void> = Promise.resolve();
    const poll = async () => {
      await account.trade.summary();
      if (stopped) return;
      polls++;
      onPoll({ account: account.name, at: Date.now() });
      if (polls === 1) {
        const event = {
          event: 'newOffer',
          id: `${account.steamid}:1:2`,
          account: account.steamid,
          offerId: '1',
        };
        for (const listener of listeners) await listener(event);
      }
    };
    return {
      onEvent: (listener) => void listeners.push(listener),
      onPollFailure: () => undefined,
      start() {
        const loop = () => {
          inFlight = poll()
            .catch(() => undefined)
            .finally(() => {
              if (!stopped) timer = setTimeout(loop, intervalMs);
            });
        };
        loop();
      },
      async stop() {
        stopped = true;
        clearTimeout(timer);
        await inFlight;
      },
    };
  };
}
