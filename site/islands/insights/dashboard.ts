/**
 * The dashboard controller both insights pages run: the staff sign-in (the session cookie,
 * site/islands/staff/session.ts), filters kept in the address, one fetch per data source per
 * view, CSV downloads, and the interface language. Drawing a panel from its answers is
 * panel.ts's concern.
 *
 * Page contract (tests rely on it): `body[data-insights-state]` is signed-out, loading
 * or ready; each `[data-panel]` has `data-state` loading, ready, empty, unavailable or
 * error; `[data-signin-link]`, `[data-signout]`, `[data-staff-name]`, `[data-filters]`,
 * `[data-csv]` buttons, `[data-insights-nav] a[data-nav-page]` links (carrying the view).
 */
import type { Lang } from '../../../core/content/article.ts';
import { createApiClient, InsightsApiError, type ApiClient } from './api.ts';
import { currentStaff, signInUrl, signOut, type StaffIdentity } from '../staff/session.ts';
import { saveFile } from './download.ts';
import { apiQuery, filtersToSearch, readFilters, todayIn, type FilterProblem, type InsightsFilters } from './filters.ts';
import { setPanelState, showPanel, sourcePath, type Outcome, type PanelSpec, type PanelState, type RenderContext } from './panel.ts';
import { tr, type InsightsKey } from './strings.ts';
import type { MetricInfo } from './types.ts';
import { applyUiLang, chooseUiLang, UI_LANG_KEY } from './ui-lang.ts';
import { pageHref, type InsightsPage } from './nav.ts';

/** A topic of the build's taxonomy, for the topic filter and for names in tables. */
export interface TopicOption {
  id: string;
  name: Record<Lang, string>;
  depth: number;
}

function need<T extends Element>(selector: string): T {
  const el = document.querySelector<T>(selector);
  if (!el) throw new Error(`insights: ${selector} is missing from the page`);
  return el;
}

export function startDashboard(panels: PanelSpec[]): void {
  const topics = JSON.parse(need('[data-insights-topics]').textContent ?? '[]') as TopicOption[];
  const topicById = new Map(topics.map((topic) => [topic.id, topic]));
  // The session cookie is the credential (docs/dashboards.md).
  const client: ApiClient = createApiClient({});

  const signin = need<HTMLElement>('[data-signin]');
  const signinLink = need<HTMLAnchorElement>('[data-signin-link]');
  const signinStatus = need<HTMLElement>('[data-signin-status]');
  const staffName = need<HTMLElement>('[data-staff-name]');
  const dashboard = need<HTMLElement>('[data-dashboard]');
  const signoutButton = need<HTMLButtonElement>('[data-signout]');
  const uiSwitch = need<HTMLButtonElement>('[data-ui-switch]');
  const filterForm = need<HTMLFormElement>('[data-filters]');
  const problemsBox = need<HTMLElement>('[data-filter-problems]');
  const rangeText = need<HTMLElement>('[data-range]');

  let lang: Lang = chooseUiLang(location.search, localStorage.getItem(UI_LANG_KEY), navigator.languages ?? [navigator.language]);
  let filters!: InsightsFilters;
  let problems: FilterProblem[] = [];
  let registry = new Map<string, MetricInfo>();
  let results = new Map<string, Outcome>();
  /** Incremented per view, so answers to an earlier view are dropped. */
  let generation = 0;
  let staff: StaffIdentity | null = null;

  const t = (key: InsightsKey, vars?: Record<string, string | number>) => tr(lang, key, vars);
  const topicName = (id: string) => topicById.get(id)?.name[lang] ?? id;

  function readAddress(): void {
    ({ filters, problems } = readFilters(location.search, todayIn(new Date()), new Set(topicById.keys())));
  }

  /** The address of another dashboard page with this view (filters and interface language). */
  const hrefOf = (page: InsightsPage) => pageHref(page, filters, new URLSearchParams(location.search).get('ui'));

  // ----- navigation: every link keeps the view -----
  function updateNav(): void {
    for (const a of document.querySelectorAll<HTMLAnchorElement>('[data-insights-nav] a[data-nav-page]'))
      a.href = hrefOf(a.dataset.navPage as InsightsPage);
  }

  // ----- interface language -----
  function applyLang(): void {
    document.documentElement.lang = lang;
    applyUiLang(document, lang);
    // The switch names the other language in that language.
    uiSwitch.lang = lang === 'en' ? 'zh-CN' : 'en';
    fillTopicOptions();
    nameCsvSources();
    showFilters();
    staffName.textContent = staff ? t('signin.as', { name: staff.name }) : '';
  }

  /** A panel with several CSV sources names each button by its metric's registry title, not its id. */
  function nameCsvSources(): void {
    for (const el of document.querySelectorAll<HTMLElement>('[data-csv-title]')) {
      const id = el.dataset.csvTitle ?? '';
      el.textContent = registry.get(id)?.title[lang] ?? id;
    }
  }

  function fillTopicOptions(): void {
    const select = filterForm.elements.namedItem('topic') as HTMLSelectElement;
    const current = select.value;
    select.replaceChildren(new Option(t('filters.all'), ''));
    for (const topic of topics) select.append(new Option(`${'  '.repeat(topic.depth)}${topic.name[lang]}`, topic.id));
    select.value = current;
  }

  uiSwitch.addEventListener('click', () => {
    lang = lang === 'en' ? 'zh-CN' : 'en';
    localStorage.setItem(UI_LANG_KEY, lang);
    const params = new URLSearchParams(location.search);
    params.set('ui', lang);
    history.replaceState(null, '', `?${params}`);
    applyLang();
    renderAll();
  });

  // ----- sign-in -----
  function showSignedOut(message?: InsightsKey): void {
    generation++;
    staff = null;
    document.body.dataset.insightsState = 'signed-out';
    dashboard.hidden = true;
    signoutButton.hidden = true;
    staffName.hidden = true;
    signin.hidden = false;
    // Back to this very view (filters included) after signing in.
    signinLink.href = signInUrl(location.pathname + location.search);
    signinStatus.textContent = message ? t(message) : '';
  }

  async function showSignedIn(who: StaffIdentity): Promise<void> {
    staff = who;
    signin.hidden = true;
    dashboard.hidden = false;
    signoutButton.hidden = false;
    staffName.hidden = false;
    staffName.textContent = t('signin.as', { name: who.name });
    signinStatus.textContent = '';
    await loadRegistry();
    await load();
  }

  async function loadRegistry(): Promise<void> {
    try {
      const body = await client.json<{ metrics?: MetricInfo[] }>('/api/metrics');
      registry = new Map((body.metrics ?? []).map((m) => [m.id, m]));
    } catch {
      registry = new Map();
    }
    nameCsvSources();
  }

  signoutButton.addEventListener('click', () => {
    signoutButton.disabled = true;
    results = new Map();
    void signOut();
  });

  // ----- filters -----
  function showFilters(): void {
    const field = (name: string) => filterForm.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;
    field('from').value = filters.from;
    field('to').value = filters.to;
    field('lang').value = filters.lang ?? '';
    field('topic').value = filters.topic ?? '';
    field('interval').value = filters.interval;
    rangeText.textContent = t('filters.range', { from: filters.from, to: filters.to });
    showProblems();
    updateNav();
  }

  function showProblems(): void {
    problemsBox.replaceChildren(
      ...problems.map((p) => Object.assign(document.createElement('li'), { textContent: t(`filters.problem.${p}`) })),
    );
    problemsBox.hidden = problems.length === 0;
  }

  filterForm.addEventListener('change', () => {
    const data = new FormData(filterForm);
    const asked = new URLSearchParams();
    for (const name of ['from', 'to', 'lang', 'topic', 'interval']) {
      const value = String(data.get(name) ?? '');
      if (value) asked.set(name, value);
    }
    const next = readFilters(`?${asked}`, todayIn(new Date()), new Set(topicById.keys()));
    problems = next.problems;
    // A half-edited range ("from" already moved past "to"): say so and keep the view until it is valid.
    if (problems.length) {
      showProblems();
      return;
    }
    filters = next.filters;
    history.pushState(null, '', filtersToSearch(filters, location.search));
    showFilters();
    void load();
  });
  filterForm.addEventListener('submit', (event) => event.preventDefault());

  addEventListener('popstate', () => {
    readAddress();
    showFilters();
    if (staff) void load();
  });

  // ----- loading and rendering -----
  async function load(): Promise<void> {
    const mine = ++generation;
    document.body.dataset.insightsState = 'loading';
    for (const panel of panels) setState(panel, 'loading', t('state.loading'));
    const sources = [...new Set(panels.flatMap((p) => p.sources))];
    const fetched = new Map<string, Outcome>();
    const pending = sources.map(async (source) => {
      const { path, interval } = sourcePath(source);
      try {
        fetched.set(source, { ok: true, value: await client.json(path, apiQuery(filters, { interval })) });
      } catch (error) {
        fetched.set(source, {
          ok: false,
          error: error instanceof InsightsApiError ? error : new InsightsApiError('network', String(error)),
        });
      }
      if (mine !== generation) return;
      // Draw each panel as soon as all of its sources have answered.
      for (const panel of panels)
        if (panel.sources.includes(source) && panel.sources.every((s) => fetched.has(s))) renderPanel(panel, fetched);
    });
    await Promise.all(pending);
    if (mine !== generation) return;
    results = fetched;
    if ([...fetched.values()].some((o) => !o.ok && o.error.kind === 'unauthorized')) {
      showSignedOut('signin.expired');
      return;
    }
    document.body.dataset.insightsState = 'ready';
  }

  function renderAll(): void {
    if (results.size) for (const panel of panels) renderPanel(panel, results);
  }

  function panelRoot(panel: PanelSpec): HTMLElement {
    return need<HTMLElement>(`[data-panel="${panel.id}"]`);
  }

  function setState(panel: PanelSpec, state: PanelState, message: string): void {
    setPanelState(panelRoot(panel), state, message);
  }

  function renderPanel(panel: PanelSpec, outcomes: Map<string, Outcome>): void {
    const ctx: RenderContext = {
      lang,
      filters,
      data: <T>(source: string) => {
        const o = outcomes.get(source);
        return o?.ok ? (o.value as T) : undefined;
      },
      topicName,
      topicIds: topics.map((topic) => topic.id),
      t,
      pageHref: hrefOf,
      metricTitle: (id) => registry.get(id)?.title[lang],
    };
    showPanel(panelRoot(panel), panel, outcomes, ctx, registry.get(panel.sources[0]!));
  }

  // ----- CSV downloads -----
  document.addEventListener('click', async (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-csv]');
    if (!button) return;
    const source = button.dataset.csv ?? '';
    const status = button.closest('[data-panel]')?.querySelector<HTMLElement>('[data-panel-status]');
    const { path, interval } = sourcePath(source);
    button.disabled = true;
    try {
      saveFile(await client.csv(path, apiQuery(filters, { interval }), `${source}_${filters.from}_${filters.to}.csv`));
    } catch (error) {
      if (error instanceof InsightsApiError && error.kind === 'unauthorized') {
        showSignedOut('signin.expired');
      } else if (status) status.textContent = t('csv.failed', { message: (error as Error).message });
    } finally {
      button.disabled = false;
    }
  });

  // A colour-scheme change re-draws the charts in the new colours.
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', renderAll);

  readAddress();
  // Write the view into the address at once, so copying it before any change shares these dates.
  history.replaceState(null, '', filtersToSearch(filters, location.search));
  applyLang();
  showSignedOut();
  void currentStaff().then(
    (who) => (who ? showSignedIn(who) : showSignedOut()),
    () => showSignedOut('signin.network'),
  );
}
