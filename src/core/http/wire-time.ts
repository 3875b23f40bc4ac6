/**
 * @module core/http/wire-time
 * When a request's bytes are handed to the socket. Steam counts arrivals, so pacing must count
 * real sends, not slots: a send leaves later than its slot whenever the event loop is busy
 * (undici writes a reused keep-alive socket from a check phase, behind whatever parse is
 * running) or a connection must be set up first. The pacer records this moment instead.
 */
import { Dispatcher } from 'undici';

/** `inner`, calling `onSent` once when a request's last byte has been written to its socket. */
export function signalWhenSent(inner: Dispatcher, onSent: () => void): Dispatcher {
  return new SentSignal(inner, onSent);
}

type LegacyHandler = Dispatcher.DispatchHandler & { onRequestSent?: () => void };

class SentSignal extends Dispatcher {
  constructor(
    private readonly inner: Dispatcher,
    private readonly onSent: () => void,
  ) {
    super();
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    const onSent = this.onSent;
    // undici calls `onRequestSent` (not in its types) on handlers of the classic shape, which
    // `request()` uses; everything else is passed through to the caller's handler untouched.
    const signalling = new Proxy(handler as LegacyHandler, {
      get(target, property) {
        if (property === 'onRequestSent') {
          return () => {
            onSent();
            return target.onRequestSent?.();
          };
        }
        const value: unknown = Reflect.get(target, property);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    return this.inner.dispatch(options, signalling);
  }
}
