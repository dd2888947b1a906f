/**
 * Reads a JSON request body with the statuses the API promises: 415 for a content type it
 * does not take, 400 for malformed JSON or a schema violation (naming each bad field).
 * The 16 KB limit (413) is enforced before this by hono/body-limit.
 */
import type { Context } from 'hono';
import type { ZodType, ZodTypeDef } from 'zod';
import { ApiError } from './errors.ts';
import { zodDetails } from './validation.ts';

export const MAX_BODY_BYTES = 16 * 1024;

export async function readJson<T>(c: Context, schema: ZodType<T, ZodTypeDef, unknown>, options: { allowTextPlain?: boolean } = {}): Promise<T> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  // navigator.sendBeacon posts text/plain so that no CORS preflight is needed.
  const accepted = type === 'application/json' || (options.allowTextPlain && type === 'text/plain');
  if (!accepted) {
    throw new ApiError(415, 'unsupported_media_type', `Send the body as application/json${options.allowTextPlain ? ' (or text/plain holding JSON)' : ''}; got ${type || 'no content type'}`);
  }
  const text = await c.req.text();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ApiError(400, 'invalid_json', `The body is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const details = zodDetails(parsed.error);
    throw new ApiError(400, 'invalid_request', `Invalid request: ${details.map((d) => `${d.field}: ${d.message}`).join('; ')}`, details);
  }
  return parsed.data;
}
