import type { APIRoute } from 'astro';
import { siteUrl } from '../lib/build-config.ts';

export const GET: APIRoute = () => new Response(`User-agent: *\nDisallow: /api/\nSitemap: ${siteUrl}/sitemap.xml\n`);
