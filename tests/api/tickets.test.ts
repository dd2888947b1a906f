import { describe, expect, it } from 'vitest';
import { hashToken } from '../../api/lib/middleware/auth.ts';
import { getTicket } from '../../api/db/queries/tickets.ts';
import { insertToken } from '../../api/db/queries/tokens.ts';
import { ADMIN_TOKEN, testApp } from '../support/app.ts';

const ticket = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  source: 'api',
  subject: `Ticket ${id}`,
  priority: 'normal',
  status: 'open',
  createdAt: '2026-03-01T09:00:00Z',
  ...overrides,
});

const post = (body: unknown, token?: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  body: JSON.stringify(body),
});

async function withToken(role: 'agent' | 'trainer') {
  const setup = await testApp();
  const token = `${role}-token-0123456789abcdef`;
  await insertToken(setup.db, role, role, hashToken(token), new Date());
  return { ...setup, token };
}

describe('POST /api/tickets', () => {
  it('inserts new tickets for an agent and reports the counts', async () => {
    const { app, db, token } = await withToken('agent');
    const res = await app.request('/api/tickets', post({ tickets: [ticket('A-1'), ticket('A-2')] }, token));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ inserted: 2, updated: 0 });
    expect(await getTicket(db, 'A-1', 'api')).toMatchObject({ subject: 'Ticket A-1', createdAt: '2026-03-01T09:00:00.000Z' });
  });

  it('updates tickets it already has instead of duplicating them', async () => {
    const { app, db } = await testApp();
    await app.request('/api/tickets', post({ tickets: [ticket('A-1')] }, ADMIN_TOKEN));
    const res = await app.request(
      '/api/tickets',
      post({ tickets: [ticket('A-1', { status: 'solved', resolvedAt: '2026-03-02T09:00:00Z' }), ticket('A-2')] }, ADMIN_TOKEN),
    );
    expect(await res.json()).toEqual({ inserted: 1, updated: 1 });
    expect(await getTicket(db, 'A-1', 'api')).toMatchObject({ status: 'solved' });
  });

  it('refuses a request without a token with 401', async () => {
    const { app } = await testApp();
    const res = await app.request('/api/tickets', post({ tickets: [ticket('A-1')] }));
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('unauthorized');
  });

  it('refuses a trainer token with 403', async () => {
    const { app, token } = await withToken('trainer');
    const res = await app.request('/api/tickets', post({ tickets: [ticket('A-1')] }, token));
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('forbidden');
  });

  it('writes nothing when one ticket is invalid and names it as tickets.<i>.<field>', async () => {
    const { app, db } = await testApp();
    const res = await app.request('/api/tickets', post({ tickets: [ticket('A-1'), ticket('A-2', { priority: 'critical' })] }, ADMIN_TOKEN));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.details).toEqual([expect.objectContaining({ field: 'tickets.1.priority' })]);
    expect(await getTicket(db, 'A-1', 'api')).toBeNull();
  });

  it('refuses an empty batch and one over 500 tickets', async () => {
    const { app } = await testApp();
    expect((await app.request('/api/tickets', post({ tickets: [] }, ADMIN_TOKEN))).status).toBe(400);
    const many = Array.from({ length: 501 }, (_, i) => ticket(`B-${i}`));
    const res = await app.request('/api/tickets', post({ tickets: many }, ADMIN_TOKEN));
    expect(res.status).toBe(400);
    expect((await res.json()).error.details[0].field).toBe('tickets');
  });

  it('takes a body over 16 KB (500 tickets) in one request', async () => {
    const { app } = await testApp();
    const many = Array.from({ length: 500 }, (_, i) => ticket(`C-${i}`, { description: 'x'.repeat(200) }));
    const res = await app.request('/api/tickets', post({ tickets: many }, ADMIN_TOKEN));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ inserted: 500, updated: 0 });
  });
});

describe('POST /api/tickets body limit', () => {
  it('refuses a body over 2 MB with 413', async () => {
    const { app } = await testApp();
    const many = Array.from({ length: 120 }, (_, i) => ticket(`D-${i}`, { description: 'x'.repeat(19_000) }));
    const res = await app.request('/api/tickets', post({ tickets: many }, ADMIN_TOKEN));
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
  });
});
