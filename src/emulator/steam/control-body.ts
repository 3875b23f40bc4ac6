/**
 * @module emulator/steam/control-body
 * What the Steam control routes (trade, Steam Guard) share: their JSON bodies read against a
 * zod schema, an empty body meaning `{}`, and a `BadRequest` the routes answer as 400.
 */
import type { z } from 'zod';
import type { EmulatorRequest } from '../types.js';

/** A control body that is not JSON or not what the route takes: answered 400 `{error}`. */
export class BadRequest extends Error {}

export function parseControlBody<T>(schema: z.ZodType<T>, req: EmulatorRequest): T {
  let value: unknown = {};
  if (req.body.trim() !== '') {
    try {
      value = JSON.parse(req.body) as unknown;
    } catch {
      throw new BadRequest('the body is not JSON');
    }
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new BadRequest(`${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`);
}
