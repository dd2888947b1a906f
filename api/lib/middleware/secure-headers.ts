/**
 * Secure headers on every response: the set Hono's secureHeaders() sends by default
 * (nosniff, frame and referrer policies, HSTS and the rest), applied more cheaply.
 *
 * Hono's middleware writes them after the handler, into the response's WHATWG Headers.
 * Under @hono/node-server that turns the adapter's light response into a full Headers
 * object and runs every name and value through undici's validators: measured, about 14 µs
 * of CPU per request, as much as a whole bare request costs. Under the Node server they
 * are instead set once on the Node response before the handler runs; Node merges the
 * handler's own headers into them. Elsewhere (app.request() in tests, other runtimes)
 * Hono's middleware does the work, so both paths send the same headers.
 */
import type { ServerResponse } from 'node:http';
import { Hono, type MiddlewareHandler } from 'hono';
import { secureHeaders as honoSecureHeaders } from 'hono/secure-headers';

/** What Hono's secureHeaders() sets, read from the middleware itself so the list never drifts. */
export async function defaultSecureHeaders(): Promise<Array<[string, string]>> {
  const probe = new Hono();
  probe.use('*', honoSecureHeaders());
  probe.get('/', (c) => c.body(null, 204));
  const response = await probe.request('/');
  return [...response.headers];
}

function setAll(outgoing: ServerResponse, headers: Array<[string, string]>) {
  for (const [name, value] of headers) outgoing.setHeader(name, value);
}

export function secureHeaders(): MiddlewareHandler {
  const viaHono = honoSecureHeaders();
  const list = defaultSecureHeaders();
  let headers: Array<[string, string]> | undefined;
  void list.then((resolved) => (headers = resolved));
  return (c, next) => {
    const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
    if (!outgoing || typeof outgoing.setHeader !== 'function' || outgoing.headersSent) return viaHono(c, next);
    if (!headers) return list.then((resolved) => setAll(outgoing, resolved)).then(next);
    setAll(outgoing, headers);
    return next();
  };
}
