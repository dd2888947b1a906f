/**
 * docs/metrics.md, written from the metric registry (api/metrics/index.ts) so the document
 * cannot drift from what the API computes: a hand-written introduction (the conventions),
 * then one section per metric, grouped, its definition in English and in Chinese.
 * `npm run docs:metrics` writes it; a unit test fails when the file differs from what this
 * renders.
 */
import { METRICS } from '../../../api/metrics/index.ts';
import { METRIC_GROUPS, type MetricDefinition, type MetricGroup, type MetricUnit } from '../../../api/metrics/types.ts';
import { MAX_RANGE_DAYS, DEFAULT_TZ } from '../../../api/metrics/period.ts';

const GROUP_TITLES: Record<MetricGroup, string> = {
  'self-service': 'Self-service',
  search: 'Search',
  helpfulness: 'Helpfulness',
  kcs: 'Knowledge-centred service (KCS)',
  support: 'Support KPIs',
  'content-health': 'Content health',
  training: 'Training',
  scorecards: 'Scorecards (考核)',
};

const UNIT_TEXT: Record<MetricUnit, string> = {
  ratio: 'ratio, a fraction from 0 to 1',
  hours: 'hours (decimal)',
  count: 'count',
  'sessions-per-requester': 'sessions per requester, shown as "N : 1"',
  rating: 'rating from 1 to 5',
  score: 'score',
};

const INTRO = `# Metrics

Every metric the help center reports, generated from the metric registry
(\`api/metrics/index.ts\`) by \`npm run docs:metrics\`. Do not edit the metric sections by
hand: change the registry and run the command again (a test fails when this file is stale).
Each metric is defined in English, then in Chinese (定义), as the dashboards show it in
either interface language.

## Conventions

- **Time zone and dates.** All times are stored in UTC. A report takes an IANA time zone
  (\`tz\`, default \`${DEFAULT_TZ}\`) and an inclusive range of local dates \`from\`–\`to\`
  (default: the last 30 days ending today); it covers local midnight of \`from\` up to local
  midnight after \`to\`. A range may cover at most ${MAX_RANGE_DAYS} days (two years).
  Series periods are local days, ISO weeks (starting Monday) or calendar months
  (\`interval=day|week|month\`); every period of the range is present, empty ones with zeros.
- **Rates are fractions** from 0 to 1, not percentages; durations are decimal hours.
- **Null means undefined**, not zero: a rate with no denominator (no searches, no contact
  sessions, no requesters), helpfulness under 5 votes. Counts are 0, not null.
- **Filters.** \`lang\` (\`zh-CN\` or \`en\`) and \`topic\` (a topic id) apply where a
  metric lists them below; a metric ignores a filter it does not list.
- **Topics are a tree** (\`content/topics.yaml\`). Wherever a figure is reported per topic
  (support KPIs by topic, content gaps, training coverage, the matrix and the need ranking,
  scorecards), a parent topic includes its descendants: a ticket or an article in
  \`accounts-password\` counts under \`accounts\` too, so a parent's row is the sum of its own
  tickets and its subtopics'. The \`topic\` filter keeps the topic and its descendants. A topic
  is covered by an article when it or a descendant has one. Totals add every ticket once
  (rows of a parent and its child overlap, so rows do not add up to the total). Tickets whose
  topic the taxonomy does not know are reported under their raw topic, as a row of their own.
- **Sessions** are the API's cookie-less sessions (a visitor's events with gaps under 30
  minutes). A session belongs to the period, and has the lang, of its first event.
- **Search queries** are counted normalised: NFKC, case-folded, whitespace collapsed.
- **Roll-ups.** The self-service and search metrics read roll-up tables, not the raw
  events: counts per quarter hour (UTC) and per UTC day. Every time zone in use is a whole
  number of quarter hours from UTC, so local days in any zone are exact sums of quarter
  hours (a zone that is not, such as historical local mean time, is refused). Computing a
  metric first folds in the events recorded since the last roll-up; the server also does so
  every minute in the background.
- **Freshness.** A computed result is reused for \`KB_METRICS_CACHE_SECONDS\` (default 60 s),
  so a figure is at most that old; \`0\` keeps nothing once answered. Either way, identical
  requests arriving while a result is being computed share that computation.
- **Endpoints.** \`GET /api/metrics\` lists the metrics; \`GET /api/metrics/<id>?from=&to=&tz=&lang=&topic=&interval=\`
  returns \`{ metric, from, to, tz, interval, value, parts, series, rows }\`, and
  \`format=csv\` the rows (or the series) as CSV; \`GET /api/metrics/summary\` returns the
  dashboard's headline numbers with the previous period. All need a staff token (agent,
  trainer or admin).
`;

function section(m: MetricDefinition): string {
  const filters = m.filters.length ? m.filters.map((f) => `\`${f}\``).join(', ') : 'none';
  return [
    `### ${m.title.en} / ${m.title['zh-CN']}`,
    '',
    m.definition.en,
    '',
    // The Chinese definition the dashboard shows with ?ui=zh-CN, under the English one.
    `定义：${m.definition['zh-CN']}`,
    '',
    `| | |`,
    `|---|---|`,
    `| Id | \`${m.id}\` |`,
    `| Formula | ${m.formula.replace(/\|/g, '\\|')} |`,
    `| Unit | ${UNIT_TEXT[m.unit]} |`,
    `| Window | ${m.window.replace(/\|/g, '\\|')} |`,
    `| Filters | ${filters} |`,
    `| Endpoint | \`GET /api/metrics/${m.id}\` |`,
    '',
  ].join('\n');
}

/** The whole document for a registry (the real one by default). */
export function renderMetricsDoc(metrics: MetricDefinition[] = METRICS): string {
  const parts = [INTRO];
  for (const group of METRIC_GROUPS) {
    const inGroup = metrics.filter((m) => m.group === group);
    if (inGroup.length === 0) continue;
    parts.push(`## ${GROUP_TITLES[group]}\n`, ...inGroup.map(section));
  }
  return `${parts.join('\n').trimEnd()}\n`;
}
