import { describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { migrate, MIGRATION_NAMES } from '../../api/db/index.ts';
import { testApp } from '../support/app.ts';
import { testCatalog } from '../support/catalog.ts';
import { freshDatabase } from '../support/database.ts';

describe('GET /api/health', () => {
  it('answers ok when the database is reachable', async () => {
    const { app } = await testApp();
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', tables: expect.arrayContaining(['votes', 'events', 'tickets']) });
  });

  it('answers 503 with the error envelope when the database is gone', async () => {
    const { app, close } = await testApp();
    await close();
    const res = await app.request('/api/health');
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe('unavailable');
  });

  it('answers 503 naming the migrations the database lacks, then ok once they are applied', async () => {
    const { db } = await freshDatabase({ migrated: false });
    const app = createApp({ db, catalog: testCatalog() });
    const behind = await app.request('/api/health');
    expect(behind.status).toBe(503);
    expect((await behind.json()).error).toMatchObject({
      code: 'migrations_pending',
      details: MIGRATION_NAMES.map((message) => ({ message })),
    });
    await migrate(db);
    expect((await app.request('/api/health')).status).toBe(200);
  });

  it('sends secure headers', async () => {
    const { app } = await testApp();
    const res = await app.request('/api/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('GET /api/articles', () => {
  it('lists published public articles only, with the documented fields', async () => {
    const { app } = await testApp();
    const body = (await (await app.request('/api/articles')).json()) as Array<Record<string, unknown>>;
    expect(body.map((a) => a.id)).toEqual(['en/printer-setup', 'en/reset-password', 'zh-CN/reset-password']);
    expect(Object.keys(body[0]!).sort()).toEqual(['id', 'lang', 'state', 'summary', 'title', 'topic', 'type', 'url']);
  });

  it('filters by language and type', async () => {
    const { app } = await testApp();
    const zh = (await (await app.request('/api/articles?lang=zh-CN')).json()) as Array<{ id: string }>;
    expect(zh.map((a) => a.id)).toEqual(['zh-CN/reset-password']);
    const manuals = (await (await app.request('/api/articles?type=manual')).json()) as Array<{ id: string }>;
    expect(manuals.map((a) => a.id)).toEqual(['en/printer-setup']);
  });

  it('rejects an unknown language with a 400 naming the parameter', async () => {
    const { app } = await testApp();
    const res = await app.request('/api/articles?lang=fr');
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.details[0].field).toBe('lang');
  });
});

describe('the API as a whole', () => {
  it('answers unknown endpoints with a 404 envelope', async () => {
    const { app } = await testApp();
    const res = await app.request('/api/nothing-here');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });

  it('publishes an OpenAPI 3.1 document of its routes', async () => {
    const { app } = await testApp();
    const doc = await (await app.request('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/articles']));
  });
});
