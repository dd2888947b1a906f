/**
 * Drill-down (issue 18): GET /api/tickets lists the tickets behind a count, and for each status
 * its total equals the metric's count for the same filters — on a scripted set of 80 tickets
 * across a three-level topic tree, three agents in two teams, links to an old, a new and a
 * vanished article, and tickets too recent to judge. Then who sees what, paging, CSV, errors.
 * Period 2026-11 (UTC), computed at 2026-11-27T10:00Z, W = 7 days, default SLA targets.
 */
import { describe, expect, it } from 'vitest';
import type { Db } from '../../api/db/index.ts';
import { insertLink } from '../../api/db/queries/links.ts';
import { upsertTickets } from '../../api/db/queries/tickets.ts';
import { insertToken, type Role } from '../../api/db/queries/tokens.ts';
import { upsertRoster } from '../../api/db/queries/training.ts';
import { hashToken, newToken } from '../../api/lib/middleware/auth.ts';
import type { MetricEnv, MetricRow } from '../../api/metrics/types.ts';
import { buildTopicTree } from '../../core/content/topics.ts';
import { ticketListHref, type TicketList } from '../../core/contracts/drill-down.ts';
import { ticketSchema, TICKET_PRIORITIES, type TicketInput } from '../../core/tickets/ticket.ts';
import { ADMIN_TOKEN, testApp } from '../support/app.ts';
import { manifestArticle } from '../support/catalog.ts';
import { computeMetric, METRIC_NOW, metricTestEnv } from '../support/metrics.ts';

const name = (en: string) => ({ 'zh-CN': `${en}（中）`, en });
/** accounts › accounts-signin › accounts-sso; reports; billing. */
const topics = buildTopicTree([
  {
    id: 'accounts',
    name: name('Accounts'),
    children: [{ id: 'accounts-signin', name: name('Sign-in'), children: [{ id: 'accounts-sso', name: name('SSO') }] }],
  },
  { id: 'reports', name: name('Reports') },
  { id: 'billing', name: name('Billing') },
]);
const articles = [
  manifestArticle('en/a-old', { created: '2026-01-01', reviewed: '2026-01-01' }),
  manifestArticle('en/a-new', { created: '2026-11-15', reviewed: '2026-11-15' }),
];

const H = 3_600_000;
const TOPICS = ['accounts', 'accounts-signin', 'accounts-sso', 'reports', 'billing', undefined];
const AGENTS = ['ann', 'bo', 'cy', undefined];

/** Ticket i: every attribute cycles with its own period, so the statuses overlap in many ways. */
function scripted(i: number): TicketInput {
  const createdMs = Date.UTC(2026, 10, 1 + (i % 27), (i * 7) % 24);
  const createdAt = new Date(createdMs).toISOString();
  const resHours = ((i * 13) % 70) + 1;
  const resolvedMs = createdMs + resHours * H;
  const resolved = i % 4 !== 3 && resolvedMs <= METRIC_NOW.getTime();
  const closedOnly = resolved && i % 10 === 1;
  const t: TicketInput = {
    id: `T${i}`,
    source: i % 9 === 8 ? 'zendesk' : 'api',
    subject: i === 5 ? 'Call me at 13812345678 about li.wei@corp-mail.cn' : `Ticket ${i}`,
    priority: TICKET_PRIORITIES[i % 4]!,
    status: resolved ? 'solved' : 'open',
    createdAt,
    lang: i % 5 === 1 ? 'en' : 'zh-CN',
    escalated: i % 7 === 0,
  };
  const topic = TOPICS[(i * 5) % 6];
  if (topic) t.topic = topic;
  const agent = AGENTS[(i * 3) % 4];
  if (agent) t.agent = agent;
  if (i % 5 !== 0) t.firstResponseAt = new Date(createdMs + ((i % 7) * 0.9 + 0.1) * H).toISOString();
  if (resolved && !closedOnly) t.resolvedAt = new Date(resolvedMs).toISOString();
  if (closedOnly) t.closedAt = new Date(resolvedMs).toISOString();
  if (i % 8 === 2) t.reopened = 1 + (i % 3);
  if (i % 3 === 1) t.csat = 1 + (i % 5);
  if (i % 11 === 0) t.slaMet = true;
  else if (i % 13 === 0) t.slaMet = false;
  if (i % 9 === 4) t.knowledgeUsed = true;
  return t;
}

const tickets: TicketInput[] = [
  ...Array.from({ length: 80 }, (_, i) => scripted(i)),
  // Outside the period on either side.
  { id: 'OCT', source: 'api', subject: 'October', priority: 'high', status: 'open', createdAt: '2026-10-31T23:59:59Z', escalated: true },
  { id: 'DEC', source: 'api', subject: 'December', priority: 'high', status: 'open', createdAt: '2026-12-01T00:00:00Z', agent: 'ann' },
];

async function seed(db: Db) {
  await upsertTickets(
    db,
    tickets.map((t) => ticketSchema.parse(t)),
  );
  await upsertRoster(db, [
    { agent: 'ann', name: 'Ann An', team: 'Team A' },
    { agent: 'bo', name: 'Bo Bai', team: 'Team A' },
    { agent: 'cy', name: 'Cy Cao', team: 'Team B' },
  ]);
  for (let i = 0; i < 80; i++) {
    const source = i % 9 === 8 ? 'zendesk' : 'api';
    if (i % 5 === 2) await insertLink(db, { ticket: `T${i}`, source, article: 'en/a-old', relation: 'solved-by' }, METRIC_NOW);
    // Recorded without a source (''), as links may be.
    if (i % 7 === 3) await insertLink(db, { ticket: `T${i}`, source: '', article: 'en/a-new', relation: 'created-from' }, METRIC_NOW);
    if (i % 11 === 5) await insertLink(db, { ticket: `T${i}`, source, article: 'en/gone', relation: 'referenced' }, METRIC_NOW);
  }
}

const PERIOD = { from: '2026-11-01', to: '2026-11-30', tz: 'UTC' } as const;

async function setup() {
  const made = await testApp({ now: () => METRIC_NOW, topics, articles });
  await seed(made.db);
  const env = metricTestEnv(made.db, { topics, articles });
  const token = async (tokenName: string, role: Role) => {
    const value = newToken();
    await insertToken(made.db, tokenName, role, hashToken(value), METRIC_NOW);
    return value;
  };
  const list = async (filters: Parameters<typeof ticketListHref>[0], bearer = ADMIN_TOKEN) => {
    const href = ticketListHref({ ...PERIOD, ...filters });
    const response = await made.app.request(`/api/tickets${href.slice(href.indexOf('?'))}`, {
      headers: { authorization: `Bearer ${bearer}` },
    });
    expect(response.status, href).toBe(200);
    return (await response.json()) as TicketList;
  };
  return { ...made, env, token, list };
}

const metric = (env: MetricEnv, id: string, extra: Record<string, string> = {}) => computeMetric(env, id, { ...PERIOD, ...extra });
const part = async (env: MetricEnv, id: string, key: string, extra: Record<string, string> = {}) =>
  (await metric(env, id, extra)).parts![key];
const row = (rows: MetricRow[] | undefined, dimension: string, key: string) =>
  rows!.find((r) => r['dimension'] === dimension && r['key'] === key)!;

describe('GET /api/tickets: each status totals what its metric counts', () => {
  it('for the period, a topic with its subtopics, a priority and a language', async () => {
    const { env, list } = await setup();
    const rate = await metric(env, 'resolution-rate');
    const expectations: Array<[Parameters<typeof ticketListHref>[0], unknown]> = [
      [{}, rate.parts!['tickets']],
      [{ status: 'resolved' }, rate.parts!['resolved']],
      [{ status: 'open' }, rate.parts!['tickets']! - rate.parts!['resolved']!],
      [{ status: 'too-recent' }, rate.parts!['tooRecent']],
      [{ status: 'escalated' }, await part(env, 'escalation-rate', 'escalated')],
      [{ status: 'escalated', topic: 'accounts' }, row((await metric(env, 'escalation-rate')).rows, 'topic', 'accounts')['escalated']],
      [{ status: 'escalated', topic: 'accounts-signin' }, await part(env, 'escalation-rate', 'escalated', { topic: 'accounts-signin' })],
      [{ status: 'reopened' }, await part(env, 'reopen-rate', 'reopened')],
      [{ status: 'sla-met' }, await part(env, 'sla-attainment', 'met')],
      [{ status: 'sla-breached' }, await part(env, 'sla-attainment', 'missed')],
      [
        { status: 'sla-breached', priority: 'urgent' },
        (() => null)(), // filled below
      ],
      [{ status: 'linked' }, await part(env, 'link-rate', 'linked')],
      [{ status: 'unlinked' }, (await part(env, 'link-rate', 'resolved'))! - (await part(env, 'link-rate', 'linked'))!],
      [{ status: 'known' }, await part(env, 'known-vs-new', 'known')],
      [{ status: 'new' }, await part(env, 'known-vs-new', 'new')],
      [{ status: 'surveyed' }, await part(env, 'csat', 'responses')],
      [{ status: 'surveyed', lang: 'en' }, await part(env, 'csat', 'responses', { lang: 'en' })],
      [{ lang: 'en', topic: 'accounts' }, await part(env, 'resolution-rate', 'tickets', { lang: 'en', topic: 'accounts' })],
    ];
    const sla = await metric(env, 'sla-attainment');
    const urgent = row(sla.rows, 'priority', 'urgent');
    expectations[10]![1] = Number(urgent['tickets']) - Number(urgent['met']);
    const csat = await metric(env, 'csat');
    const satisfied = Math.round(csat.parts!['responses']! * csat.parts!['satisfiedShare']!);
    expectations.push([{ status: 'satisfied' }, satisfied], [{ status: 'dissatisfied' }, csat.parts!['responses']! - satisfied]);
    for (const [filters, count] of expectations) {
      const answer = await list(filters);
      expect(answer.total, JSON.stringify(filters)).toBe(count);
      expect(answer.outsideView).toBe(0);
    }
    // The fixture exercises every status: none of these counts is trivially 0.
    for (const [filters, count] of expectations) if (filters?.status) expect(count, JSON.stringify(filters)).toBeGreaterThan(0);
  });

  it('for an agent and a team, as the scorecards count them', async () => {
    const { env, list } = await setup();
    const agents = (await metric(env, 'agent-scorecards')).rows!;
    const teams = (await metric(env, 'team-scorecards')).rows!;
    for (const agent of ['ann', 'bo', 'cy']) {
      const card = agents.find((r) => r['agent'] === agent)!;
      expect((await list({ agent })).total).toBe(card['tickets']);
      expect((await list({ agent, status: 'resolved' })).total).toBe(card['resolved']);
      expect((await list({ agent, status: 'surveyed' })).total).toBe(card['csatResponses']);
      expect((await list({ agent, status: 'too-recent' })).total).toBe(card['tooRecent']);
      expect((await list({ agent, status: 'escalated' })).total).toBe(Math.round(Number(card['escalationRate']) * Number(card['tickets'])));
      expect((await list({ agent, status: 'linked' })).total).toBe(Math.round(Number(card['linkRate'] ?? 0) * Number(card['resolved'])));
    }
    for (const team of ['Team A', 'Team B']) {
      const card = teams.find((r) => r['team'] === team)!;
      expect((await list({ team })).total).toBe(card['tickets']);
      expect((await list({ team, status: 'resolved' })).total).toBe(card['resolved']);
    }
  });
});

describe('GET /api/tickets: rows, paging, roles, CSV', () => {
  it('answers rows newest first with the agent’s name, a redacted subject and the ticket’s address', async () => {
    const { list } = await setup();
    const all = await list({ limit: 200 });
    expect(all.rows).toHaveLength(all.total);
    const created = all.rows.map((r) => r.createdAt);
    expect([...created].sort().reverse()).toEqual(created);
    const t5 = all.rows.find((r) => r.id === 'T5')!;
    expect(t5.subject).not.toContain('13812345678');
    expect(t5.subject).not.toContain('li.wei@corp-mail.cn');
    const t3 = all.rows.find((r) => r.id === 'T3')!;
    expect(t3).toMatchObject({ source: 'api', agentName: 'Bo Bai', href: '/staff/tickets/api/T3', links: 1 });
    const t8 = all.rows.find((r) => r.id === 'T8')!;
    expect(t8.href).toBe('/staff/tickets/zendesk/T8');
    // Pages cover the list once each.
    const pages = [await list({ limit: 30 }), await list({ limit: 30, page: 2 }), await list({ limit: 30, page: 3 })];
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(all.rows.map((r) => r.id));
    expect(pages[0]!.filters).toEqual({ from: '2026-11-01', to: '2026-11-30', tz: 'UTC' });
  });

  it('shows an agent their own tickets and a lead their team’s, counting the rest apart', async () => {
    const { list, token } = await setup();
    const all = await list({ status: 'resolved' });
    const ann = await list({ status: 'resolved' }, await token('ann', 'agent'));
    const annOwn = await list({ status: 'resolved', agent: 'ann' });
    expect(ann.total).toBe(annOwn.total);
    expect(ann.rows.every((r) => r.agent === 'ann')).toBe(true);
    expect(ann.outsideView).toBe(all.total - ann.total);
    const lead = await list({ status: 'resolved' }, await token('bo', 'lead'));
    expect(lead.total).toBe((await list({ status: 'resolved', team: 'Team A' })).total);
    expect(lead.rows.every((r) => r.agent === 'ann' || r.agent === 'bo')).toBe(true);
    const manager = await list({ status: 'resolved' }, await token('boss', 'manager'));
    expect(manager).toMatchObject({ total: all.total, outsideView: 0 });
    const stranger = await list({}, await token('zed', 'agent'));
    expect(stranger.total).toBe(0);
  });

  it('answers every row as CSV, rejects a wrong filter naming it, and needs a staff role', async () => {
    const { app, list, token } = await setup();
    const total = (await list({ status: 'escalated' })).total;
    const csv = await app.request('/api/tickets?from=2026-11-01&to=2026-11-30&tz=UTC&status=escalated&format=csv', {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('source,id,subject,topic,priority,agent,agentName,status,createdAt,resolvedAt,escalated,reopened,csat,links');
    expect(lines).toHaveLength(total + 1);
    const bad = await app.request('/api/tickets?status=lost&limit=500', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { details: Array<{ field: string }> } };
    expect(body.error.details.map((d) => d.field).sort()).toEqual(['limit', 'status']);
    expect((await app.request('/api/tickets')).status).toBe(401);
    const trainer = await token('tess', 'trainer');
    expect((await app.request('/api/tickets', { headers: { authorization: `Bearer ${trainer}` } })).status).toBe(403);
  });
});
