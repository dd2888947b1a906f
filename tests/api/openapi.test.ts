/** The OpenAPI document lists every endpoint, and every endpoint the app answers is in it. */
import { describe, expect, it } from 'vitest';
import { testApp } from '../support/app.ts';

type Doc = { paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>> };

async function documented(): Promise<{ doc: Doc; operations: string[] }> {
  const { app } = await testApp();
  const doc = (await (await app.request('/api/openapi.json')).json()) as Doc;
  const operations = Object.entries(doc.paths)
    .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`))
    .sort();
  return { doc, operations };
}

describe('GET /api/openapi.json', () => {
  it('lists exactly the API’s endpoints, each with its method', async () => {
    const { operations } = await documented();
    expect(operations).toEqual([
      'DELETE /api/links',
      'DELETE /api/training/records/{id}',
      'GET /api/admin/drops',
      'GET /api/articles',
      'GET /api/articles/{lang}/{slug}/activity',
      'GET /api/feedback/comments',
      'GET /api/flags',
      'GET /api/health',
      'GET /api/links',
      'GET /api/metrics',
      'GET /api/metrics/agent-scorecards',
      'GET /api/metrics/period-report',
      'GET /api/metrics/summary',
      'GET /api/metrics/team-scorecards',
      'GET /api/metrics/{id}',
      'GET /api/popular',
      'GET /api/requests',
      'GET /api/requests/{ref}',
      'GET /api/staff/articles',
      'GET /api/staff/me',
      'GET /api/staff/users',
      'GET /api/suggest',
      'GET /api/suggest/agents',
      'GET /api/tickets',
      'GET /api/tickets/{id}/suggestions',
      'GET /api/tickets/{source}/{id}',
      'GET /api/training/agents',
      'GET /api/training/plan',
      'GET /api/training/records',
      'GET /api/votes/summary',
      'POST /api/contact',
      'POST /api/events',
      'POST /api/feedback/comments/{id}/handled',
      'POST /api/flags',
      'POST /api/flags/{id}/close',
      'POST /api/links',
      'POST /api/requests/{ref}/actions',
      'POST /api/requests/{ref}/messages',
      'POST /api/requests/{ref}/survey',
      'POST /api/staff/password',
      'POST /api/staff/sign-in',
      'POST /api/staff/sign-out',
      'POST /api/tickets',
      'POST /api/tickets/{source}/{id}/draft',
      'POST /api/training/records',
      'POST /api/votes',
      'POST /api/webhooks/{source}',
    ]);
  });

  it('documents every route the app answers under /api (no route outside the document)', async () => {
    const { app } = await testApp();
    const { operations } = await documented();
    const answered = new Set(
      app.routes
        // Middleware on every method (ALL) and the document itself are not endpoints.
        .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/') && r.path !== '/api/openapi.json')
        .map((r) => `${r.method} ${r.path.replace(/:([^/]+)/g, '{$1}')}`),
    );
    expect([...answered].sort()).toEqual(operations);
  });

  it('documents the body of the hot write routes though the fast reader validates it, text/plain included for events', async () => {
    const { doc } = await documented();
    expect(Object.keys(doc.paths['/api/votes']!.post!.requestBody!.content)).toEqual(['application/json']);
    expect(Object.keys(doc.paths['/api/events']!.post!.requestBody!.content).sort()).toEqual(['application/json', 'text/plain']);
  });
});
