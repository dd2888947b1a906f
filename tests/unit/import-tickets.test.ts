import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getTicket } from '../../api/db/queries/tickets.ts';
import { parseMap } from '../../core/tickets/csv-map.ts';
import { importTickets } from '../../scripts/lib/tickets/importer.ts';
import { TicketFileError } from '../../core/tickets/values.ts';
import { migratedDatabase } from '../support/database.ts';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../fixtures/tickets', name), 'utf8');

describe('ServiceNow incident export (real ITSM sample)', () => {
  it('imports every incident of the real sample with no flags', async () => {
    const { db } = await migratedDatabase();
    const summary = await importTickets(db, fixture('servicenow-incidents.sample.csv'), { format: 'servicenow' });
    expect(summary).toMatchObject({ rows: 50, inserted: 50, updated: 0, skipped: 0, errors: 0 });
  });

  it('maps number, priority, state, times, counts, category, people and the knowledge flag', async () => {
    const { db } = await migratedDatabase();
    await importTickets(db, fixture('servicenow-incidents.sample.csv'), { format: 'servicenow' });
    expect(await getTicket(db, 'INC0000047', 'servicenow')).toMatchObject({
      subject: 'Category 40 / Subcategory 215 incident',
      topic: 'category-40',
      priority: 'normal',
      status: 'closed',
      channel: 'phone',
      requester: 'Caller 2403',
      agent: 'Resolver 89',
      createdAt: '2016-02-29T04:40:00.000Z',
      resolvedAt: '2016-03-01T09:52:00.000Z',
      closedAt: '2016-03-06T10:00:00.000Z',
      reopened: 0,
      reassigned: 1,
      escalated: true,
      tier: 2,
      slaMet: true,
      knowledgeUsed: true,
    });
  });

  it('treats "?" as missing (no agent) and keeps an unreassigned incident at tier 1', async () => {
    const { db } = await migratedDatabase();
    await importTickets(db, fixture('servicenow-incidents.sample.csv'), { format: 'servicenow' });
    const ticket = await getTicket(db, 'INC0000045', 'servicenow');
    expect(ticket).toMatchObject({ escalated: false, tier: 1 });
    expect(ticket).not.toHaveProperty('agent', expect.anything());
  });

  it('maps the New state to new', async () => {
    const { db } = await migratedDatabase();
    await importTickets(db, fixture('servicenow-incidents.sample.csv'), { format: 'servicenow' });
    expect(await getTicket(db, 'INC0029233', 'servicenow')).toMatchObject({ status: 'new' });
  });

  it('reports a bad row with its line and reason and keeps the good rows', async () => {
    const [header, first, second] = fixture('servicenow-incidents.sample.csv').split('\n');
    const bad = second!.replace('3 - Moderate', '9 - Unknown');
    const summary = await importTickets((await migratedDatabase()).db, [header, first, bad].join('\n'), { format: 'servicenow' });
    expect(summary).toMatchObject({
      inserted: 1,
      errors: 1,
      problems: [{ line: 3, message: expect.stringMatching(/^priority: "9 - Unknown"/) }],
    });
  });

  it('stops before writing when required columns are missing', async () => {
    const { db } = await migratedDatabase();
    await expect(importTickets(db, 'id,title\n1,x\n', { format: 'servicenow' })).rejects.toThrow(
      /missing column\(s\) number, opened_at, priority, incident_state/,
    );
    expect(await db.selectFrom('tickets').select('id').execute()).toEqual([]);
  });

  it('updates instead of duplicating when the same file is imported again', async () => {
    const { db } = await migratedDatabase();
    await importTickets(db, fixture('servicenow-incidents.sample.csv'), { format: 'servicenow' });
    const again = await importTickets(db, fixture('servicenow-incidents.sample.csv'), { format: 'servicenow' });
    expect(again).toMatchObject({ inserted: 0, updated: 50 });
  });
});

describe('Zendesk ticket JSON', () => {
  it('imports the good tickets, reports the bad one by line and leaves out the deleted one', async () => {
    const summary = await importTickets((await migratedDatabase()).db, fixture('zendesk-tickets.json'), { format: 'zendesk' });
    expect(summary).toMatchObject({ rows: 4, inserted: 2, skipped: 1, errors: 1 });
    expect(summary.problems).toEqual([{ line: 47, message: expect.stringMatching(/^priority: "critical"/) }]);
  });

  it('maps status, tags, CSAT and solved time', async () => {
    const { db } = await migratedDatabase();
    await importTickets(db, fixture('zendesk-tickets.json'), { format: 'zendesk' });
    expect(await getTicket(db, '35436', 'zendesk')).toMatchObject({
      status: 'solved',
      priority: 'high',
      topic: 'accounts',
      csat: 5,
      channel: 'email',
      agent: '235323',
      resolvedAt: '2026-03-01T11:05:00.000Z',
    });
    expect(await getTicket(db, '35437', 'zendesk')).toMatchObject({
      status: 'pending',
      priority: 'normal',
      topic: 'printing',
      escalated: true,
      tier: 2,
    });
  });

  it('stops before writing when the file is not JSON', async () => {
    await expect(importTickets((await migratedDatabase()).db, '{"tickets": [', { format: 'zendesk' })).rejects.toThrow(TicketFileError);
  });

  it("stops before writing when the JSON is another helpdesk's", async () => {
    await expect(importTickets((await migratedDatabase()).db, fixture('freshdesk-tickets.json'), { format: 'zendesk' })).rejects.toThrow(
      /not a Zendesk export/,
    );
  });
});

describe('Freshdesk API v2 ticket JSON', () => {
  it('maps numeric status, priority and source codes and the stats times', async () => {
    const { db } = await migratedDatabase();
    const summary = await importTickets(db, fixture('freshdesk-tickets.json'), { format: 'freshdesk' });
    expect(summary).toMatchObject({ inserted: 2, errors: 1, problems: [{ line: 60, message: expect.stringMatching(/^priority: 9/) }] });
    expect(await getTicket(db, '1021', 'freshdesk')).toMatchObject({
      status: 'solved',
      priority: 'high',
      channel: 'chat',
      topic: 'vpn',
      escalated: true,
      tier: 2,
      slaMet: true,
      firstResponseAt: '2026-04-01T09:20:00.000Z',
      resolvedAt: '2026-04-01T14:30:00.000Z',
      description: 'The VPN client disconnects every ten minutes.',
    });
    expect(await getTicket(db, '1022', 'freshdesk')).toMatchObject({
      status: 'open',
      priority: 'low',
      channel: 'email',
      slaMet: false,
      escalated: false,
    });
  });

  it('reads the real Freshservice list response and leaves out its spam ticket', async () => {
    const summary = await importTickets((await migratedDatabase()).db, fixture('freshservice_tickets_list_200.json'), {
      format: 'freshdesk',
    });
    expect(summary).toMatchObject({ rows: 1, skipped: 1, errors: 0, skips: [{ line: 4, message: 'marked as spam in Freshdesk' }] });
  });

  it('stops before writing when the file is a Zendesk export', async () => {
    await expect(importTickets((await migratedDatabase()).db, fixture('zendesk-tickets.json'), { format: 'freshdesk' })).rejects.toThrow(
      /not a Freshdesk export/,
    );
  });
});

describe('Zammad REST ticket JSON', () => {
  it('maps default state and priority ids, the ticket number and close time', async () => {
    const { db } = await migratedDatabase();
    const summary = await importTickets(db, fixture('zammad-tickets.json'), { format: 'zammad' });
    expect(summary).toMatchObject({ rows: 4, inserted: 2, skipped: 1, errors: 1 });
    expect(await getTicket(db, '31072', 'zammad')).toMatchObject({
      status: 'closed',
      priority: 'normal',
      agent: '3',
      requester: '12',
      resolvedAt: '2026-05-04T12:00:00.000Z',
      slaMet: true,
    });
    expect(await getTicket(db, '31073', 'zammad')).toMatchObject({
      status: 'open',
      priority: 'high',
      topic: 'hardware-support',
      requester: 'nicole.braun@example.com',
    });
  });

  it('rejects a first response before creation, naming the field and line', async () => {
    const summary = await importTickets((await migratedDatabase()).db, fixture('zammad-tickets.json'), { format: 'zammad' });
    expect(summary.problems).toEqual([{ line: 58, message: expect.stringMatching(/^firstResponseAt: must not be before createdAt/) }]);
  });

  it("stops before writing when the file holds no tickets in Zammad's shape", async () => {
    await expect(importTickets((await migratedDatabase()).db, '{"articles": []}', { format: 'zammad' })).rejects.toThrow(
      /not a Zammad export/,
    );
  });
});

describe('generic CSV with --map', () => {
  const map = parseMap('Ticket ID=id,Title=subject,Opened=createdAt,State=status,Urgency=priority,Team member=agent,Reopens=reopened');

  it('maps columns to fields, coercing dates, synonyms and counts', async () => {
    const { db } = await migratedDatabase();
    const summary = await importTickets(db, fixture('tickets.csv'), { format: 'csv', map });
    expect(summary).toMatchObject({
      inserted: 2,
      errors: 1,
      problems: [{ line: 4, message: expect.stringMatching(/^createdAt: "31\/02\/2026 10:00" is not a valid date/) }],
    });
    expect(await getTicket(db, 'T-100', 'csv')).toMatchObject({
      subject: 'Cannot log in, says "locked"',
      status: 'solved',
      priority: 'high',
      createdAt: '2026-03-12T09:15:00.000Z',
      agent: 'Ana',
      reopened: 0,
    });
    expect(await getTicket(db, 'T-101', 'csv')).toMatchObject({ status: 'open', priority: 'normal', reopened: 1 });
  });

  it('reads slashed dates month first with --date-format m/d/yyyy', async () => {
    const { db } = await migratedDatabase();
    await importTickets(db, fixture('tickets.csv'), { format: 'csv', map, dateFormat: 'm/d/yyyy' });
    expect(await getTicket(db, 'T-100', 'csv')).toMatchObject({ createdAt: '2026-12-03T09:15:00.000Z' });
  });

  it('stops before writing when a required field has no column', async () => {
    await expect(
      importTickets((await migratedDatabase()).db, fixture('tickets.csv'), { format: 'csv', map: parseMap('Ticket ID=id,Title=subject') }),
    ).rejects.toThrow(/missing required column\(s\) for status, createdAt/);
  });

  it('writes nothing on a dry run but still reports', async () => {
    const { db } = await migratedDatabase();
    const summary = await importTickets(db, fixture('tickets.csv'), { format: 'csv', map, dryRun: true });
    expect(summary).toMatchObject({ inserted: 0, errors: 1, dryRun: true });
    expect(await db.selectFrom('tickets').select('id').execute()).toEqual([]);
  });
});
