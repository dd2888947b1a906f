/**
 * The kinds of value the environment variables hold, as zod types over the variable's text.
 * Each failure message says what was expected, and the reader puts the variable's name in
 * front of it (`PORT: must be a whole number from 0 to 65535`). Messages never repeat the
 * value, because some values are secrets or URLs with passwords in them.
 */
import { isIP } from 'node:net';
import { z } from 'zod';
import { parseSlaTargets, type SlaTargets } from '../tickets/sla-targets.ts';
import { parseBusinessHours, parseHolidays, type BusinessCalendar } from '../tickets/business-hours.ts';

/** The longest value any variable takes; longer text is a mistake (a pasted file, say). */
const MAX_LENGTH = 4096;

/** Text, trimmed: surrounding spaces in an environment variable are never meant. */
export function text(max = MAX_LENGTH) {
  return z.string().trim().max(max, `must be at most ${max} characters`);
}

/** A file or folder path, relative to the current directory or absolute. */
export const path = () => text();

/** A whole number within bounds. */
export function wholeNumber(min: number, max: number) {
  const message = `must be a whole number from ${min} to ${max}`;
  return text()
    .regex(/^\d+$/, message)
    .transform(Number)
    .refine((n) => n >= min && n <= max, message);
}

/** `on` or `off`, read as true or false. */
export const onOff = () =>
  text()
    .refine((v) => v === 'on' || v === 'off', 'must be "on" or "off"')
    .transform((v) => v === 'on');

/** One of a few words. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  const listed = values.map((v) => `"${v}"`);
  const message = `must be ${listed.length === 2 ? listed.join(' or ') : `one of ${listed.join(', ')}`}`;
  return text().refine((v): v is T[number] => (values as readonly string[]).includes(v), message);
}

/** A host name or an IP address to listen on. */
export const host = () => text(253).regex(/^[^\s/]+$/, 'must be a host name or an IP address, such as 127.0.0.1 or 0.0.0.0');

const isHttpUrl = (value: string) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);

/** An absolute http(s) URL. */
export const httpUrl = () => text().refine(isHttpUrl, 'must be an http(s) URL such as https://kb.example.com');

const isOrigin = (value: string) => {
  if (!isHttpUrl(value)) return false;
  const url = new URL(value);
  return url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
};
const ORIGIN_EXAMPLE = 'such as https://kb.example.com (scheme, host and port; no path)';

/** An http(s) origin, written the way browsers send it (lowercase host, no default port, no slash). */
export const origin = () =>
  text()
    .refine(isOrigin, `must be an origin ${ORIGIN_EXAMPLE}`)
    .transform((v) => new URL(v).origin);

/** Comma-separated entries, each checked by `accepts`; an entry that fails is named. */
function list(accepts: (entry: string) => boolean, expected: string) {
  return text()
    .transform((v) =>
      v
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .superRefine((entries, ctx) => {
      for (const entry of entries.filter((e) => !accepts(e))) ctx.addIssue({ code: 'custom', message: `"${entry}" is not ${expected}` });
    });
}

/** Comma-separated IP addresses. */
export const ipList = () => list((entry) => isIP(entry) !== 0, 'an IP address');

/** Comma-separated origins, as browsers send them in the Origin header. */
export const originList = () =>
  list(isOrigin, `an origin ${ORIGIN_EXAMPLE}`).transform((entries) => entries.map((entry) => new URL(entry).origin));

/** A secret or token: kept exactly as given (a helpdesk signs with every character). */
export const secret = (min = 16) =>
  z.string().min(min, `must be at least ${min} characters`).max(MAX_LENGTH, `must be at most ${MAX_LENGTH} characters`);

/** A PostgreSQL connection URL. */
export const postgresUrl = () =>
  text().refine(
    (v) => URL.canParse(v) && /^postgres(ql)?:$/.test(new URL(v).protocol),
    'must be a PostgreSQL URL such as postgres://user:password@localhost:5432/kb',
  );

/** SLA targets, `priority=firstResponseHours/resolutionHours` comma-separated. */
export const slaTargets = () =>
  text().transform((v, ctx): SlaTargets => {
    try {
      return parseSlaTargets(v);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });

/** A value read by a parser that throws an Error saying what is wrong. */
function parsedBy<T>(parse: (text: string) => T) {
  return text().transform((v, ctx): T => {
    try {
      return parse(v);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });
}

/** Working hours, `Mon-Fri 09:00-18:00 Asia/Shanghai` (core/tickets/business-hours.ts); holidays come separately. */
export const businessHours = () => parsedBy((v): BusinessCalendar => parseBusinessHours(v));

/** Dates (YYYY-MM-DD), comma- or space-separated. */
export const holidays = () => parsedBy(parseHolidays);

/** An SMTP server's URL (nodemailer's form): smtp:// or smtps://, user and password in it when needed. */
export const smtpUrl = () =>
  z
    .string()
    .trim()
    .max(MAX_LENGTH, `must be at most ${MAX_LENGTH} characters`)
    .refine(
      (v) => URL.canParse(v) && /^smtps?:$/.test(new URL(v).protocol),
      'must be an SMTP URL such as smtp://user:password@mail.example.com:587 or smtps://mail.example.com',
    );

/** An e-mail sender, `kb@example.com` or `Help Center <kb@example.com>`. */
export const mailAddress = () =>
  text(320).regex(
    /^([^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/,
    'must be an address such as help@example.com or "Help <help@example.com>"',
  );

/** Comma-separated plain e-mail addresses (`a@example.com, b@example.com`). */
export const mailAddressList = () =>
  list((entry) => /^[^\s@<>,"]+@[^\s@<>,".]+(\.[^\s@<>,".]+)+$/.test(entry), 'an e-mail address such as lead@example.com');
