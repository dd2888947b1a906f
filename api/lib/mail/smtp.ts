/** The SMTP transport of KB_SMTP_URL (nodemailer), or undefined when e-mail is not configured. */
import nodemailer from 'nodemailer';
import type { MailSettings, MailTransport } from './outbox.ts';

/** A transport for `url` (smtp:// or smtps://, credentials in it when the server needs them). */
export function smtpTransport(url: string): MailTransport {
  return nodemailer.createTransport(url);
}

/** The mail settings of the server's configuration. */
export function mailSettings(config: { smtpUrl: string | undefined; from: string }, siteUrl: string): MailSettings {
  return { transport: config.smtpUrl ? smtpTransport(config.smtpUrl) : undefined, from: config.from, siteUrl };
}
