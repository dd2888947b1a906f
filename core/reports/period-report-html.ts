/**
 * The period report (问题汇总报告) as HTML, in zh-CN or en, from the answer of GET
 * /api/metrics/period-report and nothing else: the page /insights/report renders it in the
 * browser and `npm run report` prints it through Chromium, so page, PDF and API agree. Every
 * number is a link to what is behind it (the report's `href`s) and carries
 * `data-figure="<key>"` with the raw value in `data-value`, so a test can compare each with
 * the API. Text is escaped; nothing here touches the DOM.
 */
import type { Lang } from '../content/article.ts';
import type { PeriodReport, ReportFigureKey } from '../contracts/period-report.ts';

type Texts = Record<
  | 'title'
  | 'period'
  | 'previous'
  | 'demo'
  | 'volume'
  | 'trend'
  | 'grew'
  | 'sla'
  | 'escalations'
  | 'csat'
  | 'knowledge'
  | 'searches'
  | 'training'
  | 'needs'
  | 'recommendations'
  | 'none'
  | 'topic'
  | 'tickets'
  | 'change'
  | 'priority'
  | 'met'
  | 'rate'
  | 'escalated'
  | 'query'
  | 'count'
  | 'need'
  | 'label'
  | 'periodColumn',
  string
>;

const TEXTS: Record<Lang, Texts> = {
  en: {
    title: 'Service report',
    period: 'Period {from} to {to} ({tz})',
    previous: 'previous period: {value}',
    demo: 'Demo data: these figures come from the demo seed of {date}, not from real traffic or tickets.',
    volume: 'Volume',
    trend: 'Tickets per period',
    grew: 'Problem categories that grew most',
    sla: 'SLA attainment by priority',
    escalations: 'Escalations',
    csat: 'Customer satisfaction',
    knowledge: 'Knowledge',
    searches: 'Top searches without an answer',
    training: 'Training',
    needs: 'Top training needs',
    recommendations: 'Recommendations',
    none: 'None in this period.',
    topic: 'Topic',
    tickets: 'Tickets',
    change: 'Change',
    priority: 'Priority',
    met: 'Met',
    rate: 'Rate',
    escalated: 'Escalated',
    query: 'Search',
    count: 'Searches',
    need: 'Need',
    label: 'Kind',
    periodColumn: 'Period',
  },
  'zh-CN': {
    title: '问题汇总报告',
    period: '时间段 {from} 至 {to}（{tz}）',
    previous: '上一时间段：{value}',
    demo: '演示数据：以下数字来自 {date} 生成的演示数据，不是真实的访问或工单。',
    volume: '工单量',
    trend: '各时间段的工单数',
    grew: '增长最多的问题类别',
    sla: '各优先级的 SLA 达成率',
    escalations: '升级',
    csat: '客户满意度',
    knowledge: '知识库',
    searches: '没有结果的热门搜索',
    training: '培训',
    needs: '培训需求最高的主题',
    recommendations: '建议',
    none: '本时间段没有。',
    topic: '主题',
    tickets: '工单数',
    change: '变化',
    priority: '优先级',
    met: '达成',
    rate: '比例',
    escalated: '升级数',
    query: '搜索词',
    count: '搜索次数',
    need: '需求',
    label: '类型',
    periodColumn: '时间段',
  },
};

/** The label of each figure. */
const FIGURE_LABELS: Record<Lang, Record<ReportFigureKey, string>> = {
  en: {
    tickets: 'Tickets created',
    resolutionRate: 'Resolution rate (like for like)',
    resolutionTooRecent: 'Open tickets too recent to judge',
    medianResolutionHours: 'Median time to resolution (hours)',
    slaAttainment: 'SLA attainment',
    escalated: 'Escalated tickets',
    escalationRate: 'Escalation rate',
    csatMean: 'CSAT (mean, 1–5)',
    csatSatisfiedShare: 'Satisfied (4–5)',
    csatResponses: 'Survey answers',
    articlesCreated: 'Articles created',
    articlesUpdated: 'Articles updated',
    linkRate: 'Link rate',
    known: 'Known problems',
    new: 'New problems',
    deflectionRate: 'Contact-form deflection',
    noResultSearches: 'Searches without a result',
    trainingCompletions: 'Trainings completed',
    overdueReviews: 'Articles overdue for review',
    contentGaps: 'Content gaps',
  },
  'zh-CN': {
    tickets: '新建工单',
    resolutionRate: '解决率（同口径）',
    resolutionTooRecent: '太新、暂不评判的未解决工单',
    medianResolutionHours: '解决时间中位数（小时）',
    slaAttainment: 'SLA 达成率',
    escalated: '升级的工单',
    escalationRate: '升级率',
    csatMean: '客户满意度（平均分，1–5）',
    csatSatisfiedShare: '满意（4–5 分）',
    csatResponses: '调查回复数',
    articlesCreated: '新建文章',
    articlesUpdated: '更新文章',
    linkRate: '文章关联率',
    known: '已知问题',
    new: '新问题',
    deflectionRate: '联系表单分流率',
    noResultSearches: '没有结果的搜索',
    trainingCompletions: '完成的培训',
    overdueReviews: '逾期未复审的文章',
    contentGaps: '内容缺口',
  },
};

const RATIOS = new Set<ReportFigureKey>([
  'resolutionRate',
  'slaAttainment',
  'escalationRate',
  'csatSatisfiedShare',
  'linkRate',
  'deflectionRate',
]);

const PRIORITY_NAMES: Record<Lang, Record<string, string>> = {
  en: { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' },
  'zh-CN': { low: '低', normal: '普通', high: '高', urgent: '紧急' },
};
const LABEL_NAMES: Record<Lang, Record<string, string>> = {
  en: { 'training-gap': 'training gap', 'content-gap': 'content gap', both: 'training and content gap' },
  'zh-CN': { 'training-gap': '培训缺口', 'content-gap': '内容缺口', both: '培训和内容缺口' },
};

export const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const fill = (template: string, vars: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');

/** A figure as the report writes it: a percentage for rates, one decimal for hours and ratings, a whole count else; "—" when null. */
export function formatFigure(key: ReportFigureKey | 'ratio' | 'count', value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined) return '—';
  const locale = lang === 'zh-CN' ? 'zh-CN' : 'en-US';
  if (key === 'ratio' || RATIOS.has(key as ReportFigureKey))
    return `${(value * 100).toLocaleString(locale, { maximumFractionDigits: 1 })}%`;
  if (key === 'medianResolutionHours' || key === 'csatMean') return value.toLocaleString(locale, { maximumFractionDigits: 1 });
  return value.toLocaleString(locale, { maximumFractionDigits: 0 });
}

const link = (href: string, text: string, attrs = '') => `<a href="${escapeHtml(href)}"${attrs}>${escapeHtml(text)}</a>`;

/** The report's body (everything inside <main>), in `lang`. */
export function renderPeriodReport(report: PeriodReport, lang: Lang): string {
  const t = TEXTS[lang];
  const labels = FIGURE_LABELS[lang];
  const figure = (key: ReportFigureKey) => {
    const f = report.figures[key];
    const value = formatFigure(key, f.value, lang);
    const attrs = ` data-figure="${key}" data-value="${f.value ?? ''}"`;
    const previous =
      f.previous === undefined
        ? ''
        : `<span class="report-previous">${escapeHtml(fill(t.previous, { value: formatFigure(key, f.previous, lang) }))}</span>`;
    return `<div class="report-figure"><dt>${escapeHtml(labels[key])}</dt><dd>${link(f.href, value, attrs)} ${previous}</dd></div>`;
  };
  const figures = (keys: ReportFigureKey[]) => `<dl class="report-figures">${keys.map(figure).join('')}</dl>`;
  const table = (head: string[], rows: string[][]) =>
    rows.length === 0
      ? `<p class="report-none">${escapeHtml(t.none)}</p>`
      : `<div class="report-table"><table><thead><tr>${head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows
          .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
          .join('')}</tbody></table></div>`;
  const cell = (href: string, text: string, list: string, index: number, value: number | null) =>
    link(href, text, ` data-list="${list}" data-index="${index}" data-value="${value ?? ''}"`);
  const section = (id: string, title: string, body: string) =>
    `<section class="report-section" id="report-${id}"><h2>${escapeHtml(title)}</h2>${body}</section>`;
  const topicName = (n: { 'zh-CN': string; en: string }) => escapeHtml(n[lang]);

  const parts = [
    `<header class="report-header"><h1>${escapeHtml(t.title)} · ${escapeHtml(report.period)}</h1><p>${escapeHtml(fill(t.period, { from: report.from, to: report.to, tz: report.tz }))}</p></header>`,
    report.demo
      ? `<p class="demo-banner" role="note" data-demo="${escapeHtml(report.demo.seededAt)}">${escapeHtml(fill(t.demo, { date: report.demo.seededAt.slice(0, 10) }))}</p>`
      : '',
    section(
      'volume',
      t.volume,
      figures(['tickets', 'resolutionRate', 'resolutionTooRecent', 'medianResolutionHours']) +
        `<h3>${escapeHtml(t.trend)}</h3>` +
        table(
          [t.periodColumn, t.tickets],
          report.volume.map((v, i) => [escapeHtml(v.period), cell(v.href, formatFigure('count', v.tickets, lang), 'volume', i, v.tickets)]),
        ) +
        `<h3>${escapeHtml(t.grew)}</h3>` +
        table(
          [t.topic, t.tickets, t.change],
          report.growth.map((g, i) => [
            topicName(g.name),
            cell(g.href, formatFigure('count', g.tickets, lang), 'growth', i, g.tickets),
            `+${g.change}`,
          ]),
        ),
    ),
    section(
      'sla',
      t.sla,
      figures(['slaAttainment']) +
        table(
          [t.priority, t.met, t.tickets, t.rate],
          report.slaByPriority.map((s, i) => [
            escapeHtml(PRIORITY_NAMES[lang][s.priority] ?? s.priority),
            formatFigure('count', s.met, lang),
            formatFigure('count', s.tickets, lang),
            cell(s.href, formatFigure('ratio', s.value, lang), 'sla', i, s.value),
          ]),
        ),
    ),
    section(
      'escalations',
      t.escalations,
      figures(['escalated', 'escalationRate']) +
        table(
          [t.topic, t.escalated, t.tickets, t.rate],
          report.escalationsByTopic.map((e, i) => [
            topicName(e.name),
            cell(e.href, formatFigure('count', e.escalated, lang), 'escalations', i, e.escalated),
            formatFigure('count', e.tickets, lang),
            formatFigure('ratio', e.value, lang),
          ]),
        ),
    ),
    section('csat', t.csat, figures(['csatMean', 'csatSatisfiedShare', 'csatResponses'])),
    section(
      'knowledge',
      t.knowledge,
      figures([
        'articlesCreated',
        'articlesUpdated',
        'linkRate',
        'known',
        'new',
        'deflectionRate',
        'noResultSearches',
        'contentGaps',
        'overdueReviews',
      ]) +
        `<h3>${escapeHtml(t.searches)}</h3>` +
        table(
          [t.query, t.count],
          report.topNoResultSearches.map((s, i) => [
            escapeHtml(s.query),
            cell(s.href, formatFigure('count', s.searches, lang), 'searches', i, s.searches),
          ]),
        ),
    ),
    section(
      'training',
      t.training,
      figures(['trainingCompletions']) +
        `<h3>${escapeHtml(t.needs)}</h3>` +
        table(
          [t.topic, t.need, t.label, t.tickets],
          report.trainingNeeds.map((n, i) => [
            topicName(n.name),
            cell(n.href, formatFigure('count', n.needScore, lang), 'needs', i, n.needScore),
            escapeHtml(n.label ? (LABEL_NAMES[lang][n.label] ?? n.label) : '—'),
            formatFigure('count', n.tickets, lang),
          ]),
        ),
    ),
    section(
      'recommendations',
      t.recommendations,
      report.recommendations.length === 0
        ? `<p class="report-none">${escapeHtml(t.none)}</p>`
        : `<ol class="report-recommendations">${report.recommendations.map((r) => `<li data-kind="${r.kind}">${link(r.href, r.text[lang])}</li>`).join('')}</ol>`,
    ),
  ];
  return parts.join('');
}

/** Print styles for one page: the page and the PDF share them. */
export const REPORT_CSS = `
.report{font:14px/1.45 system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#111}
.report h1{font-size:1.5rem;margin:0 0 .25rem}.report h2{font-size:1.1rem;margin:1rem 0 .4rem;border-bottom:1px solid #ccc}.report h3{font-size:.95rem;margin:.6rem 0 .3rem}
.report-figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(13rem,1fr));gap:.3rem .8rem;margin:0}
.report-figure dt{font-size:.8rem;color:#555}.report-figure dd{margin:0;font-size:1.05rem;font-weight:600}
.report-previous{font-size:.75rem;font-weight:400;color:#666}
.report-table{overflow-x:auto}.report table{border-collapse:collapse;width:100%;font-size:.85rem}.report th,.report td{text-align:left;padding:.15rem .4rem;border-bottom:1px solid #eee}
.report a{color:inherit}.demo-banner{padding:.4rem .6rem;border:1px solid #999;border-left-width:.3rem;font-weight:600}
@media print{.report{padding:0;font-size:11px}.report a{text-decoration:none}.report-section{break-inside:avoid}@page{size:A4;margin:12mm}}
`;

/** A whole HTML document of the report (the CLI prints or writes it). */
export function periodReportDocument(report: PeriodReport, lang: Lang): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(TEXTS[lang].title)} ${escapeHtml(report.period)}</title><style>${REPORT_CSS}</style></head><body><main class="report">${renderPeriodReport(report, lang)}</main></body></html>`;
}
