/**
 * @module gateway/routes/webapi-headers
 * The headers of every Web API answer: cache state and age. Answers do not depend on the
 * caller, but quotas do: no shared caches.
 */
import type { FastifyReply } from 'fastify';
import type { WebApiAnswer } from '../services/webapi-service.js';

export function setWebApiHeaders(reply: FastifyReply, answer: WebApiAnswer<unknown>): void {
  reply.header('x-gamestash-cache', answer.cache);
  reply.header('age', String(Math.floor(answer.ageMs / 1000)));
  reply.header('cache-control', 'private, no-store');
}
