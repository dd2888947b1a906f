/**
 * Scorecards (docs/design.md §8) on a scripted team, every figure computed by hand in the
 * comments; the mix adjustment's fallbacks; and who sees which card (GET
 * /api/metrics/agent-scorecards and /team-scorecards, JSON and CSV). Period 2026-11 (UTC),
 * computed at 2026-11-27T10:00Z, W = 7 days, default SLA targets (normal 8 h / 48 h, high 4 h / 24 h).
 */
import { describe, expect, it } from 'vitest';
import type { Db } from '../../api/db/index.ts';
import { insertLink } from '../../api/db/queries/links.ts';
import type { ScorecardTicket } from '../../api/db/queries/scorecards.ts';
import { upsertTickets } from '../../api/db/queries/tickets.ts';
import { insertToken, type Role } from '../../api/db/queries/tokens.ts';
import { upsertRoster } from '../../api/db/queries/training.ts';
import { hashToken, newToken } from '../../api/lib/middleware/auth.ts';
import { mixReference, visibleAgentRows, visibleTeamRows } from '../../api/metrics/scorecards.ts';
import type { MetricRow } from '../../api/metrics/types.ts';
import { ticketSchema, type TicketInput } from '../../core/tickets/ticket.ts';
import { ADMIN_TOKEN, testApp } from '../support/app.ts';
import { createStaffUser, signIn } from '../support/staff.ts';
import { migratedDatabase } from '../support/database.ts';
import { computeMetric, METRIC_NOW, metricTestEnv } from '../support/metrics.ts';

const H = 3_600_000;
const day = (d: number, hour = 0) => new Date(Date.UTC(2026, 10, d, hour)).toISOString();
function ticket(
  id: string,
  agent: string,
  createdAt: string,
  fields: { topic: string; priority?: TicketInput['priority']; fr?: number; res?: number } & Partial<TicketInput>,
): TicketInput {
  const { fr, res, ...rest } = fields;
  return {
    id,
    source: 'api',
    subject: `ticket ${id}`,
    agent,
    priority: 'normal',
    status: res === undefined ? 'open' : 'solved',
    createdAt,
    ...(fr === undefined ? {} : { firstResponseAt: new Date(Date.parse(createdAt) + fr * H).toISOString() }),
    ...(res === undefined ? {} : { resolvedAt: new Date(Date.parse(createdAt) + res * H).toISOString() }),
    ...rest,
  };
}

/**
 * Team A: ann (Ann An) and bo (Bo Bai); Team B: cy (Cy Cao).
 * ann: A1–A10 billing/normal created 11-01…11-10, first response i × 0.5 h, resolved after i h;
 *   A1 CSAT 5, 30 min logged, an article en/a1 created from it; A2 CSAT 4, 45 min, knowledgeUsed;
 *   A3 CSAT 2, escalated; A4 reopened; A5 slaMet false (the helpdesk says missed);
 *   A11 billing/normal created 11-26T12:00, answered after 1 h, open: too recent to judge, SLA not known yet.
 * bo: B1–B12 install/high created 11-01…11-12, answered after 1 h, resolved after 2i h; B1 links en/a1 (solved-by).
 * cy: C1–C3 billing/normal resolved after 20, 30, 40 h; C4 install/normal resolved after 50 h.
 */
const tickets: TicketInput[] = [
  ...Array.from({ length: 10 }, (_, k) => {
    const i = k + 1;
    const extra: Partial<TicketInput> =
      [
        { csat: 5, minutesLogged: 30 },
        { csat: 4, minutesLogged: 45, knowledgeUsed: true },
        { csat: 2, escalated: true, tier: 2 as const },
        { reopened: 1 },
        { slaMet: false },
      ][k] ?? {};
    return ticket(`A${i}`, 'ann', day(i), { topic: 'billing', fr: i * 0.5, res: i, ...extra });
  }),
  ticket('A11', 'ann', day(26, 12), { topic: 'billing', fr: 1 }),
  ...Array.from({ length: 12 }, (_, k) =>
    ticket(`B${k + 1}`, 'bo', day(k + 1), { topic: 'install', priority: 'high', fr: 1, res: 2 * (k + 1) }),
  ),
  ticket('C1', 'cy', day(3), { topic: 'billing', res: 20 }),
  ticket('C2', 'cy', day(4), { topic: 'billing', res: 30 }),
  ticket('C3', 'cy', day(5), { topic: 'billing', res: 40 }),
  ticket('C4', 'cy', day(6), { topic: 'install', res: 50 }),
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
  await insertLink(db, { ticket: 'A1', source: 'api', article: 'en/a1', relation: 'created-from' }, METRIC_NOW);
  await insertLink(db, { ticket: 'B1', source: 'api', article: 'en/a1', relation: 'solved-by' }, METRIC_NOW);
}

const PERIOD = { from: '2026-11-01', to: '2026-11-30', tz: 'UTC' };
const rowOf = (rows: MetricRow[] | undefined, key: string, value: string) => rows!.find((r) => r[key] === value)!;

describe('agent scorecards', () => {
  it('give every figure of a card, hand-computed', async () => {
    const { db } = await migratedDatabase();
    await seed(db);
    const r = await computeMetric(metricTestEnv(db), 'agent-scorecards', PERIOD, METRIC_NOW);
    expect(r.rows!.map((row) => [row['agent'], row['name'], row['team']])).toEqual([
      ['ann', 'Ann An', 'Team A'],
      ['bo', 'Bo Bai', 'Team A'],
      ['cy', 'Cy Cao', 'Team B'],
    ]);
    const ann = rowOf(r.rows, 'agent', 'ann');
    // Mix: cell billing/normal = ann's 1…10 h and cy's 20, 30, 40 h (13 ≥ 5) → median 7 h; ann's ratios i ÷ 7 → median 5.5 ÷ 7.
    // Overall median of the 26 resolution times (1…10, 2…24 by 2, 20, 30, 40, 50) = (9 + 10) ÷ 2 = 9.5 h.
    expect(ann).toMatchObject({
      judgement: 'judged',
      rank: 1, // 0.786 < bo's 1.0
      tickets: 11,
      resolved: 10,
      tooRecent: 1, // A11: open, 11-26T12:00 ≥ 11-23T10:00 (now − 7 days; the month ends after now)
      resolutionRate: 1, // 10 ÷ (11 − 1)
      firstResponseMedianHours: 2.5, // 0.5, 1 (A11), 1, 1.5, …, 5 → the 6th of 11
      firstResponseP90Hours: 4.5, // rank 0.9 × 10 = 9 → 4.5
      resolutionMedianHours: 5.5,
      resolutionP90Hours: 9.1, // rank 0.9 × 9 = 8.1 → 9 + 0.1 × 1
      slaAttainment: 0.9, // A5 missed by the helpdesk's word; A11 not known yet; 9 of 10
      csatMean: 11 / 3,
      csatSatisfiedShare: 2 / 3,
      csatResponses: 3,
      escalationRate: 1 / 11,
      reopenRate: 0.1, // A4 of the 10 resolved, all resolved before 11-20T10:00
      minutesLogged: 75,
      linkRate: 0.2, // A1 (link), A2 (knowledgeUsed)
      articlesCreated: 1, // en/a1
      reuseByOthers: 1, // bo's B1 links en/a1
    });
    expect(ann['mixIndex']).toBeCloseTo(5.5 / 7, 10);
    expect(ann['mixAdjustedResolutionHours']).toBeCloseTo((5.5 / 7) * 9.5, 10);

    const bo = rowOf(r.rows, 'agent', 'bo');
    // Cell install/high = bo's 2…24 h alone (12) → median 13; ratios 2i ÷ 13 → median 1; mix-adjusted 1 × 9.5.
    expect(bo).toMatchObject({
      judgement: 'judged',
      rank: 2,
      tickets: 12,
      resolved: 12,
      tooRecent: 0,
      resolutionRate: 1,
      firstResponseMedianHours: 1,
      firstResponseP90Hours: 1,
      resolutionMedianHours: 13,
      slaAttainment: 1, // 1 h ≤ 4 h, ≤ 24 h ≤ 24 h
      csatMean: null,
      csatSatisfiedShare: null,
      csatResponses: 0,
      escalationRate: 0,
      reopenRate: 0,
      minutesLogged: null,
      linkRate: 1 / 12,
      articlesCreated: 0,
      reuseByOthers: 0,
      mixIndex: 1,
      mixAdjustedResolutionHours: 9.5,
    });
    expect(bo['resolutionP90Hours']).toBeCloseTo(21.8, 10); // rank 0.9 × 11 = 9.9 → 20 + 0.9 × 2

    // Beside each figure, the median of the team's judged agents: Team A = ann and bo.
    expect(ann['resolutionMedianHoursTeamMedian']).toBe((5.5 + 13) / 2);
    expect(bo['resolutionMedianHoursTeamMedian']).toBe((5.5 + 13) / 2);
    expect(ann['mixIndexTeamMedian']).toBeCloseTo((5.5 / 7 + 1) / 2, 10);
    expect(ann['csatMeanTeamMedian']).toBeCloseTo(11 / 3, 10); // bo has no rating: the median of one value

    // cy: 4 resolved < 10 → too few to judge, no rank. Cell billing/normal median 7: 20/7, 30/7, 40/7;
    // C4: cell install/normal has 1 ticket < 5 → topic install (bo's 12 and C4: 2…24, 50) median 14 → 50/14.
    const cy = rowOf(r.rows, 'agent', 'cy');
    expect(cy).toMatchObject({ judgement: 'too-few-to-judge', rank: null, tickets: 4, resolved: 4 });
    expect(cy['mixIndex']).toBeCloseTo((25 / 7 + 30 / 7) / 2, 10);
    // Team B has no judged agent: no median to show.
    expect(cy['resolutionMedianHoursTeamMedian']).toBeNull();
    expect(r.value).toBe(2);
    expect(r.parts).toMatchObject({ agents: 3, judged: 2, overallMedianResolutionHours: 9.5 });
  });

  it('keep to a topic with the topic filter', async () => {
    const { db } = await migratedDatabase();
    await seed(db);
    const r = await computeMetric(metricTestEnv(db), 'agent-scorecards', { ...PERIOD, topic: 'install' }, METRIC_NOW);
    expect(r.rows!.map((row) => [row['agent'], row['tickets']])).toEqual([
      ['bo', 12],
      ['cy', 1],
    ]);
  });
});

describe('team scorecards', () => {
  it('pool the team’s tickets and show the median of its judged agents beside each figure', async () => {
    const { db } = await migratedDatabase();
    await seed(db);
    const r = await computeMetric(metricTestEnv(db), 'team-scorecards', PERIOD, METRIC_NOW);
    const a = rowOf(r.rows, 'team', 'Team A');
    // 23 tickets, 22 resolved, A11 too recent; resolution times 1…10 and 2…24 → the 11th and 12th of 22 are 8 and 8.
    expect(a).toMatchObject({
      agents: 2,
      judgedAgents: 2,
      judgement: 'judged',
      tickets: 23,
      resolved: 22,
      tooRecent: 1,
      resolutionRate: 1,
      resolutionMedianHours: 8,
      minutesLogged: 75,
      articlesCreated: 1,
      reuseByOthers: 0, // bo's link to en/a1 comes from inside the team
      resolutionMedianHoursAgentMedian: 9.25,
    });
    expect(a['escalationRate']).toBeCloseTo(1 / 23, 10);
    // Ratios i ÷ 7 (ann) and 2i ÷ 13 (bo): the 11th and 12th of 22 are 6/7 and 12/13.
    expect(a['mixIndex']).toBeCloseTo((6 / 7 + 12 / 13) / 2, 10);
    expect(rowOf(r.rows, 'team', 'Team B')).toMatchObject({ agents: 1, judgedAgents: 0, judgement: 'too-few-to-judge', resolved: 4 });
    expect(r.value).toBe(1);
  });
});

describe('the mix reference', () => {
  const t = (topic: string | null, priority: string, hours: number): ScorecardTicket => ({
    agent: 'x',
    topic,
    priority,
    createdAt: '2026-11-01T00:00:00.000Z',
    resolvedAt: '2026-11-02T00:00:00.000Z',
    firstResponseSeconds: null,
    resolutionSeconds: hours * 3600,
    escalated: false,
    reopened: false,
    csat: null,
    slaMet: null,
    minutesLogged: null,
    linked: false,
  });

  it('uses the cell, else the topic, else every ticket', () => {
    // a/high: 5 tickets 1…5 h (median 3); a/low: 1 ticket 10 h → topic a (1…5, 10: median 3.5); b/low: 1 ticket 7 h → all (1…5, 7, 10: median 4).
    const list = [1, 2, 3, 4, 5].map((h) => t('a', 'high', h));
    const lone = t('a', 'low', 10);
    const other = t('b', 'low', 7);
    const mix = mixReference([...list, lone, other]);
    expect(mix.ratioOf(list[0]!)).toBeCloseTo(1 / 3, 10);
    expect(mix.ratioOf(lone)).toBeCloseTo(10 / 3.5, 10);
    expect(mix.ratioOf(other)).toBeCloseTo(7 / 4, 10);
    expect(mix.overallMedianSeconds).toBe(4 * 3600);
  });
});

describe('who sees which card', () => {
  const agents: MetricRow[] = [
    { agent: 'ann', team: 'Team A' },
    { agent: 'bo', team: 'Team A' },
    { agent: 'cy', team: 'Team B' },
  ];
  const teams: MetricRow[] = [{ team: 'Team A' }, { team: 'Team B' }];
  const ids = (rows: MetricRow[], key = 'agent') => rows.map((r) => r[key]);

  it.each([
    ['agent', 'ann', 'Team A', ['ann'], ['Team A']],
    ['agent', null, null, [], []],
    ['lead', 'bo', 'Team A', ['ann', 'bo'], ['Team A']],
    ['lead', 'cy', 'Team B', ['cy'], ['Team B']],
    ['manager', null, null, ['ann', 'bo', 'cy'], ['Team A', 'Team B']],
    ['admin', null, null, ['ann', 'bo', 'cy'], ['Team A', 'Team B']],
    ['trainer', 'ann', 'Team A', [], []],
  ] as const)('a %s (agent %s, %s) sees %j and the teams %j', (role, agentId, team, seen, seenTeams) => {
    const viewer = { role, agentId, team };
    expect(ids(visibleAgentRows(viewer, agents))).toEqual(seen);
    expect(ids(visibleTeamRows(viewer, teams), 'team')).toEqual(seenTeams);
  });
});

describe('GET /api/metrics/agent-scorecards and /team-scorecards', () => {
  async function setup() {
    const made = await testApp({ now: () => METRIC_NOW });
    await seed(made.db);
    const token = async (name: string, role: Role) => {
      const value = newToken();
      await insertToken(made.db, name, role, hashToken(value), METRIC_NOW);
      return value;
    };
    const get = (path: string, bearer: string) => made.app.request(path, { headers: { authorization: `Bearer ${bearer}` } });
    return { ...made, token, get };
  }
  const query = '?from=2026-11-01&to=2026-11-30&tz=UTC';
  type Body = { metric: string; value: number; rows: MetricRow[] };

  it('answer an admin with every card', async () => {
    const { get } = await setup();
    const agents = (await (await get(`/api/metrics/agent-scorecards${query}`, ADMIN_TOKEN)).json()) as Body;
    expect(agents.rows.map((r) => r['agent'])).toEqual(['ann', 'bo', 'cy']);
    expect(agents.value).toBe(2);
    const teams = (await (await get(`/api/metrics/team-scorecards${query}`, ADMIN_TOKEN)).json()) as Body;
    expect(teams.rows.map((r) => r['team'])).toEqual(['Team A', 'Team B']);
  });

  it("answer an agent with their own card and their team's aggregate only", async () => {
    const { get, token } = await setup();
    const ann = await token('ann', 'agent'); // a token named after a roster agent stands for that agent
    const agents = (await (await get(`/api/metrics/agent-scorecards${query}`, ann)).json()) as Body;
    expect(agents.rows.map((r) => r['agent'])).toEqual(['ann']);
    const teams = (await (await get(`/api/metrics/team-scorecards${query}`, ann)).json()) as Body;
    expect(teams.rows.map((r) => r['team'])).toEqual(['Team A']);
    // The generic metric route does not serve the cards around the role check.
    const generic = (await (await get(`/api/metrics/agent-scorecards${query}&lang=en`, ann)).json()) as Body;
    expect(generic.rows.map((r) => r['agent'])).toEqual([]); // no ticket has lang en
    const stranger = await token('zed', 'agent');
    expect(((await (await get(`/api/metrics/agent-scorecards${query}`, stranger)).json()) as Body).rows).toEqual([]);
    expect(((await (await get(`/api/metrics/team-scorecards${query}`, stranger)).json()) as Body).rows).toEqual([]);
  });

  it('answer signed-in staff by their account: a lead their team, a manager all, an agent their own card', async () => {
    const { app, db, get } = await setup();
    const password = 'correct horse battery staple';
    await createStaffUser(db, { email: 'bo@example.com', name: 'Bo Bai', role: 'lead', team: 'Team A', agentId: 'bo', password });
    await createStaffUser(db, { email: 'mia@example.com', name: 'Mia Ma', role: 'manager', password });
    // The account's display name and team replace the roster's, for everyone who sees the card.
    await createStaffUser(db, { email: 'cy@example.com', name: 'Cy Cao-Chen', role: 'agent', team: 'Team B', agentId: 'cy', password });
    const as = async (email: string, path: string) => {
      const cookie = await signIn(app, email, password);
      const res = await app.request(`${path}${query}`, { headers: { cookie } });
      expect(res.status).toBe(200);
      return ((await res.json()) as Body).rows;
    };
    expect((await as('bo@example.com', '/api/metrics/agent-scorecards')).map((r) => r['agent'])).toEqual(['ann', 'bo']);
    expect((await as('bo@example.com', '/api/metrics/team-scorecards')).map((r) => r['team'])).toEqual(['Team A']);
    expect((await as('mia@example.com', '/api/metrics/agent-scorecards')).map((r) => r['agent'])).toEqual(['ann', 'bo', 'cy']);
    expect((await as('mia@example.com', '/api/metrics/team-scorecards')).map((r) => r['team'])).toEqual(['Team A', 'Team B']);
    const own = await as('cy@example.com', '/api/metrics/agent-scorecards');
    expect(own.map((r) => [r['agent'], r['name'], r['team']])).toEqual([['cy', 'Cy Cao-Chen', 'Team B']]);
    expect((await as('cy@example.com', '/api/metrics/team-scorecards')).map((r) => r['team'])).toEqual(['Team B']);
    const all = (await (await get(`/api/metrics/agent-scorecards${query}`, ADMIN_TOKEN)).json()) as Body;
    expect(all.rows.find((r) => r['agent'] === 'cy')!['name']).toBe('Cy Cao-Chen');
  });

  it('refuse a trainer and an anonymous caller', async () => {
    const { app, get, token } = await setup();
    const trainer = await token('ann', 'trainer');
    expect((await get(`/api/metrics/agent-scorecards${query}`, trainer)).status).toBe(403);
    expect((await get(`/api/metrics/team-scorecards${query}`, trainer)).status).toBe(403);
    expect((await app.request(`/api/metrics/agent-scorecards${query}`)).status).toBe(401);
  });

  it('export the visible cards as CSV', async () => {
    const { get } = await setup();
    const res = await get(`/api/metrics/agent-scorecards${query}&format=csv`, ADMIN_TOKEN);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="agent-scorecards_2026-11-01_2026-11-30.csv"');
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines[0]!.startsWith('agent,name,team,judgement,rank,tickets,ticketsTeamMedian,resolved,')).toBe(true);
    expect(lines).toHaveLength(4);
    expect(lines[1]!.startsWith('ann,Ann An,Team A,judged,1,11,')).toBe(true);
    expect(lines[3]!.startsWith('cy,Cy Cao,Team B,too-few-to-judge,,4,')).toBe(true);
  });

  it('validate the period like the other metrics', async () => {
    const { get } = await setup();
    const res = await get('/api/metrics/agent-scorecards?from=2026-12-01&to=2026-11-01', ADMIN_TOKEN);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { details: Array<{ field: string }> } }).error.details[0]!.field).toBe('from');
  });
});
