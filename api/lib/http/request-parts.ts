/**
 * Parts of a request that a route documents with its zod schema but that @hono/zod-openapi
 * must not validate itself. Its JSON validator reads the body through a web Request (several
 * times the cost of the rest of a vote under @hono/node-server), answers a wrong content type
 * with a 400 instead of 415 and malformed JSON in its own words, and takes no text/plain for
 * sendBeacon. A signed webhook must not be parsed at all before its signature is checked.
 * The route object stays the one definition: the router (router.ts) documents these parts
 * and runs the reader attached here in place of the framework's validator.
 */
import type { Context } from 'hono';
import type { ZodType, ZodTypeDef } from 'zod';
import { readJson, type ReadJsonOptions } from './body.ts';
import { mediaTypeOf } from './request-headers.ts';

/** Reads and validates a body; its result is what `c.req.valid('json')` returns. */
export type BodyReader = (c: Context) => Promise<unknown>;

/** Any schema a body may be validated with. */
type BodySchema = ZodType<unknown, ZodTypeDef, unknown>;

/**
 * A route's JSON request body as @hono/zod-openapi reads it, so `c.req.valid('json')` is typed
 * by `S`. The object may document more media types (text/plain, a form) with the same schema.
 */
export interface DocumentedBody<S extends BodySchema> {
  content: { 'application/json': { schema: S } };
}

const readers = new WeakMap<object, BodyReader>();
const handlerRead = new WeakSet<object>();

export interface JsonBodyOptions extends ReadJsonOptions {
  /**
   * Media types the handler reads itself, documented with the same schema (the contact
   * form's application/x-www-form-urlencoded); the reader leaves those requests alone.
   */
  handlerReads?: readonly string[];
}

/**
 * A JSON request body that documents `schema` and is validated by the fast reader
 * (body.ts readJson: 415 for another content type, 413 over the limit, 400 naming each
 * bad field) before the handler runs.
 */
export function jsonBody<S extends BodySchema>(schema: S, options: JsonBodyOptions = {}): DocumentedBody<S> {
  const { handlerReads = [], ...readOptions } = options;
  const types = ['application/json', ...(readOptions.allowTextPlain ? ['text/plain'] : []), ...handlerReads];
  const body = { content: Object.fromEntries(types.map((type) => [type, { schema }])) } as DocumentedBody<S>;
  readers.set(body, async (c) =>
    handlerReads.length && handlerReads.includes(mediaTypeOf(c)) ? undefined : readJson(c, schema, readOptions),
  );
  return body;
}

/**
 * Marks a body or a header schema as documented here and read by the handler's own steps
 * (a webhook's signature covers the raw bytes, so nothing may parse them first).
 */
export function readByHandler<T extends object>(part: T): T {
  handlerRead.add(part);
  return part;
}

/** How the router treats a request part: the reader to run, 'handler', or undefined for the framework's validator. */
export function ownReader(part: object | undefined): BodyReader | 'handler' | undefined {
  if (!part) return undefined;
  return readers.get(part) ?? (handlerRead.has(part) ? 'handler' : undefined);
}
