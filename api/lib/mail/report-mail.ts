/**
 * The e-mailed period report (issue 18, docs/design.md §8): with KB_REPORT_RECIPIENTS and
 * KB_SMTP_URL set, on the first working day of each month (or quarter, KB_REPORT_PERIOD) the
 * server renders the previous period's report (the renderer of /insights/report, in
 * KB_REPORT_LANG) and puts one message per recipient into the outbox (./outbox.ts sends it).
 * Working days are KB_BUSINESS_HOURS' days without KB_HOLIDAYS, else Monday to Friday, in the
 * calendar's time zone (UTC without one). A server that was down that day sends on its next
 * working day of the period. Once per period across replicas: the messages are stored in the
 * same transaction as a settings row `report.sent.<period>` that only one process can insert.
 */
import type { Db } from '../../db/index.ts';
import { enqueueMail } from '../../db/queries/mail-outbox.ts';
import type { ArticleCatalog } from '../catalog/catalog.ts';
import { metricEnv } from '../../metrics/env.ts';
import { earlierPeriod, parseReportPeriod, periodReport } from '../../metrics/period-report.ts';
import type { MetricSettings } from '../../metrics/types.ts';
import type { Lang } from '../../../core/content/article.ts';
import type { TopicTree } from '../../../core/content/topics.ts';
import { periodReportDocument } from '../../../core/reports/period-report-html.ts';
import { firstWorkingDateFrom, localDateIn, type BusinessCalendar } from '../../../core/tickets/business-hours.ts';
import type { MailOutbox } from './outbox.ts';

export interface ReportMailSettings {
  /** KB_REPORT_RECIPIENTS; none: nothing is sent. */
  recipients: string[];
  period: 'month' | 'quarter';
  lang: Lang;
}

export interface ReportMailDeps {
  db: Db;
  catalog: ArticleCatalog;
  topics?: TopicTree | undefined;
  metricSettings?: Partial<MetricSettings> | undefined;
  outbox: MailOutbox;
  businessCalendar?: BusinessCalendar | undefined;
  settings: ReportMailSettings;
  now?: () => Date;
}

const SUBJECT: Record<Lang, (period: string) => string> = {
  'zh-CN': (period) => `问题汇总报告 · ${period}`,
  en: (period) => `Service report · ${period}`,
};

/** The settings key that claims the e-mail of `period`'s report. */
export const reportClaimKey = (period: string) => `report.sent.${period}`;

/** The month (2026-11) or quarter (2026-Q4) holding the local date `date`. */
function periodOf(date: string, kind: 'month' | 'quarter'): string {
  const month = Number(date.slice(5, 7));
  return kind === 'month' ? date.slice(0, 7) : `${date.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/**
 * The period whose report is due at `now`, or null: the one before the current period, once
 * the current period's first working day has come.
 */
export function dueReportPeriod(now: Date, kind: 'month' | 'quarter', calendar?: BusinessCalendar): string | null {
  const today = localDateIn(now, calendar?.timeZone ?? 'UTC');
  const current = parseReportPeriod(periodOf(today, kind));
  const first = firstWorkingDateFrom(current.from, calendar);
  if (!first || first > current.to || today < first) return null;
  return earlierPeriod(current).period;
}

export class ReportMailer {
  private readonly now: () => Date;
  private running: Promise<unknown> | null = null;

  constructor(private readonly deps: ReportMailDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Whether it has anything to do: SMTP and at least one recipient. */
  get configured(): boolean {
    return this.deps.outbox.configured && this.deps.settings.recipients.length > 0;
  }

  /**
   * Stores the due report's messages unless another process (or an earlier run) did; returns
   * the period and how many messages this run stored (0: nothing due, or already claimed).
   */
  async run(): Promise<{ period: string | null; queued: number }> {
    if (!this.configured) return { period: null, queued: 0 };
    const { db, settings, businessCalendar } = this.deps;
    const at = this.now();
    const period = dueReportPeriod(at, settings.period, businessCalendar);
    if (!period) return { period: null, queued: 0 };
    const key = reportClaimKey(period);
    const claimed = await db.selectFrom('settings').select('key').where('key', '=', key).executeTakeFirst();
    if (claimed) return { period, queued: 0 };

    const env = metricEnv({ ...this.deps, now: this.now });
    const report = await periodReport(env, { period, tz: businessCalendar?.timeZone });
    // Links in an e-mail are absolute (the renderer writes them from the site's root).
    const siteUrl = this.deps.outbox.settings.siteUrl.replace(/\/+$/, '');
    const html = periodReportDocument(report, settings.lang).replace(/href="\//g, `href="${siteUrl}/`);
    const subject = SUBJECT[settings.lang](period);

    let queued = 0;
    await db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('settings')
        .values({ key, value: JSON.stringify({ recipients: settings.recipients.length }), updated_at: at.toISOString() })
        .onConflict((oc) => oc.column('key').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) return;
      for (const to of settings.recipients) {
        await enqueueMail(trx, { to, subject, body: html, kind: 'report', ticketId: `report:${period}` }, at);
        queued++;
      }
    });
    if (queued) void this.deps.outbox.kick();
    return { period, queued };
  }

  /** One run unless one is under way; never throws (the server's loop). */
  tick(): Promise<unknown> {
    this.running ??= this.run()
      .catch((error: Error) => console.error('period report e-mail:', error.message))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  /** Checks every `intervalMs` (and once now); returns the stop. Does nothing when not configured. */
  start(intervalMs = 15 * 60_000): () => void {
    if (!this.configured) return () => {};
    void this.tick();
    const timer = setInterval(() => void this.tick(), intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }
}
