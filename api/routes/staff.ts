/**
 * Staff sign-in (mounted at /staff; issue #16, docs/design.md §7): POST /sign-in, POST
 * /sign-out, GET /me, POST /password (from a one-time link) and GET /users. The session lives
 * in the `kb_session` cookie (api/lib/staff/sessions.ts); bearer tokens work for /me and
 * /users too.
 */
import type { Context } from 'hono';
import { createRoute, z } from '@hono/zod-openapi';
import type { AppContext } from '../context.ts';
import {
  deleteExpiredStaffSessions,
  findStaffCredentials,
  findStaffUserById,
  listStaffUsers,
  setPasswordWithLink,
} from '../db/queries/staff-users.ts';
import { ApiError } from '../lib/http/errors.ts';
import { errorResponses } from '../lib/http/openapi.ts';
import { jsonBody } from '../lib/http/request-parts.ts';
import { inOrder, newRouter } from '../lib/http/router.ts';
import { socketAddress } from '../lib/ingest/identify.ts';
import { clientIp } from '../lib/ingest/visitor.ts';
import { requireStaff, userIdentity } from '../lib/middleware/auth.ts';
import { hashPassword, verifyDecoy, verifyPassword } from '../lib/staff/password.ts';
import { hashSecret } from '../lib/staff/secrets.ts';
import { clearedSessionCookie, endSession, isSameOrigin, sessionCookie, startSession } from '../lib/staff/sessions.ts';
import { SignInLimits, type SignInLimitSettings } from '../lib/staff/sign-in-limits.ts';
import { setPasswordRequestSchema, signInRequestSchema, staffMeSchema, staffUsersSchema } from '../../core/contracts/staff.ts';

/** Bodies here are a few hundred bytes. */
const MAX_BODY_BYTES = 4 * 1024;

/** Either scheme: a bearer token or the session cookie. */
const security: Array<Record<string, string[]>> = [{ bearer: [] }, { session: [] }];

const BAD_CREDENTIALS = 'The e-mail address or the password is wrong';

const okSchema = z.object({ ok: z.literal(true) });

const signInRoute = createRoute({
  method: 'post',
  path: '/sign-in',
  summary: 'Sign in with e-mail and password: sets the session cookie kb_session',
  description:
    'One answer (401 invalid_credentials) for an unknown e-mail and a wrong password. A disabled account gets 403 account_disabled once its password is right. ' +
    'After 5 failed attempts for one account, or 20 from one address, within 15 minutes every attempt gets 429 (Retry-After) until the window ends. ' +
    'A request whose Origin is another site gets 403.',
  request: { body: jsonBody(signInRequestSchema, { maxBytes: MAX_BODY_BYTES }) },
  responses: {
    200: { description: 'Signed in; Set-Cookie carries the session', content: { 'application/json': { schema: staffMeSchema } } },
    401: { description: 'Unknown e-mail or wrong password', content: errorResponses(401)[401]!.content },
    403: { description: 'Account disabled, or another site' },
    ...errorResponses(400, 413, 415, 429),
  },
});

const passwordRoute = createRoute({
  method: 'post',
  path: '/password',
  summary: 'Set a password with the token of a one-time link (npm run user -- create|reset); ends the account’s sessions',
  description: 'The link is valid 24 hours and once. A used, expired or unknown token gets 400 invalid_link.',
  request: { body: jsonBody(setPasswordRequestSchema, { maxBytes: MAX_BODY_BYTES }) },
  responses: {
    200: {
      description: 'Password set; sign in with it',
      content: { 'application/json': { schema: z.object({ ok: z.literal(true), email: z.string() }) } },
    },
    403: { description: 'A request whose Origin is another site' },
    ...errorResponses(400, 413, 415),
  },
});

export function staffRoutes(ctx: AppContext, limitSettings: Partial<SignInLimitSettings> = {}, trustedProxies: readonly string[] = []) {
  const { db } = ctx;
  const settings = ctx.staffSessions;
  const limits = new SignInLimits(limitSettings);
  const trusted = new Set(trustedProxies);
  const anyStaff = requireStaff(db, ctx.adminToken);
  const router = newRouter();

  /** A browser request from another site; requests without Origin (scripts) pass. Refuses login CSRF. */
  const refuseOtherSites = (c: Context) => {
    if (c.req.header('origin') && !isSameOrigin(c, settings))
      throw new ApiError(403, 'cross_origin', 'This must be sent from a page of this site (Origin header)');
  };

  router.openapi(signInRoute, async (c) => {
    refuseOtherSites(c);
    const { email, password } = c.req.valid('json');
    const address = clientIp(socketAddress(c), c.req.header('x-forwarded-for'), trusted);
    const now = ctx.now();
    const wait = limits.blockedFor(email, address, now.getTime());
    if (wait > 0)
      throw new ApiError(429, 'rate_limited', `Too many failed sign-ins; try again in ${Math.ceil(wait / 60)} minutes`, [], {
        'Retry-After': String(wait),
      });
    const user = await findStaffCredentials(db, email);
    // An unknown address costs a hash too, so the time taken does not tell which addresses have accounts.
    const right = user?.passwordHash ? await verifyPassword(password, user.passwordHash) : (await verifyDecoy(password), false);
    if (!user || !right) {
      limits.failed(email, address, now.getTime());
      throw new ApiError(401, 'invalid_credentials', BAD_CREDENTIALS, [], { 'WWW-Authenticate': 'Bearer' });
    }
    if (user.disabled) throw new ApiError(403, 'account_disabled', 'This account is disabled; ask an administrator');
    limits.succeeded(email);
    await deleteExpiredStaffSessions(db, new Date(now.getTime() - settings.idleMs), new Date(now.getTime() - settings.absoluteMs));
    const id = await startSession(db, user.id, now);
    c.header('Set-Cookie', sessionCookie(id, settings));
    c.header('Cache-Control', 'no-store');
    return c.json({ staff: userIdentity(user), via: 'session' as const }, 200);
  });

  const signOutRoute = createRoute({
    method: 'post',
    path: '/sign-out',
    summary: 'End this sign-in: deletes the session and clears the cookie',
    security,
    middleware: inOrder(anyStaff),
    responses: { 200: { description: 'Signed out', content: { 'application/json': { schema: okSchema } } }, ...errorResponses(401, 403) },
  });
  router.openapi(signOutRoute, async (c) => {
    const id = c.get('staffSession');
    if (id) await endSession(db, id);
    c.header('Set-Cookie', clearedSessionCookie(settings));
    return c.json({ ok: true as const }, 200);
  });

  const meRoute = createRoute({
    method: 'get',
    path: '/me',
    summary: 'Who is signed in (session cookie or bearer token)',
    security,
    middleware: inOrder(anyStaff),
    responses: { 200: { description: 'The caller', content: { 'application/json': { schema: staffMeSchema } } }, ...errorResponses(401) },
  });
  router.openapi(meRoute, (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ staff: c.get('staff'), via: c.get('staffVia') }, 200);
  });

  router.openapi(passwordRoute, async (c) => {
    refuseOtherSites(c);
    const { token, password } = c.req.valid('json');
    const userId = await setPasswordWithLink(db, hashSecret(token), await hashPassword(password), ctx.now());
    if (userId === undefined)
      throw new ApiError(
        400,
        'invalid_link',
        'This link is not valid: it has expired, was used already or was replaced. Ask an administrator for a new one.',
        [{ field: 'token', message: 'unknown, used or expired' }],
      );
    const user = await findStaffUserById(db, userId);
    return c.json({ ok: true as const, email: user?.email ?? '' }, 200);
  });

  const usersRoute = createRoute({
    method: 'get',
    path: '/users',
    summary: 'Every staff account (any staff member): for assignee pickers and display names',
    security,
    middleware: inOrder(anyStaff),
    responses: {
      200: { description: 'The accounts', content: { 'application/json': { schema: staffUsersSchema } } },
      ...errorResponses(401),
    },
  });
  router.openapi(usersRoute, async (c) => c.json({ users: await listStaffUsers(db) }, 200));

  return router;
}
