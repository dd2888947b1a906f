/**
 * /insights/report?period=2026-11 (or 2026-Q4) [&ui=zh-CN|en]: the period report (问题汇总报告)
 * on one printable page. It renders GET /api/metrics/period-report with the renderer `npm run
 * report` prints (core/reports/period-report-html.ts), so page, PDF and API agree. Signed in
 * with a staff account (the session cookie).
 */
import type { Lang } from '../../../core/content/article.ts';
import type { PeriodReport } from '../../../core/contracts/period-report.ts';
import { REPORT_CSS, renderPeriodReport } from '../../../core/reports/period-report-html.ts';
import { API_ORIGIN } from '../api-origin.ts';
import { chooseUiLang, UI_LANG_KEY } from './ui-lang.ts';

const PERIOD = /^\d{4}-(?:0[1-9]|1[0-2]|Q[1-4])$/;

/** The month before `today` (YYYY-MM-DD), the report shown when the address names none. */
export function lastMonth(today: string): string {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

const MESSAGES: Record<Lang, { loading: string; signIn: string; forbidden: string; failed: string }> = {
  en: {
    loading: 'Loading the report…',
    signIn: 'Sign in to read the report.',
    forbidden: 'The report is for managers; your role may not read it.',
    failed: 'The report could not be loaded: ',
  },
  'zh-CN': {
    loading: '正在加载报告……',
    signIn: '请先登录再查看报告。',
    forbidden: '报告仅供经理查看，你的角色无权查看。',
    failed: '无法加载报告：',
  },
};

export async function startReport(): Promise<void> {
  const root = document.querySelector<HTMLElement>('[data-report]');
  if (!root) return;
  const params = new URLSearchParams(location.search);
  const lang = chooseUiLang(location.search, localStorage.getItem(UI_LANG_KEY), navigator.languages ?? []);
  document.documentElement.lang = lang;
  const asked = params.get('period') ?? '';
  const period = PERIOD.test(asked) ? asked : lastMonth(new Date().toISOString().slice(0, 10));
  const tz = params.get('tz');
  const style = document.createElement('style');
  style.textContent = REPORT_CSS;
  document.head.append(style);
  for (const a of document.querySelectorAll<HTMLAnchorElement>('[data-report-lang]')) {
    const other = new URLSearchParams(location.search);
    other.set('ui', a.dataset.reportLang ?? 'en');
    other.set('period', period);
    a.href = `?${other.toString()}`;
    if (a.dataset.reportLang === lang) a.setAttribute('aria-current', 'true');
  }
  // A listener, not an inline onclick: the Content-Security-Policy allows no inline handlers.
  document.querySelector('[data-report-print]')?.addEventListener('click', () => window.print());
  const m = MESSAGES[lang];
  root.textContent = m.loading;
  const query = new URLSearchParams({ period });
  if (tz) query.set('tz', tz);
  const res = await fetch(`${API_ORIGIN}/api/metrics/period-report?${query.toString()}`, {
    // The session cookie goes along, also to an API on its own origin of the same site (KB_API_ORIGIN).
    credentials: API_ORIGIN ? 'include' : 'same-origin',
    headers: { Accept: 'application/json' },
  }).catch(() => null);
  if (!res || !res.ok) {
    const status = res?.status ?? 0;
    root.dataset.reportState = status === 401 ? 'signed-out' : status === 403 ? 'forbidden' : 'error';
    if (status === 401) {
      root.innerHTML = `<p>${m.signIn} <a href="/staff/sign-in/?next=${encodeURIComponent(location.pathname + location.search)}">→</a></p>`;
    } else if (status === 403) root.textContent = m.forbidden;
    else {
      const body = (await res?.json().catch(() => null)) as { error?: { message?: string } } | null;
      root.textContent = `${m.failed}${body?.error?.message ?? `HTTP ${status}`}`;
    }
    return;
  }
  const report = (await res.json()) as PeriodReport;
  // The renderer escapes every text it writes (core/reports/period-report-html.ts).
  root.innerHTML = renderPeriodReport(report, lang);
  root.dataset.reportState = 'ready';
  document.title = `${lang === 'zh-CN' ? '问题汇总报告' : 'Service report'} ${report.period}`;
}
