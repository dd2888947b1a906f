/**
 * The dashboards' pages (docs/dashboards.md): a short overview and one page per area, in the
 * order of the navigation bar. Each link keeps the view (filters and interface language), so
 * moving between pages shows the same period.
 */
import type { InsightsKey } from './strings.ts';
import { filtersToSearch, type InsightsFilters } from './filters.ts';

export type InsightsPage = 'overview' | 'self-service' | 'knowledge' | 'support' | 'content' | 'training' | 'scorecards' | 'report';

export interface NavItem {
  page: InsightsPage;
  href: string;
  key: InsightsKey;
}

export const INSIGHTS_NAV: readonly NavItem[] = [
  { page: 'overview', href: '/insights/', key: 'nav.overview' },
  { page: 'self-service', href: '/insights/self-service/', key: 'nav.selfService' },
  { page: 'knowledge', href: '/insights/knowledge/', key: 'nav.knowledge' },
  { page: 'support', href: '/insights/support/', key: 'nav.support' },
  { page: 'content', href: '/insights/content/', key: 'nav.content' },
  { page: 'training', href: '/insights/training/', key: 'nav.training' },
  { page: 'scorecards', href: '/insights/scorecards/', key: 'nav.scorecards' },
  { page: 'report', href: '/insights/report/', key: 'nav.report' },
];

export const navItem = (page: InsightsPage): NavItem => INSIGHTS_NAV.find((item) => item.page === page)!;

/**
 * The address of `page` showing `filters` in the interface language `ui`. The period report
 * takes a month, not a range (site/islands/insights/report.ts): it gets the language only and
 * opens on the last full month.
 */
export function pageHref(page: InsightsPage, filters: InsightsFilters, ui: string | null): string {
  const keep = new URLSearchParams();
  if (ui) keep.set('ui', ui);
  const { href } = navItem(page);
  if (page === 'report') return keep.size ? `${href}?${keep}` : href;
  return `${href}${filtersToSearch(filters, `?${keep}`)}`;
}
