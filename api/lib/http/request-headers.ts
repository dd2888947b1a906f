/**
 * Header reads on the hot write paths (votes, events). Under @hono/node-server the first
 * c.req.header() call builds the request's whole WHATWG Headers, running every name and
 * value through undici's validators; the Node request already holds them parsed, with
 * lower-case names. Elsewhere (app.request() in tests) the standard Headers are read.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Context } from 'hono';

/** The value of one header (`name` in lower case); repeated headers joined by ", " as Headers does. */
export function requestHeader(c: Context, name: string): string | undefined {
  const headers = (c.env as { incoming?: { headers?: IncomingHttpHeaders } } | undefined)?.incoming?.headers;
  if (!headers) return c.req.header(name);
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The request's media type: its Content-Type without parameters, in lower case ('' when none). */
export function mediaTypeOf(c: Context): string {
  return (requestHeader(c, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}
