/**
 * Builds the API from its dependencies. It never listens (server.ts does), so tests
 * drive it through app.request() with a fresh database and an injected clock. Each
 * resource is one router mounted at its path; paths inside a router are relative to it.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { cors } from 'hono/cors';
import { buildContext, type AppDeps } from './context.ts';
import { ApiError, handleError } from './lib/http/errors.ts';
import { secureHeaders } from './lib/middleware/secure-headers.ts';
import { staffTokenGuard } from './lib/middleware/staff-guard.ts';
import { newRouter } from './lib/http/router.ts';
import { validationHook } from './lib/http/validation.ts';
import { healthRoutes } from './routes/health.ts';
import { articleRoutes } from './routes/articles.ts';
import { voteRoutes } from './routes/votes.ts';
import { eventRoutes } from './routes/events.ts';
import { adminRoutes } from './routes/admin.ts';
import { linkRoutes } from './routes/links.ts';
import { ticketListRoutes } from './routes/ticket-list.ts';
import { articleListRoutes } from './routes/article-list.ts';
import { agentSearchRoutes, suggestRoutes, ticketSuggestionRoutes } from './routes/suggest.ts';
import { popularRoutes } from './routes/popular.ts';
import { ticketRoutes } from './routes/tickets.ts';
import { webhookRoutes } from './routes/webhooks.ts';
import { contactRoutes } from './routes/contact.ts';
import { requestPageRoutes, requestRoutes } from './routes/requests.ts';
import { metricRoutes } from './routes/metrics.ts';
import { MetricCache } from './metrics/cache.ts';
import { trainingRoutes } from './routes/training.ts';
import { metricEnv } from './metrics/env.ts';
import { flagRoutes } from './routes/flags.ts';
import { feedbackRoutes } from './routes/feedback.ts';
import { draftRoutes } from './routes/drafts.ts';
import { staffRoutes } from './routes/staff.ts';
import type { AuthEnv } from './lib/middleware/auth.ts';
import { createMiddleware } from 'hono/factory';
import { staffViewRoutes } from './routes/staff-views.ts';

export type { AppContext, AppDeps } from './context.ts';

/** The whole API (and the response headers every page gets), ready for app.request() or a server. */
export function createApp(deps: AppDeps) {
  const ctx = buildContext(deps);
  const app = new OpenAPIHono({ defaultHook: validationHook });
  // Every response, pages included: nosniff, frame, referrer and permissions policies, a CSP; HSTS over HTTPS.
  app.use('*', secureHeaders({ trustedProxies: new Set(deps.trustedProxies ?? []) }));
  const origins = new Set(deps.corsOrigins ?? []);
  // Without configured origins the API is same-origin only and needs no CORS headers at all.
  if (origins.size > 0) {
    app.use(
      '/api/*',
      cors({
        origin: (origin) => (origins.has(origin) ? origin : null),
        allowHeaders: ['Content-Type', 'Authorization'],
        // The dashboards' CSV downloads name their file; a 429 says when to try again.
        exposeHeaders: ['Content-Disposition', 'Retry-After'],
        // The staff session cookie may come along from the listed origins only (never '*').
        credentials: true,
        maxAge: 600,
      }),
    );
  }
  // Staff-token guessing: 429 after too many 401s from one address (lib/middleware/staff-guard.ts).
  app.use('/api/*', staffTokenGuard({ trustedProxies: new Set(deps.trustedProxies ?? []), now: ctx.now }));
  const env = metricEnv({ ...deps, now: ctx.now });
  // Every staff check (requireStaff) reads the session settings and the app's clock from here.
  app.use(
    '/api/*',
    createMiddleware<AuthEnv>(async (c, next) => {
      c.set('staffSessions', ctx.staffSessions);
      await next();
    }),
  );
  const api = newRouter();
  api.route('/health', healthRoutes(deps));
  api.route('/articles', articleRoutes(deps));
  api.route('/votes', voteRoutes(ctx));
  api.route('/events', eventRoutes(ctx));
  api.route('/admin', adminRoutes(ctx));
  api.route('/links', linkRoutes(ctx));
  api.route('/suggest', agentSearchRoutes(ctx, deps.suggest));
  api.route('/suggest', suggestRoutes(ctx, deps.suggest));
  api.route('/popular', popularRoutes(ctx));
  api.route('/tickets', ticketSuggestionRoutes(ctx, deps.suggest));
  api.route('/tickets', ticketRoutes(ctx));
  api.route('/tickets', ticketListRoutes(ctx, env));
  api.route('/tickets', draftRoutes(ctx, deps.topics, deps.repo));
  api.route('/flags', flagRoutes(ctx));
  api.route('/feedback', feedbackRoutes(ctx));
  api.route('/', staffViewRoutes(ctx, deps));
  api.route('/webhooks', webhookRoutes(ctx, deps.webhookSecrets ?? {}));
  api.route('/contact', contactRoutes(ctx, { trustedProxies: deps.trustedProxies ?? [], siteOrigins: [...origins] }));
  api.route('/requests', requestRoutes(ctx));
  api.route('/metrics', metricRoutes(ctx, env, new MetricCache(deps.metricsCacheSeconds ?? 0, () => ctx.now().getTime())));
  api.route('/training', trainingRoutes(ctx, env));
  api.route('/staff', articleListRoutes(ctx, env));
  api.route('/staff', staffRoutes(ctx, deps.signInLimits, deps.trustedProxies ?? []));
  app.route('/api', api);
  // The request page's forms without JavaScript post to the page's own address (routes/requests.ts).
  app.route('/', requestPageRoutes(ctx));
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'Staff token (npm run token -- create)',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'kb_session',
    description: 'Staff sign-in (POST /api/staff/sign-in); writes need a same-origin Origin header',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Knowledge base API',
      version: '1.0.0',
      description:
        'Articles, votes, events, tickets and metrics of the help center. Errors use one envelope: { error: { code, message, details } }.',
    },
  });
  app.all('/api/*', () => {
    throw new ApiError(404, 'not_found', 'No such API endpoint');
  });
  app.onError(handleError);
  return app;
}
