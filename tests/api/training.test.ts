/** /api/training: records (POST/GET/DELETE), agents and the draft plan. */
import { describe, expect, it } from 'vitest';
import type { Db } from '../../api/db/index.ts';
import { insertToken, type Role } from '../../api/db/queries/tokens.ts';
import { upsertRoster } from '../../api/db/queries/training.ts';
import { hashToken, newToken } from '../../api/lib/middleware/auth.ts';
import { loadTopicTree } from '../../core/content/topics.ts';
import { ADMIN_TOKEN, testApp } from '../support/app.ts';
import { manualClock } from '../support/clock.ts';
import { addTickets, seedTrainingFixture, ticket, trainingArticles } from './training-fixture.ts';
import { createStaffUser } from '../support/staff.ts';

async function setup() {
  const clock = manualClock('2026-04-15T00:00:00Z');
  const t = await testApp({ articles: trainingArticles, now: clock.now, topics: loadTopicTree('content') });
  return { ...t, clock };
}

async function tokenFor(db: Db, role: Role) {
  const token = newToken();
  await insertToken(db, role, role, hashToken(token), new Date());
  return token;
}

const post = (body: unknown, token: string | null = ADMIN_TOKEN) =>
  [
    '/api/training/records',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    },
  ] as const;
const get = (path: string, token = ADMIN_TOKEN) => [path, { headers: { authorization: `Bearer ${token}` } }] as const;
const del = (id: string | number, token = ADMIN_TOKEN) =>
  [`/api/training/records/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } }] as const;
const record = { agent: 'alice', article: 'en/train-lic', completedAt: '2026-03-01T08:00:00+08:00' };

describe('POST /api/training/records', () => {
  it('needs a staff token (401) with the trainer or admin role (403 for agents)', async () => {
    const { app, db } = await setup();
    expect((await app.request(...post(record, null))).status).toBe(401);
    const res = await app.request(...post(record, await tokenFor(db, 'agent')));
    expect(res.status).toBe(403);
  });

  it('records a completion with 201, in UTC, with its expiry 365 days later', async () => {
    const { app, db } = await setup();
    const res = await app.request(...post(record, await tokenFor(db, 'trainer')));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { record: Record<string, unknown>; duplicate: boolean };
    // 08:00 at +08:00 = 00:00Z; + 365 days = 2027-03-01 (2026 is not a leap year).
    expect(body.record).toMatchObject({
      agent: 'alice',
      article: 'en/train-lic',
      completedAt: '2026-03-01T00:00:00.000Z',
      expiresAt: '2027-03-01T00:00:00.000Z',
      createdBy: 'trainer',
    });
    expect(body.duplicate).toBe(false);
  });

  it('answers an exact duplicate with 200 and the stored record, without a second record', async () => {
    const { app } = await setup();
    const first = (await (await app.request(...post(record))).json()) as { record: { id: number } };
    const again = await app.request(...post({ ...record, completedAt: '2026-03-01T00:00:00Z' }));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ duplicate: true, record: { id: first.record.id } });
    const list = (await (await app.request(...get('/api/training/records'))).json()) as { records: unknown[] };
    expect(list.records).toHaveLength(1);
  });

  it('takes a plain date as 00:00 UTC', async () => {
    const { app } = await setup();
    const res = await app.request(...post({ ...record, completedAt: '2026-02-28' }));
    expect(((await res.json()) as { record: { completedAt: string } }).record.completedAt).toBe('2026-02-28T00:00:00.000Z');
  });

  it('refuses a bad date, a future date, an unknown field and a missing agent with 400 naming each field', async () => {
    const { app } = await setup();
    const fields = async (body: unknown) =>
      ((await (await app.request(...post(body))).json()) as { error: { details: Array<{ field: string }> } }).error.details.map(
        (d) => d.field,
      );
    expect((await app.request(...post({ ...record, completedAt: '2026-02-30' }))).status).toBe(400);
    expect(await fields({ ...record, completedAt: '2026-02-30' })).toEqual(['completedAt']);
    expect(await fields({ ...record, completedAt: '2026-05-01' })).toEqual(['completedAt']); // after the clock's 2026-04-15
    expect(await fields({ ...record, trainer: 'Qian' })).toEqual(['trainer']);
    expect(await fields({ article: record.article, completedAt: record.completedAt })).toEqual(['agent']);
  });

  it('refuses an unknown article and an article that is not training material with 422', async () => {
    const { app } = await setup();
    const unknown = await app.request(...post({ ...record, article: 'en/no-such-article' }));
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('unknown_article');
    const faq = await app.request(...post({ ...record, article: 'en/lic-faq' }));
    expect(faq.status).toBe(422);
    expect(((await faq.json()) as { error: { code: string } }).error.code).toBe('not_training');
  });
});

describe('GET and DELETE /api/training/records', () => {
  it('lists by agent and by topic (articles covering it) for any staff role', async () => {
    const { app, db } = await setup();
    await app.request(...post(record));
    await app.request(...post({ ...record, agent: 'bob' }));
    const agentToken = await tokenFor(db, 'agent');
    const byAgent = (await (await app.request(...get('/api/training/records?agent=bob', agentToken))).json()) as {
      records: Array<{ agent: string }>;
    };
    expect(byAgent.records.map((r) => r.agent)).toEqual(['bob']);
    // en/train-lic covers install-desktop through `topics`; nothing covers billing.
    const install = (await (await app.request(...get('/api/training/records?topic=install-desktop'))).json()) as { records: unknown[] };
    expect(install.records).toHaveLength(2);
    const billing = (await (await app.request(...get('/api/training/records?topic=billing'))).json()) as { records: unknown[] };
    expect(billing.records).toHaveLength(0);
  });

  it('refuses an unknown query parameter with 400 naming it', async () => {
    const { app } = await setup();
    const res = await app.request(...get('/api/training/records?agnet=bob'));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { details: Array<{ field: string }> } }).error.details[0]!.field).toBe('agnet');
  });

  it('deletes a record (trainer), 404 for an unknown id, 400 for a malformed one, 403 for agents', async () => {
    const { app, db } = await setup();
    const { record: stored } = (await (await app.request(...post(record))).json()) as { record: { id: number } };
    expect((await app.request(...del(stored.id, await tokenFor(db, 'agent')))).status).toBe(403);
    const ok = await app.request(...del(stored.id, await tokenFor(db, 'trainer')));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true, deleted: 1 });
    expect((await app.request(...del(stored.id))).status).toBe(404);
    const bad = await app.request(...del('abc'));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { details: Array<{ field: string }> } }).error.details[0]!.field).toBe('id');
  });
});

describe('GET /api/training/agents', () => {
  it('joins the roster with the agents on tickets, including roster agents with no tickets', async () => {
    const { app, db } = await setup();
    await upsertRoster(db, [
      { agent: 'alice', name: 'Alice An', team: 'Team A' },
      { agent: 'dave', name: 'Dave Du', team: 'Team B' },
    ]);
    await addTickets(db, [
      ticket('licensing', 'alice', '2026-03-02T00:00:00.000Z', 1),
      ticket('licensing', 'alice', '2026-03-03T00:00:00.000Z', 1),
      ticket('mobile', 'frank', '2026-03-03T00:00:00.000Z', 1),
    ]);
    const body = (await (await app.request(...get('/api/training/agents'))).json()) as { agents: unknown[] };
    expect(body.agents).toEqual([
      { agent: 'alice', name: 'Alice An', team: 'Team A', tickets: 2 },
      { agent: 'dave', name: 'Dave Du', team: 'Team B', tickets: 0 },
      { agent: 'frank', name: null, team: null, tickets: 1 },
    ]);
  });
});

describe('GET /api/training/plan', () => {
  it('lists topics most needed first with reasons, label and untrained agents', async () => {
    const { app, db } = await setup();
    await seedTrainingFixture(db);
    const res = await app.request(...get('/api/training/plan?from=2026-03-01&to=2026-03-31&tz=UTC'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { from: string; topics: Array<Record<string, unknown>> };
    // Scores as in tests/api/metrics-training.test.ts: licensing 70.3, billing 53.8, mobile 30.8, install and install-desktop 20.8.
    expect(body.topics.map((t) => t['topic'])).toEqual(['licensing', 'billing', 'mobile', 'install', 'install-desktop']);
    expect(body.topics[0]).toMatchObject({
      name: 'Licensing and activation',
      needScore: 70.3,
      label: 'training-gap',
      tickets: 6,
      peopleCoverage: 2 / 3,
      ticketWeightedCoverage: 2 / 5,
      escalationRate: 0.5,
      untrainedAgents: ['carol'],
    });
    expect(body.topics[1]).toMatchObject({ topic: 'billing', label: 'both', untrainedAgents: ['grace'] });
  });

  it('names the untrained agents as every dashboard does: staff account, else roster, else the id', async () => {
    const { app, db } = await setup();
    await seedTrainingFixture(db);
    // carol is on the roster as "Carol Cao"; her staff account's name wins. grace is on neither.
    await createStaffUser(db, { email: 'carol@example.com', name: 'Cao Ke', role: 'agent', agentId: 'carol', password: 'a long password' });
    const body = (await (await app.request(...get('/api/training/plan?from=2026-03-01&to=2026-03-31&tz=UTC'))).json()) as {
      topics: Array<{ topic: string; untrainedAgents: string[]; untrainedAgentNames: string[] }>;
    };
    expect(body.topics[0]).toMatchObject({ untrainedAgents: ['carol'], untrainedAgentNames: ['Cao Ke'] });
    expect(body.topics[1]).toMatchObject({ untrainedAgents: ['grace'], untrainedAgentNames: ['grace'] });
  });

  it('exports the plan as CSV with a header line and arrays joined', async () => {
    const { app, db } = await setup();
    await seedTrainingFixture(db);
    const res = await app.request(...get('/api/training/plan?from=2026-03-01&to=2026-03-31&tz=UTC&format=csv'));
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="training-plan_2026-03-01_2026-03-31.csv"');
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'topic,name,nameZh,needScore,label,reasons,reasonsZh,tickets,peopleCoverage,ticketWeightedCoverage,escalationRate,untrainedAgents,untrainedAgentNames',
    );
    expect(lines).toHaveLength(6); // header + 5 topics (install rolls up install-desktop)
    // Joined arrays hold "; ", so the cell is quoted (a semicolon-locale spreadsheet would split it).
    expect(lines[1]).toMatch(/^licensing,Licensing and activation,许可证与激活,70.3,training-gap,"50% escalated; 2 of 3 agents trained;/);
  });

  it('answers an empty period with no topics, and the CSV with the header alone', async () => {
    const { app } = await setup();
    expect(await (await app.request(...get('/api/training/plan?from=2026-03-01&to=2026-03-31&tz=UTC'))).json()).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      tz: 'UTC',
      topics: [],
    });
    const csv = await (await app.request(...get('/api/training/plan?from=2026-03-01&to=2026-03-31&format=csv'))).text();
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(1);
  });

  it('refuses a bad format, a bad date and an unknown parameter with 400 naming the field', async () => {
    const { app } = await setup();
    const field = async (qs: string) => {
      const res = await app.request(...get(`/api/training/plan?${qs}`));
      expect(res.status).toBe(400);
      return ((await res.json()) as { error: { details: Array<{ field: string }> } }).error.details[0]!.field;
    };
    expect(await field('format=xlsx')).toBe('format');
    expect(await field('from=2026-13-01')).toBe('from');
    expect(await field('form=2026-03-01')).toBe('form');
  });
});
