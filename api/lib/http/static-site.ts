/**
 * Serves the built help center from the same process as the API: files from the build
 * folder, `/x` → `/x/` redirects for folders, the site's 404 page, and cache headers
 * that let browsers keep fingerprinted assets. The build's manifest is not for visitors.
 *
 * Hostile addresses (issue 14): a path is decoded once, and one that is not valid
 * percent-encoding is a 400 (never a stack trace in the log). A folder redirect goes to a
 * path rebuilt from the decoded segments, each percent-encoded again, so it always starts
 * with exactly one `/` and stays on this origin: no `//host`, no `/\host`, whatever the
 * request encoded. Pages answer GET and HEAD only.
 */
import type { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ApiError } from './errors.ts';
import { shellPageFor } from './shell-pages.ts';
import { siteCsp } from './site-csp.ts';
import { preferredLang, rememberedLang } from '../../../core/content/lang-choice.ts';
import { langHome } from '../../../core/content/urls.ts';

/** The methods a page answers; anything else (TRACE, PUT, DELETE, POST…) is a 405. */
const PAGE_METHODS = new Set(['GET', 'HEAD']);

/**
 * The decoded segments of a URL path, or null when it is not a path on this site: a segment
 * that is `.` or `..`, or holds a backslash or a control character, after decoding. Throws a
 * 400 ApiError when the percent-encoding is malformed (`/%`, `/%zz`, `/%E0%A4%A`).
 */
export function sitePathSegments(rawPath: string): string[] | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    throw new ApiError(400, 'invalid_request', 'The address is not valid percent-encoding');
  }
  const segments = decoded.split('/').filter((s) => s !== '');
  // eslint-disable-next-line no-control-regex
  if (segments.some((s) => s === '.' || s === '..' || /[\\\u0000-\u001f\u007f]/.test(s))) return null;
  return segments;
}

/** The on-origin address of a folder: `/` + each segment percent-encoded + `/`. */
export function folderLocation(segments: string[]): string {
  return `/${segments.map(encodeURIComponent).join('/')}/`;
}

export function mountSite(app: Hono, distDir: string): void {
  const root = relative(process.cwd(), distDir) || '.';
  const notFoundPage = join(distDir, '404.html');
  const csp = siteCsp(distDir);

  app.use('*', async (c, next) => {
    if (!PAGE_METHODS.has(c.req.method))
      throw new ApiError(405, 'method_not_allowed', `Pages answer GET and HEAD, not ${c.req.method}`, [], { Allow: 'GET, HEAD' });
    const url = new URL(c.req.url);
    const segments = sitePathSegments(url.pathname);
    if (segments === null || segments[0] === 'kb-build') return c.notFound();
    // `/` greets in the visitor's language: the choice remembered on the device, else the
    // browser's preference (issue 15); the chooser page only when neither names one.
    if (segments.length === 0) {
      const lang = rememberedLang(c.req.header('Cookie')) ?? preferredLang(c.req.header('Accept-Language'));
      c.header('Vary', 'Accept-Language, Cookie');
      if (lang) {
        c.header('Cache-Control', 'private, no-cache');
        return c.redirect(`${langHome(lang)}${url.search}`, 302);
      }
    }
    const path = `/${segments.join('/')}${segments.length > 0 && url.pathname.endsWith('/') ? '/' : ''}`;
    // Folders are published as /x/index.html; send /x to /x/ so relative links work.
    if (segments.length > 0 && !url.pathname.endsWith('/') && !/\.[a-z0-9]+$/i.test(path)) {
      const dir = join(distDir, ...segments);
      if (dir.startsWith(distDir) && existsSync(join(dir, 'index.html')) && statSync(dir).isDirectory())
        return c.redirect(`${folderLocation(segments)}${url.search}`, 301);
    }
    const shell = shellPageFor(path);
    if (shell && !existsSync(join(distDir, ...segments))) {
      const file = join(distDir, shell.page);
      if (existsSync(file)) {
        c.header('Cache-Control', 'no-cache');
        c.header('Content-Security-Policy', csp);
        return c.html(readFileSync(file, 'utf8'));
      }
    }
    await next();
    c.header('Content-Security-Policy', csp);
    // Only a file that exists is immutable: a CDN would keep a 404 for a year.
    if (c.res.status === 200)
      c.header('Cache-Control', path.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
    else if (c.res.status === 404) c.header('Cache-Control', 'no-store');
    return undefined;
  });
  app.use('*', serveStatic({ root }));
  app.notFound((c) => {
    const html = existsSync(notFoundPage) ? readFileSync(notFoundPage, 'utf8') : '<h1>Not found</h1>';
    return c.html(html, 404);
  });
}
