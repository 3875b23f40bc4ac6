/**
 * @module test/services/problems
 * The assertion every gateway error test shares: the JSON error shape, the status repeated
 * in the body, a useful message, and never a stack trace.
 */
import { expect } from 'vitest';
import type { Answer } from './gateway.js';

export function expectProblem(res: Answer, status: number, code: string | RegExp): void {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(res.body.status).toBe(status);
  if (typeof code === 'string') expect(res.body.error.code).toBe(code);
  else expect(res.body.error.code).toMatch(code);
  expect(res.body.error.message.length).toBeGreaterThan(10);
  expect(res.text).not.toMatch(/\bat .+:\d+:\d+|node_modules|\.ts:\d+/);
}
