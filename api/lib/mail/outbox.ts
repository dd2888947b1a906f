/**
 * Sends what the outbox holds (api/db/queries/mail-outbox.ts) through SMTP (nodemailer),
 * retrying with backoff until it goes: 30 s, 1, 2, 4 … minutes, at most an hour apart. Safe
 * with several replicas (a message is claimed before it is sent). Logs name the message and
 * its request, never its body: the body holds the customer's private link.
 */
import type { Db } from '../../db/index.ts';
import { claimMail, dueMail, markMailFailed, markMailSent } from '../../db/queries/mail-outbox.ts';
import { withoutKeys } from './templates.ts';

/** What sends one message (a nodemailer transport has this shape). */
export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text?: string; html?: string }): Promise<unknown>;
}

export interface MailSettings {
  /** undefined: e-mail is not configured; nothing is stored or sent. */
  transport: MailTransport | undefined;
  from: string;
  /** KB_SITE_URL: links in e-mail are absolute. */
  siteUrl: string;
}

/** The wait before attempt `attempts + 1`. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/** How long a claimed message is left to its sender before another may try (a replica that stopped mid-send). */
const LEASE_MS = 120_000;
const BATCH = 20;

export class MailOutbox {
  private running: Promise<unknown> | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly db: Db,
    readonly settings: MailSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get configured(): boolean {
    return this.settings.transport !== undefined;
  }

  /** Sends every message due now; returns how many went and how many failed. One run at a time per process. */
  async sendDue(): Promise<{ sent: number; failed: number }> {
    const transport = this.settings.transport;
    if (!transport) return { sent: 0, failed: 0 };
    let sent = 0;
    let failed = 0;
    for (const mail of await dueMail(this.db, this.now(), BATCH)) {
      if (!(await claimMail(this.db, mail, new Date(this.now().getTime() + LEASE_MS)))) continue;
      try {
        // The period report's body is its HTML document; a request's e-mail is plain text.
        const content = mail.kind === 'report' ? { html: mail.body } : { text: mail.body };
        await transport.sendMail({ from: this.settings.from, to: mail.to, subject: mail.subject, ...content });
        await markMailSent(this.db, mail.id, withoutKeys(mail.body), this.now());
        sent++;
      } catch (error) {
        failed++;
        const retryAt = new Date(this.now().getTime() + retryDelayMs(mail.attempts + 1));
        const message = (error as Error).message ?? String(error);
        console.error(
          `mail ${mail.id} (${mail.kind}, ${mail.ticketId}) not sent, attempt ${mail.attempts + 1}; next at ${retryAt.toISOString()}:`,
          message,
        );
        await markMailFailed(this.db, mail.id, message, retryAt);
      }
    }
    return { sent, failed };
  }

  /** Starts a send now unless one is running (after a request stores mail). Never throws. */
  kick(): Promise<unknown> {
    if (!this.configured) return Promise.resolve();
    this.running ??= this.sendDue()
      .catch((error: Error) => console.error('mail outbox:', error.message))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  /** Sends what is due every `intervalMs` (the server's loop). */
  start(intervalMs = 30_000): void {
    if (!this.configured || this.timer) return;
    this.timer = setInterval(() => void this.kick(), intervalMs);
    this.timer.unref();
  }

  /** Stops the loop and waits for a send under way. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
