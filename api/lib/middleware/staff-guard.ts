/**
 * Limits staff-token guessing per address (issue 14): every request that sends an
 * Authorization header and is answered 401 counts one failure against its client address;
 * once an address has STAFF_AUTH_FAILURES failures in the window, every request from it
 * that sends a token is answered 429 until the window ends, right or wrong token alike (a
 * guesser must not learn which one was right). Requests without a token are not affected,
 * so visitors behind the same address keep the help center.
 *
 * It wraps the API rather than requireStaff, so every staff route is covered by one
 * middleware, including routes added later.
 */
import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../http/errors.ts';
import { socketAddress } from '../ingest/identify.ts';
import { addressKey, RateLimiter } from '../ingest/rate-limit.ts';
import { clientIp } from '../ingest/visitor.ts';

/** Failed token checks an address may make per window before it is refused. */
export const STAFF_AUTH_FAILURES = 30;
/** The window of STAFF_AUTH_FAILURES: five minutes. */
export const STAFF_AUTH_WINDOW_MS = 5 * 60_000;

export interface StaffGuardOptions {
  trustedProxies: ReadonlySet<string>;
  now: () => Date;
  failures?: number;
  windowMs?: number;
}

export function staffTokenGuard(options: StaffGuardOptions): MiddlewareHandler {
  const failures = new RateLimiter(options.failures ?? STAFF_AUTH_FAILURES, options.windowMs ?? STAFF_AUTH_WINDOW_MS);
  return async function limitTokenGuessing(c, next) {
    if (c.req.header('authorization') === undefined) return next();
    const address = addressKey(clientIp(socketAddress(c), c.req.header('x-forwarded-for'), options.trustedProxies));
    const now = options.now().getTime();
    const state = failures.check(address, now);
    if (!state.allowed)
      throw new ApiError(429, 'rate_limited', `Too many failed staff tokens from this address; try again in ${state.retryAfter} s`, [], {
        'Retry-After': String(state.retryAfter),
      });
    await next();
    if (c.res.status === 401) failures.consume(address, now);
  };
}
