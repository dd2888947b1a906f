/**
 * Secure headers on every response: what Hono's secureHeaders() sends by default (nosniff,
 * frame and referrer policies and the rest), plus a Permissions-Policy and a
 * Content-Security-Policy, applied more cheaply; Strict-Transport-Security only on requests
 * that came over HTTPS (issue 14: over plain HTTP it means nothing and misleads a scanner).
 * API answers get a CSP that allows nothing; pages get the site's (static-site.ts sets it
 * per response, and it wins over this default).
 *
 * Hono's middleware writes them after the handler, into the response's WHATWG Headers.
 * Under @hono/node-server that turns the adapter's light response into a full Headers
 * object and runs every name and value through undici's validators: measured, about 14 µs
 * of CPU per request, as much as a whole bare request costs. Under the Node server they
 * are instead set once on the Node response before the handler runs; Node merges the
 * handler's own headers into them (the handler's win). Elsewhere (app.request() in tests,
 * other runtimes) they are added after the handler, where it set none of the same name.
 */
import type { ServerResponse } from 'node:http';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { secureHeaders as honoSecureHeaders } from 'hono/secure-headers';
import { socketAddress } from '../ingest/identify.ts';
import { normalizeIp } from '../ingest/visitor.ts';

/** Browser features no page of the help center uses, turned off for every page. */
export const PERMISSIONS_POLICY =
  'accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()';
/** The CSP of an API answer: JSON loads nothing and is framed by nothing. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";
/** HSTS as Hono sends it, on HTTPS only. */
const HSTS: [string, string] = ['strict-transport-security', 'max-age=15552000; includeSubDomains'];

/** The headers every response gets (HSTS aside): Hono's defaults, read from the middleware itself so the list never drifts, plus ours. */
export async function defaultSecureHeaders(): Promise<Array<[string, string]>> {
  const probe = new Hono();
  probe.use('*', honoSecureHeaders({ strictTransportSecurity: false }));
  probe.get('/', (c) => c.body(null, 204));
  const response = await probe.request('/');
  return [...response.headers, ['permissions-policy', PERMISSIONS_POLICY], ['content-security-policy', API_CSP]];
}

export interface SecureHeaderOptions {
  /** Proxies whose X-Forwarded-Proto is trusted (KB_TRUSTED_PROXIES): TLS may end there. */
  trustedProxies?: ReadonlySet<string>;
}

/** Whether the client's request came over HTTPS: the URL's scheme, or a trusted proxy's X-Forwarded-Proto. */
function overHttps(c: Context, trusted: ReadonlySet<string>): boolean {
  if (c.req.url.startsWith('https:')) return true;
  const proto = c.req.header('x-forwarded-proto');
  return proto !== undefined && trusted.has(normalizeIp(socketAddress(c))) && proto.split(',')[0]!.trim().toLowerCase() === 'https';
}

export function secureHeaders(options: SecureHeaderOptions = {}): MiddlewareHandler {
  const trusted = options.trustedProxies ?? new Set<string>();
  const list = defaultSecureHeaders();
  let headers: Array<[string, string]> | undefined;
  void list.then((resolved) => (headers = resolved));
  return async function sendSecureHeaders(c, next) {
    const all = headers ?? (await list);
    const https = overHttps(c, trusted);
    const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
    if (outgoing && typeof outgoing.setHeader === 'function' && !outgoing.headersSent) {
      for (const [name, value] of all) outgoing.setHeader(name, value);
      if (https) outgoing.setHeader(...HSTS);
      return next();
    }
    await next();
    for (const [name, value] of all) if (!c.res.headers.has(name)) c.res.headers.set(name, value);
    if (https) c.res.headers.set(...HSTS);
  };
}
