/**
 * "Popular articles" on a language's home page (issue 15): the build renders the hand-set
 * `featured` list; this asks GET /api/popular for the last 30 days' most viewed articles
 * and shows them instead when there are any. Without data, JavaScript or the API the
 * featured list stays.
 */
import { apiUrl } from '../api-origin.ts';
import type { PopularArticle } from '../../../core/contracts/popular.ts';

const TIMEOUT_MS = 5000;

/** The most viewed articles, or null when the API has none or cannot answer. */
export async function fetchPopular(lang: string, limit: number, fetcher: typeof fetch = fetch): Promise<PopularArticle[] | null> {
  try {
    const params = new URLSearchParams({ lang, limit: String(limit) });
    const res = await fetcher(apiUrl(`/api/popular?${params}`), { credentials: 'omit', signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!res.ok) return null;
    const body = (await res.json()) as { results?: unknown };
    if (!Array.isArray(body.results)) return null;
    const list = body.results.filter(
      (r): r is PopularArticle => typeof r?.article === 'string' && typeof r?.title === 'string' && typeof r?.url === 'string',
    );
    return list.length ? list : null;
  } catch {
    return null;
  }
}

/** Replaces the featured list inside `[data-popular]` with the most viewed articles, when there are some. */
export async function initPopular(root: ParentNode = document): Promise<void> {
  const box = root.querySelector<HTMLElement>('[data-popular]');
  if (!box) return;
  const lang = box.dataset.popular ?? '';
  const limit = Math.max(1, box.querySelectorAll('li').length || 6);
  const list = await fetchPopular(lang, limit);
  if (!list) return;
  const ul = document.createElement('ul');
  ul.className = 'article-list';
  for (const item of list) {
    const li = document.createElement('li');
    li.dataset.article = item.article;
    const a = document.createElement('a');
    a.className = 'title';
    a.href = item.url;
    a.textContent = item.title;
    const p = document.createElement('p');
    p.textContent = item.summary;
    li.append(a, p);
    ul.append(li);
  }
  box.replaceChildren(ul);
  box.dataset.popularSource = 'views';
}
