/**
 * @module mcp/pending
 * Counts the client's requests that have not been answered yet, at the transport, so a
 * server whose input ended can finish what it was asked before closing: `printf ... |
 * gamestash mcp` ends stdin right after the last request, long before a paced Steam read ends.
 */
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';

export interface PendingRequests {
  /** Resolves once every request received so far has been answered. */
  idle(): Promise<void>;
}

/** Call after `connect()`: the protocol installs its own `onmessage`, which this wraps. */
export function trackPendingRequests(transport: Transport): PendingRequests {
  const pending = new Set<string | number>();
  let wake: (() => void) | undefined;
  const receive = transport.onmessage;
  transport.onmessage = (message, extra) => {
    if ('method' in message && 'id' in message) pending.add(message.id);
    receive?.(message, extra);
  };
  const send = transport.send.bind(transport);
  transport.send = async (message, options) => {
    await send(message, options);
    // A response (or error) carries the request's id and no method.
    if (!('method' in message) && 'id' in message && message.id !== undefined) {
      pending.delete(message.id);
      if (pending.size === 0) wake?.();
    }
  };
  return {
    idle: () => (pending.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => (wake = resolve))),
  };
}
