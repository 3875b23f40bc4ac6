/**
 * @module core/http/from-config
 */
import type { Dispatcher } from 'undici';
import type { GamestashConfig } from '../config.js';
import { HttpClient, type HttpHooks } from './client.js';
import type { Pacer } from './pacer.js';

export interface HttpClientExtras {
  dispatcher?: Dispatcher;
  pacer?: Pacer;
  hooks?: HttpHooks;
}

export function createHttpClient(config: GamestashConfig, extras: HttpClientExtras = {}): HttpClient {
  return new HttpClient({
    timeoutMs: config.http.timeoutMs,
    retries: config.http.retries,
    maxRetryWaitMs: config.http.maxRetryWaitMs,
    proxies: config.http.proxies,
    ...extras,
  });
}
