/**
 * Every environment variable the server, the build, the CLIs and the tests read: its type,
 * default, a one-line description and who reads it. The accessors (server.ts, build.ts,
 * cli.ts, test.ts) validate what their reader uses; docs/configuration.md is generated from
 * this list (`npm run docs:config`). An empty value counts as unset everywhere.
 */
import { HELPDESKS, WEBHOOK_HELPDESKS, webhookSecretVariable, type WebhookHelpdesk } from '../tickets/helpdesks.ts';
import { DEFAULT_SLA_TARGETS, formatSlaTargets } from '../tickets/sla-targets.ts';
import {
  DEFAULT_CHROMIUM_PATH,
  DEFAULT_CONTENT_DIR,
  DEFAULT_DB_FILE,
  DEFAULT_DB_POOL_SIZE,
  DEFAULT_HOST,
  DEFAULT_OUT_DIR,
  DEFAULT_PORT,
  DEFAULT_POSTGRES_BIN,
  DEFAULT_SESSION_IDLE_MINUTES,
  DEFAULT_SESSION_MAX_HOURS,
  DEFAULT_TRAINING_VALIDITY_DAYS,
  DEFAULT_MATURITY_DAYS,
} from './defaults.ts';
import {
  host,
  httpUrl,
  ipList,
  businessHours,
  holidays,
  mailAddress,
  mailAddressList,
  onOff,
  oneOf,
  origin,
  originList,
  path,
  postgresUrl,
  secret,
  slaTargets,
  smtpUrl,
  text,
  wholeNumber,
} from './value-types.ts';
import { variable, type EnvVariable, type Lookup, type Reader, type ValueOf } from './variable.ts';

/** Addresses that mean "every interface": listening there, the server is reached at 127.0.0.1. */
const ANY_ADDRESS = new Set(['0.0.0.0', '::']);

/** `http://<HOST>:<PORT>`, the address the server listens on, as a browser on this machine reaches it. */
function listeningUrl(get: Lookup): string {
  const listening = get('HOST') ?? DEFAULT_HOST;
  const reachable = ANY_ADDRESS.has(listening) ? DEFAULT_HOST : listening;
  // An IPv6 address is bracketed in a URL (RFC 3986 §3.2.2).
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${get('PORT') ?? DEFAULT_PORT}`;
}

type WebhookSecretVariables = {
  [K in WebhookHelpdesk as `KB_WEBHOOK_SECRET_${Uppercase<K>}`]: EnvVariable<string, readonly ['server'], undefined>;
};

/** KB_WEBHOOK_SECRET_<HELPDESK> for every helpdesk with a webhook (core/tickets/helpdesks.ts). */
function webhookSecretVariables(): WebhookSecretVariables {
  const entries = WEBHOOK_HELPDESKS.map((id) => [
    webhookSecretVariable(id),
    variable({
      type: secret(),
      description: `HMAC secret of the ${HELPDESKS[id].name} webhook (at least 16 characters); without it \`POST /api/webhooks/${id}\` answers 404`,
      readers: ['server'],
    }),
  ]);
  return Object.fromEntries(entries) as WebhookSecretVariables;
}

export const VARIABLES = {
  KB_DB: variable({
    type: path(),
    default: DEFAULT_DB_FILE,
    description: 'SQLite database file, created with its folder; the build syncs created-from links into it when it exists',
    readers: ['server', 'build', 'cli'],
  }),
  KB_CONTENT_DIR: variable({
    type: path(),
    default: DEFAULT_CONTENT_DIR,
    description: 'Content folder: `topics.yaml` and `articles/<lang>/*.md[x]`',
    readers: ['server', 'build', 'cli'],
  }),
  KB_OUT_DIR: variable({
    type: path(),
    default: DEFAULT_OUT_DIR,
    description: 'Where `npm run build` writes the site',
    readers: ['server', 'build', 'cli'],
  }),
  PORT: variable({
    type: wholeNumber(0, 65535),
    default: String(DEFAULT_PORT),
    description: 'Port of the site and the API (`npm start`, `npm run api`)',
    readers: ['server', 'build'],
  }),
  HOST: variable({
    type: host(),
    default: DEFAULT_HOST,
    description: 'Interface to listen on; `0.0.0.0` serves the network',
    readers: ['server', 'build'],
  }),
  KB_SITE_URL: variable({
    type: httpUrl().transform((url) => url.replace(/\/$/, '')),
    default: {
      derive: listeningUrl,
      text: '`http://<HOST>:<PORT>` (`127.0.0.1` when HOST is `0.0.0.0` or `::`)',
    },
    description: 'Public address of the help center, for canonical, Open Graph and sitemap URLs; its host is mixed into visitor hashes',
    readers: ['server', 'build'],
  }),
  KB_DIST_DIR: variable({
    type: path(),
    default: { derive: (get: Lookup) => get('KB_OUT_DIR'), text: 'the value of `KB_OUT_DIR`' },
    description: 'The build `npm start` serves (the API knows the articles of this build) and `npm run seed` takes articles from',
    readers: ['server', 'cli'],
  }),
  DATABASE_URL: variable({
    type: postgresUrl(),
    description:
      'PostgreSQL connection string; when set the API, the CLIs and the build (its created-from link sync) use PostgreSQL instead of SQLite at `KB_DB` (`npm run db:copy` moves a SQLite database there)',
    readers: ['server', 'build', 'cli'],
  }),
  KB_DB_POOL_SIZE: variable({
    type: wholeNumber(1, 100),
    default: String(DEFAULT_DB_POOL_SIZE),
    description: 'Connections each API process (or CLI) keeps open to PostgreSQL (with `DATABASE_URL`)',
    readers: ['server', 'build', 'cli'],
  }),
  KB_ADMIN_TOKEN: variable({
    type: secret(),
    description: 'Accepted as an admin bearer token (at least 16 characters), to bootstrap a fresh install and CI',
    readers: ['server'],
  }),
  KB_SESSION_IDLE_MINUTES: variable({
    type: wholeNumber(5, 10080),
    default: String(DEFAULT_SESSION_IDLE_MINUTES),
    description: 'Minutes a staff sign-in stays valid without use (idle time-out); the next request after that asks to sign in again',
    readers: ['server'],
  }),
  KB_SESSION_MAX_HOURS: variable({
    type: wholeNumber(1, 8760),
    default: String(DEFAULT_SESSION_MAX_HOURS),
    description: 'Hours a staff sign-in stays valid at most, however often it is used (absolute time-out)',
    readers: ['server'],
  }),
  KB_TRUSTED_PROXIES: variable({
    type: ipList(),
    description: 'Comma-separated proxy IP addresses whose `X-Forwarded-For` is trusted for the client address',
    readers: ['server'],
  }),
  KB_CORS_ORIGINS: variable({
    type: originList(),
    description: 'Comma-separated origins allowed to call the API from a browser (the same origin needs none)',
    readers: ['server'],
  }),
  ...webhookSecretVariables(),
  KB_SLA_TARGETS: variable({
    type: slaTargets(),
    default: formatSlaTargets(DEFAULT_SLA_TARGETS),
    description:
      'SLA targets in hours, `priority=firstResponse/resolution` comma-separated; a priority left out keeps its default; used when the helpdesk recorded no `slaMet`',
    readers: ['server'],
  }),
  KB_BUSINESS_HOURS: variable({
    type: businessHours(),
    description:
      "Working hours the inbox's SLA clocks run in, `days start-end zone` such as `Mon-Fri 09:00-18:00 Asia/Shanghai`; unset: calendar hours",
    readers: ['server'],
  }),
  KB_HOLIDAYS: variable({
    type: holidays(),
    description: 'Dates without working hours (YYYY-MM-DD, comma-separated, in the zone of `KB_BUSINESS_HOURS`)',
    readers: ['server'],
  }),
  KB_SMTP_URL: variable({
    type: smtpUrl(),
    description:
      "SMTP server for the requests inbox's e-mail to customers, such as `smtp://user:password@mail.example.com:587`; unset: no e-mail, customers follow their request on its page",
    readers: ['server'],
  }),
  KB_MAIL_FROM: variable({
    type: mailAddress(),
    default: 'Help Center <help@localhost>',
    description: "Sender of the requests inbox's e-mail",
    readers: ['server'],
  }),
  KB_REPORT_RECIPIENTS: variable({
    type: mailAddressList(),
    description:
      'Comma-separated addresses e-mailed the period report on the first working day of each period (business calendar, else Mon–Fri); needs `KB_SMTP_URL`',
    readers: ['server'],
  }),
  KB_REPORT_PERIOD: variable({
    type: oneOf(['month', 'quarter'] as const),
    default: 'month',
    description: 'The period the e-mailed report covers: `month` (sent early in each month, for the month before) or `quarter`',
    readers: ['server'],
  }),
  KB_REPORT_LANG: variable({
    type: oneOf(['zh-CN', 'en'] as const),
    default: 'zh-CN',
    description: 'Language of the e-mailed period report',
    readers: ['server'],
  }),
  KB_EDIT_URL: variable({
    type: httpUrl(),
    description: 'Prefix of an article\'s source for "edit" links in the metrics: `<prefix><lang>/<slug>.mdx`',
    readers: ['server'],
  }),
  KB_REPO_URL: variable({
    type: httpUrl().transform((url) => url.replace(/\/+$/, '')),
    description:
      'The content repository\'s web address (`https://github.com/org/kb`, or a GitLab project): "propose it" in the ticket view opens its new-file page with the draft filled in',
    readers: ['server'],
  }),
  KB_REPO_BRANCH: variable({
    type: text(100),
    default: 'main',
    description: "The branch `KB_REPO_URL`'s new-file page proposes drafts against",
    readers: ['server'],
  }),
  KB_TRAINING_VALIDITY_DAYS: variable({
    type: wholeNumber(1, 3650),
    default: String(DEFAULT_TRAINING_VALIDITY_DAYS),
    description: 'Days a training completion counts',
    readers: ['server'],
  }),
  KB_METRICS_MATURITY_DAYS: variable({
    type: wholeNumber(0, 90),
    default: String(DEFAULT_MATURITY_DAYS),
    description:
      'Days before an open ticket (or a fresh resolution) is judged by the resolution, reopen and CSAT response rates; younger ones are "too recent to judge"',
    readers: ['server'],
  }),
  KB_METRICS_CACHE_SECONDS: variable({
    type: wholeNumber(0, 3600),
    default: '60',
    description:
      'Seconds a computed metric result is reused; `0` keeps nothing once answered (identical requests in flight still share one computation)',
    readers: ['server'],
  }),
  KB_DEMO: variable({
    type: onOff(),
    default: 'on',
    description: '`on`: the first start on an empty database seeds 90 days of demo data; `off` for real installations and tests',
    readers: ['server'],
  }),
  KB_CHECKPOINT_THREAD: variable({
    type: onOff(),
    default: 'on',
    description:
      "`on`: a background thread copies SQLite's WAL into the database file, so no write waits for it; `off` leaves it to the commits",
    readers: ['server', 'test'],
  }),
  KB_AUDIENCE: variable({
    type: oneOf(['public', 'internal']),
    default: 'public',
    description: "`internal` builds the agents' edition, which includes internal articles (marked)",
    readers: ['build'],
  }),
  KB_TICKET_URL: variable({
    type: httpUrl(),
    description:
      'The helpdesk\'s new-ticket form: "Still need help" on the contact page goes there (subject filled in); without it requests are stored through `POST /api/contact`',
    readers: ['build'],
  }),
  KB_TICKET_SUBJECT_PARAM: variable({
    type: text(100),
    default: 'subject',
    description: "The query parameter of `KB_TICKET_URL`'s form that takes the subject (Zendesk's request form uses `tf_subject`)",
    readers: ['build'],
  }),
  KB_API_ORIGIN: variable({
    type: origin(),
    description: "Origin of the API the site's islands call when the static site is served from elsewhere; unset: the site's own origin",
    readers: ['build'],
  }),
  CHROMIUM_PATH: variable({
    type: path(),
    default: DEFAULT_CHROMIUM_PATH,
    description: 'The Chromium binary the browser tests, `npm run eval:search` and `npm run bench:build` drive',
    readers: ['cli', 'test'],
  }),
  KB_TEST_DATABASE_URL: variable({
    type: postgresUrl(),
    description:
      "A PostgreSQL server for the tests' PostgreSQL leg, as a URL with the right to create databases; unset: the tests start a throw-away server",
    readers: ['test'],
  }),
  KB_TEST_POSTGRES_BIN: variable({
    type: path(),
    default: DEFAULT_POSTGRES_BIN,
    description: "Where the throw-away test server's binaries (`initdb`, `postgres`) are",
    readers: ['test'],
  }),
} as const;

/** The name of a variable in the schema. */
export type VariableName = keyof typeof VARIABLES;

/** Every variable's value after validation and defaults. */
export type ConfigValues = { [K in VariableName]: ValueOf<(typeof VARIABLES)[K]> };

/** The variables a reader reads. */
export type NamesReadBy<R extends Reader> = {
  [K in VariableName]: R extends (typeof VARIABLES)[K]['readers'][number] ? K : never;
}[VariableName];

/** The names of the variables `reader` reads, in the schema's order. */
export function namesReadBy<R extends Reader>(reader: R): NamesReadBy<R>[] {
  return (Object.keys(VARIABLES) as VariableName[]).filter((name) =>
    (VARIABLES[name].readers as readonly Reader[]).includes(reader),
  ) as NamesReadBy<R>[];
}
