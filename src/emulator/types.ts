/**
 * @module emulator/types
 * What every emulated upstream module sees: the parsed request, a way to answer, and the
 * shared state (request counters, fault injection, scenario).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface EmulatorRequest {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  /** Raw request body (for POSTs); empty for GETs. */
  body: string;
  /** Client address as the emulator sees it (rate limits are per IP upstream). */
  ip: string;
  raw: IncomingMessage;
}

export interface EmulatorReply {
  status: number;
  headers?: Record<string, string>;
  /** A string or Buffer is sent as is; anything else as JSON (`null` included). */
  body?: unknown;
}

/** Answers a request, or returns undefined when the route is not this module's. */
export type RouteHandler = (
  req: EmulatorRequest,
  res: ServerResponse,
) => EmulatorReply | undefined | Promise<EmulatorReply | undefined>;

export interface EmulatorModule {
  name: string;
  handle: RouteHandler;
  /** Forget per-run state (rate-limit windows, counters). */
  reset?(): void;
}
