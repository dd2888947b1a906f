/**
 * Builds the API from its dependencies. It never listens (server.ts does), so tests
 * drive it through app.request() with a fresh database each.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { secureHeaders } from 'hono/secure-headers';
import type { Db } from './db/index.ts';
import type { ArticleCatalog } from './lib/manifest.ts';
import { ApiError, handleError } from './lib/errors.ts';
import { validationHook } from './lib/validation.ts';
import { newRouter } from './lib/router.ts';
import { healthRoutes } from './routes/health.ts';
import { articleRoutes } from './routes/articles.ts';

export interface AppDeps {
  db: Db;
  catalog: ArticleCatalog;
}

export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono({ defaultHook: validationHook });
  app.use('/api/*', secureHeaders());
  const api = newRouter();
  api.route('/', healthRoutes(deps));
  api.route('/', articleRoutes(deps));
  app.route('/api', api);
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Knowledge base API', version: '1.0.0', description: 'Articles, votes, events, tickets and metrics of the help center.' },
  });
  app.all('/api/*', () => {
    throw new ApiError(404, 'not_found', 'No such API endpoint');
  });
  app.onError(handleError);
  return app;
}
