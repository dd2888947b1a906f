/** The e-mailed period report (issue 18): due on the first working day, stored once across replicas, sent through SMTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../support/clock.ts';
import { eventually } from '../support/eventually.ts';
import { smtpReceiver } from '../support/smtp.ts';
import { sampleArticles, testCatalog } from '../support/catalog.ts';
import { migratedDatabase } from '../support/database.ts';
import type { Db } from '../../api/db/index.ts';
import { mailSettings } from '../../api/lib/mail/smtp.ts';
import { MailOutbox, type MailTransport } from '../../api/lib/mail/outbox.ts';
import { dueReportPeriod, ReportMailer, reportClaimKey, type ReportMailSettings } from '../../api/lib/mail/report-mail.ts';
import { mailOfTicket } from '../../api/db/queries/mail-outbox.ts';
import { parseBusinessHours } from '../../core/tickets/business-hours.ts';
import { serverConfig } from '../../core/config/server.ts';

const SITE = 'https://help.example.com';
const RECIPIENTS = ['lead@example.com', 'manager@example.com'];

/** A transport that only records (the outbox is configured, nothing leaves the process). */
function recordingTransport() {
  const sent: Array<{ to: string; subject: string; html?: string; text?: string }> = [];
  const transport: MailTransport = {
    sendMail: (m) => {
      sent.push(m);
      return Promise.resolve();
    },
  };
  return { sent, transport };
}

function mailer(
  db: Db,
  now: () => Date,
  options: { settings?: Partial<ReportMailSettings>; transport?: MailTransport | undefined; calendar?: string; holidays?: string[] } = {},
) {
  const outbox = new MailOutbox(db, { transport: options.transport, from: 'Help Center <help@example.com>', siteUrl: SITE }, now);
  return new ReportMailer({
    db,
    catalog: testCatalog(sampleArticles),
    outbox,
    now,
    businessCalendar: options.calendar ? parseBusinessHours(options.calendar, new Set(options.holidays ?? [])) : undefined,
    settings: { recipients: RECIPIENTS, period: 'month', lang: 'en', ...options.settings },
  });
}

describe('the report is due on the first working day of the period', () => {
  it('Mon–Fri without a calendar: a Saturday start moves it to Monday', () => {
    // 2026-08-01 is a Saturday.
    expect(dueReportPeriod(new Date('2026-08-01T10:00:00Z'), 'month')).toBeNull();
    expect(dueReportPeriod(new Date('2026-08-02T10:00:00Z'), 'month')).toBeNull();
    expect(dueReportPeriod(new Date('2026-08-03T00:00:00Z'), 'month')).toBe('2026-07');
    // Later in the period it is still due (a server that was down that day catches up).
    expect(dueReportPeriod(new Date('2026-08-20T00:00:00Z'), 'month')).toBe('2026-07');
  });

  it('a holiday of the business calendar moves it, in the calendar time zone', () => {
    const calendar = parseBusinessHours('Mon-Fri 09:00-18:00 Asia/Shanghai', new Set(['2026-12-01']));
    // 2026-12-01 (Tuesday) is a holiday: the 2nd is the first working day.
    expect(dueReportPeriod(new Date('2026-12-01T02:00:00Z'), 'month', calendar)).toBeNull();
    expect(dueReportPeriod(new Date('2026-12-01T16:00:00Z'), 'month', calendar)).toBe('2026-11'); // 00:00 on the 2nd in Shanghai
    const noHoliday = parseBusinessHours('Mon-Fri 09:00-18:00 Asia/Shanghai');
    // 2026-11-30 20:00 UTC is already 1 December in Shanghai.
    expect(dueReportPeriod(new Date('2026-11-30T20:00:00Z'), 'month', noHoliday)).toBe('2026-11');
  });

  it('a quarter: the previous quarter, from the first working day of the new one', () => {
    // 2027-01-01 is a Friday.
    expect(dueReportPeriod(new Date('2027-01-01T09:00:00Z'), 'quarter')).toBe('2026-Q4');
    const calendar = parseBusinessHours('Mon-Fri 09:00-18:00 UTC', new Set(['2027-01-01']));
    expect(dueReportPeriod(new Date('2027-01-01T09:00:00Z'), 'quarter', calendar)).toBeNull();
    expect(dueReportPeriod(new Date('2027-01-04T09:00:00Z'), 'quarter', calendar)).toBe('2026-Q4');
  });
});

describe('the report e-mail', () => {
  it('on the first working day: one message per recipient in the outbox, once; a second replica stores nothing', async () => {
    const { db } = await migratedDatabase();
    const clock = manualClock('2026-12-01T02:00:00Z');
    const { sent, transport } = recordingTransport();
    const first = mailer(db, clock.now, { transport });
    expect(await first.run()).toEqual({ period: '2026-11', queued: 2 });
    expect(await first.run()).toEqual({ period: '2026-11', queued: 0 });
    // Another replica: its own outbox and scheduler on the same database.
    const replica = mailer(db, clock.now, { transport });
    expect(await replica.run()).toEqual({ period: '2026-11', queued: 0 });
    clock.advance(86_400_000);
    expect(await replica.run()).toEqual({ period: '2026-11', queued: 0 });

    const stored = await mailOfTicket(db, 'report:2026-11');
    expect(stored.map((m) => m.to).sort()).toEqual(RECIPIENTS);
    expect(stored[0]!.kind).toBe('report');
    const claim = await db.selectFrom('settings').select('key').where('key', '=', reportClaimKey('2026-11')).execute();
    expect(claim).toHaveLength(1);

    const outbox = new MailOutbox(db, { transport, from: 'Help Center <help@example.com>', siteUrl: SITE }, clock.now);
    await outbox.sendDue();
    // The scheduler also kicked its own outbox: each message goes once, by whichever claims it.
    await eventually(
      () => sent,
      (list) => list.length >= 2,
    );
    await outbox.sendDue();
    expect(sent).toHaveLength(2);
    expect(sent[0]!.subject).toBe('Service report · 2026-11');
    expect(sent[0]!.html).toContain('<h1>Service report · 2026-11</h1>');
    expect(sent[0]!.text).toBeUndefined();
    // Links are absolute, to the site.
    expect(sent[0]!.html).toMatch(/href="https:\/\/help\.example\.com\/insights\//);
    expect(sent[0]!.html).not.toMatch(/href="\//);
  });

  it('two replicas running at the same moment store the messages once', async () => {
    const { db } = await migratedDatabase();
    const clock = manualClock('2026-12-01T02:00:00Z');
    const { transport } = recordingTransport();
    const results = await Promise.all([1, 2, 3].map(() => mailer(db, clock.now, { transport }).run()));
    expect(results.reduce((n, r) => n + r.queued, 0)).toBe(2);
    expect(await mailOfTicket(db, 'report:2026-11')).toHaveLength(2);
  });

  it('a holiday on the 1st: nothing that day, the report the next working day', async () => {
    const { db } = await migratedDatabase();
    const clock = manualClock('2026-12-01T02:00:00Z');
    const { transport } = recordingTransport();
    const m = mailer(db, clock.now, { transport, calendar: 'Mon-Fri 09:00-18:00 Asia/Shanghai', holidays: ['2026-12-01'] });
    expect(await m.run()).toEqual({ period: null, queued: 0 });
    expect(await mailOfTicket(db, 'report:2026-11')).toHaveLength(0);
    clock.set('2026-12-02T01:00:00Z');
    expect(await m.run()).toEqual({ period: '2026-11', queued: 2 });
  });

  it('a weekend start: nothing on Saturday or Sunday, the report on Monday', async () => {
    const { db } = await migratedDatabase();
    const clock = manualClock('2026-08-01T08:00:00Z');
    const { transport } = recordingTransport();
    const m = mailer(db, clock.now, { transport });
    expect((await m.run()).queued).toBe(0);
    clock.set('2026-08-02T08:00:00Z');
    expect((await m.run()).queued).toBe(0);
    clock.set('2026-08-03T08:00:00Z');
    expect(await m.run()).toEqual({ period: '2026-07', queued: 2 });
  });

  it('without recipients or without SMTP: nothing is stored or claimed', async () => {
    const { db } = await migratedDatabase();
    const clock = manualClock('2026-12-01T02:00:00Z');
    const { transport } = recordingTransport();
    const noRecipients = mailer(db, clock.now, { transport, settings: { recipients: [] } });
    expect(noRecipients.configured).toBe(false);
    expect(await noRecipients.run()).toEqual({ period: null, queued: 0 });
    const noSmtp = mailer(db, clock.now, { transport: undefined });
    expect(await noSmtp.run()).toEqual({ period: null, queued: 0 });
    expect(await mailOfTicket(db, 'report:2026-11')).toHaveLength(0);
    const claim = await db.selectFrom('settings').select('key').where('key', '=', reportClaimKey('2026-11')).execute();
    expect(claim).toHaveLength(0);
  });
});

describe('KB_REPORT_RECIPIENTS', () => {
  it('is a validated list of addresses, with the period and language', () => {
    const config = serverConfig({ KB_REPORT_RECIPIENTS: 'lead@example.com, manager@example.com', KB_REPORT_PERIOD: 'quarter' });
    expect(config.reportMail).toEqual({ recipients: RECIPIENTS, period: 'quarter', lang: 'zh-CN' });
    expect(serverConfig({}).reportMail).toEqual({ recipients: [], period: 'month', lang: 'zh-CN' });
    expect(() => serverConfig({ KB_REPORT_RECIPIENTS: 'lead@example.com, not-an-address' })).toThrow(
      /KB_REPORT_RECIPIENTS.*not-an-address/s,
    );
    expect(() => serverConfig({ KB_REPORT_PERIOD: 'week' })).toThrow(/KB_REPORT_PERIOD/);
  });
});

describe('the report e-mail through a real SMTP server', () => {
  let smtp: Awaited<ReturnType<typeof smtpReceiver>>;
  beforeAll(async () => {
    smtp = await smtpReceiver();
  });
  afterAll(() => smtp.close());

  it('arrives at every recipient with the report in the message (zh-CN)', async () => {
    const { db } = await migratedDatabase();
    const clock = manualClock('2026-12-01T02:00:00Z');
    const mail = mailSettings({ smtpUrl: smtp.url, from: 'Help Center <help@example.com>' }, SITE);
    const outbox = new MailOutbox(db, mail, clock.now);
    const m = new ReportMailer({
      db,
      catalog: testCatalog(sampleArticles),
      outbox,
      now: clock.now,
      settings: { recipients: RECIPIENTS, period: 'month', lang: 'zh-CN' },
    });
    expect((await m.run()).queued).toBe(2);
    await outbox.kick();
    const mails = await eventually(
      () => smtp.mails,
      (list) => list.length >= 2,
    );
    expect(mails.flatMap((x) => x.to).sort()).toEqual(RECIPIENTS);
    for (const caught of mails) {
      expect(caught.subject).toBe('问题汇总报告 · 2026-11');
      expect(caught.raw).toMatch(/Content-Type: text\/html/i);
      expect(caught.text).toContain('<h1>问题汇总报告 · 2026-11</h1>');
      expect(caught.text).toContain('2026-11-01');
    }
    const stored = await mailOfTicket(db, 'report:2026-11');
    expect(stored.every((x) => x.sentAt !== null)).toBe(true);
  });
});
