/** sitemap.xml: home, topic and list pages, and every listed article (archived ones are left out). */
import type { APIRoute } from 'astro';
import { ARTICLE_TYPES, LANGS } from '../../core/content/article.ts';
import { builtArticles, isListed, topics } from '../lib/articles.ts';
import { articleUrl, langHome, topicUrl, topicsUrl, typeListUrl } from '../../core/content/urls.ts';
import { siteUrl } from '../lib/build-config.ts';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const GET: APIRoute = async () => {
  const pages: Array<{ path: string; lastmod?: string }> = [{ path: '/' }];
  for (const lang of LANGS) {
    pages.push({ path: langHome(lang) }, { path: topicsUrl(lang) });
    for (const topic of topics().topics) pages.push({ path: topicUrl(lang, topic.id) });
    for (const type of ARTICLE_TYPES) pages.push({ path: typeListUrl(lang, type) });
  }
  for (const entry of await builtArticles()) {
    if (isListed(entry) && entry.data.audience === 'public')
      pages.push({ path: articleUrl(entry.id), lastmod: entry.data.reviewed.toISOString().slice(0, 10) });
  }
  const urls = pages.map(
    (p) => `  <url><loc>${escapeXml(new URL(p.path, siteUrl).href)}</loc>${p.lastmod ? `<lastmod>${p.lastmod}</lastmod>` : ''}</url>`,
  );
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`,
    {
      headers: { 'Content-Type': 'application/xml; charset=utf-8' },
    },
  );
};
