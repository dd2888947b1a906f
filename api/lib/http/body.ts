/**
 * Reads a JSON request body with the statuses the API promises: 415 for a content type it
 * does not take, 413 over the size limit, 400 for malformed JSON or a schema violation
 * (naming each bad field).
 */
import type { IncomingMessage } from 'node:http';
import type { Context, Env, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ZodType, ZodTypeDef } from 'zod';
import { ApiError } from './errors.ts';
import { invalidRequest, zodDetails } from './validation.ts';
import { mediaTypeOf, requestHeader } from './request-headers.ts';

export const MAX_BODY_BYTES = 16 * 1024;

const tooLarge = (max: number) => new ApiError(413, 'payload_too_large', `The request body is over the ${Math.round(max / 1024)} KB limit`);

/**
 * The body as text, at most `maxBytes`. Under @hono/node-server it is read straight from
 * the Node request: going through c.req.text() makes the adapter build a full web Request
 * with streams for every call, which cost several times the whole rest of a vote.
 */
export async function readText(c: Context, maxBytes: number): Promise<string> {
  if (Number(requestHeader(c, 'content-length') ?? 0) > maxBytes) throw tooLarge(maxBytes);
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming && typeof incoming.on === 'function' && !incoming.readableEnded) return readIncoming(incoming, maxBytes);
  const text = await c.req.text();
  if (Buffer.byteLength(text) > maxBytes) throw tooLarge(maxBytes);
  return text;
}

/**
 * hono's bodyLimit answering in our envelope (413, as readJson does), as a route's
 * middleware: it refuses an oversized body before the route's other steps run.
 */
export function limitBody(
  maxBytes = MAX_BODY_BYTES,
  message = `The request body is over the ${Math.round(maxBytes / 1024)} KB limit`,
): MiddlewareHandler<Env> {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', message);
    },
  });
}

/** Collects a Node request body with plain events (cheaper than an async iterator per request). */
function readIncoming(incoming: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    incoming.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        incoming.removeAllListeners('data');
        incoming.resume();
        reject(tooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    });
    incoming.once('end', () => resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8')));
    incoming.once('error', reject);
  });
}

/** How readJson takes a body. */
export interface ReadJsonOptions {
  /** Also take text/plain holding JSON (what navigator.sendBeacon sends). */
  allowTextPlain?: boolean;
  /** The size limit in bytes (default MAX_BODY_BYTES, 16 KB). */
  maxBytes?: number;
}

/** The body parsed and validated by `schema`; throws the 415, 413 or 400 ApiError. */
export async function readJson<T>(c: Context, schema: ZodType<T, ZodTypeDef, unknown>, options: ReadJsonOptions = {}): Promise<T> {
  const type = mediaTypeOf(c);
  // navigator.sendBeacon posts text/plain so that no CORS preflight is needed.
  const accepted = type === 'application/json' || (options.allowTextPlain && type === 'text/plain');
  if (!accepted) {
    throw new ApiError(
      415,
      'unsupported_media_type',
      `Send the body as application/json${options.allowTextPlain ? ' (or text/plain holding JSON)' : ''}; got ${type || 'no content type'}`,
    );
  }
  const text = await readText(c, options.maxBytes ?? MAX_BODY_BYTES);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ApiError(400, 'invalid_json', `The body is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw invalidRequest(zodDetails(parsed.error));
  return parsed.data;
}
