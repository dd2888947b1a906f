import { describe, expect, it } from 'vitest';
import { testApp } from '../support/app.ts';
import { manualClock } from '../support/clock.ts';
import { upsertTickets } from '../../api/db/queries/tickets.ts';
import { loadTopicTree } from '../../core/content/topics.ts';
import { ticketSchema, type TicketInput } from '../../core/tickets/ticket.ts';
import { buildDraft } from '../../core/drafting/draft.ts';
import { call, tokenFor } from './kcs-support.ts';

const topics = loadTopicTree(new URL('../../content', import.meta.url).pathname);

const ticket = (overrides: Partial<TicketInput> = {}) =>
  ticketSchema.parse({
    id: '35436',
    source: 'zendesk',
    subject: 'Activation fails with E-LIC-0042',
    priority: 'normal',
    status: 'solved',
    createdAt: '2026-11-01T09:00:00Z',
    requester: 'Li Wei',
    agent: 'Licensing team · Hao Chen',
    lang: 'en',
    description: 'Hi Anna,\nLi Wei (li.wei@corp-mail.cn, 13800138000) cannot activate Lumen ERP 7.4.2 on a new laptop.',
    resolution: 'Released the old device in Settings > Licences. Activation then worked.',
    ...overrides,
  });

const request = { type: 'solution', topic: 'licensing', lang: 'en' };

async function setup(tickets = [ticket()]) {
  const t = await testApp({ now: manualClock('2026-11-27T10:00:00Z').now, topics });
  await upsertTickets(t.db, tickets);
  return { ...t, agent: await tokenFor(t.db, 'agent') };
}

describe('POST /api/tickets/{source}/{id}/draft', () => {
  it('returns the path, the redacted .mdx and the redaction report: the same draft as the CLI', async () => {
    const { app, agent } = await setup();
    const res = await app.request(...call('POST', '/api/tickets/zendesk/35436/draft', request, agent));
    expect(res.status).toBe(200);
    const body = await res.json();
    const cli = buildDraft(ticket(), { type: 'solution', lang: 'en', ticketRef: '35436', topic: 'licensing', today: '2026-11-27' }, topics);
    expect(body.path).toBe('content/articles/en/activation-fails-with-e-lic-0042.mdx');
    expect(body.mdx).toBe(cli.text);
    expect(body.redactions).toEqual(
      cli.redactions.map((r) => ({ kind: r.kind, field: r.field, line: r.line, placeholder: r.placeholder })),
    );
    expect(body.mdx).not.toMatch(/Li Wei|Anna|li\.wei|13800138000/);
    expect(body.mdx).toContain('7.4.2');
    // The customer's words stay as the title.
    expect(body.mdx).toContain('title: Activation fails with E-LIC-0042');
  });

  it('takes the slug from the request', async () => {
    const { app, agent } = await setup();
    const res = await app.request(...call('POST', '/api/tickets/zendesk/35436/draft', { ...request, slug: 'release-a-device' }, agent));
    expect((await res.json()).path).toBe('content/articles/en/release-a-device.mdx');
  });

  it('names the source in tickets: when another helpdesk uses the same id', async () => {
    const { app, agent } = await setup([ticket(), ticket({ source: 'freshdesk' })]);
    const res = await app.request(...call('POST', '/api/tickets/zendesk/35436/draft', request, agent));
    expect((await res.json()).mdx).toContain('- zendesk:35436');
  });

  it('answers 404 for an unknown ticket', async () => {
    const { app, agent } = await setup();
    const res = await app.request(...call('POST', '/api/tickets/freshdesk/35436/draft', request, agent));
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatchObject({ code: 'unknown_ticket', details: [{ field: 'id' }] });
  });

  it.each([
    ['an unknown type', { ...request, type: 'howto' }, 'type'],
    ['a missing language', { type: 'solution', topic: 'licensing' }, 'lang'],
    ['a slug that is not kebab-case', { ...request, slug: 'Reset Password' }, 'slug'],
    ['an unknown source in the path', null, 'source'],
  ])('refuses %s with 400 naming the field', async (_label, body, field) => {
    const { app, agent } = await setup();
    const path = body === null ? '/api/tickets/jira/35436/draft' : '/api/tickets/zendesk/35436/draft';
    const res = await app.request(...call('POST', path, body ?? request, agent));
    expect(res.status).toBe(400);
    expect((await res.json()).error.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('refuses a topic that is not in topics.yaml (422)', async () => {
    const { app, agent } = await setup();
    const res = await app.request(...call('POST', '/api/tickets/zendesk/35436/draft', { ...request, topic: 'lizenzen' }, agent));
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatchObject({ code: 'unknown_topic', details: [{ field: 'topic' }] });
  });

  it('refuses a ticket with no text, saying so (422)', async () => {
    const { app, agent } = await setup([ticket({ description: undefined, resolution: undefined })]);
    const res = await app.request(...call('POST', '/api/tickets/zendesk/35436/draft', request, agent));
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatchObject({ code: 'cannot_draft', message: expect.stringMatching(/no text to draft from/) });
  });

  it('refuses a slug a published article has (409)', async () => {
    const { app, agent } = await setup();
    const res = await app.request(...call('POST', '/api/tickets/zendesk/35436/draft', { ...request, slug: 'reset-password' }, agent));
    expect(res.status).toBe(409);
    expect((await res.json()).error.details).toMatchObject([{ field: 'slug' }]);
  });

  it('answers 503 when the server has no topic taxonomy', async () => {
    const t = await testApp();
    await upsertTickets(t.db, [ticket()]);
    const res = await t.app.request(...call('POST', '/api/tickets/zendesk/35436/draft', request));
    expect(res.status).toBe(503);
  });

  it('needs a token (401) of an agent (403), and a JSON body (415)', async () => {
    const { app, db, agent } = await setup();
    expect((await app.request(...call('POST', '/api/tickets/zendesk/35436/draft', request, null))).status).toBe(401);
    expect((await app.request(...call('POST', '/api/tickets/zendesk/35436/draft', request, await tokenFor(db, 'trainer')))).status).toBe(
      403,
    );
    const [path, init] = call('POST', '/api/tickets/zendesk/35436/draft', request, agent);
    expect((await app.request(path, { ...init, headers: { ...init.headers, 'content-type': 'text/plain' } })).status).toBe(415);
  });
});
