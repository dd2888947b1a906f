/**
 * The build's article manifest, read by the API: which articles this build publishes,
 * with the fields the API needs. Served from disk by the API process, never to visitors
 * (the server refuses /kb-build/).
 */
import type { APIRoute } from 'astro';
import { builtArticles, isListed, langOf } from '../../lib/articles.ts';
import { articleUrl } from '../../../core/content/urls.ts';
import { audience } from '../../lib/build-config.ts';
import type { BuildManifest } from '../../../core/content/manifest.ts';

export const GET: APIRoute = async () => {
  const articles = (await builtArticles()).map((entry) => ({
    id: entry.id,
    lang: langOf(entry),
    title: entry.data.title,
    summary: entry.data.summary,
    url: articleUrl(entry.id),
    type: entry.data.type,
    topic: entry.data.topic,
    topics: entry.data.topics,
    state: entry.data.state,
    audience: entry.data.audience,
    listed: isListed(entry),
    translationKey: entry.data.translationKey,
    owner: entry.data.owner,
    reviewed: entry.data.reviewed.toISOString().slice(0, 10),
    reviewEvery: entry.data.reviewEvery,
    created: (entry.data.created ?? entry.data.reviewed).toISOString().slice(0, 10),
    file: `${entry.id}${/\.mdx?$/.exec(entry.filePath ?? '')?.[0] ?? '.mdx'}`,
    tickets: entry.data.tickets,
    tags: entry.data.tags,
  }));
  const manifest: BuildManifest = { version: 1, builtAt: new Date().toISOString(), audience, articles };
  return new Response(JSON.stringify(manifest));
};
