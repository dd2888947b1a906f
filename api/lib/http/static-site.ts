/**
 * Serves the built help center from the same process as the API: files from the build
 * folder, `/x` → `/x/` redirects for folders, the site's 404 page, and cache headers
 * that let browsers keep fingerprinted assets. The build's manifest is not for visitors.
 */
import type { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { shellPageFor } from './shell-pages.ts';

export function mountSite(app: Hono, distDir: string): void {
  const root = relative(process.cwd(), distDir) || '.';
  const notFoundPage = join(distDir, '404.html');

  app.use('*', async (c, next) => {
    const path = decodeURIComponent(new URL(c.req.url).pathname);
    if (path.startsWith('/kb-build/')) return c.notFound();
    // Folders are published as /x/index.html; send /x to /x/ so relative links work.
    if (!path.endsWith('/') && !/\.[a-z0-9]+$/i.test(path)) {
      const dir = join(distDir, path);
      if (dir.startsWith(distDir) && existsSync(join(dir, 'index.html')) && statSync(dir).isDirectory()) {
        const url = new URL(c.req.url);
        return c.redirect(`${path}/${url.search}`, 301);
      }
    }
    const shell = shellPageFor(path);
    if (shell && !existsSync(join(distDir, path))) {
      const file = join(distDir, shell.page);
      if (existsSync(file)) {
        c.header('Cache-Control', 'no-cache');
        return c.html(readFileSync(file, 'utf8'));
      }
    }
    await next();
    if (path.startsWith('/_astro/')) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    else if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=300');
    return undefined;
  });
  app.use('*', serveStatic({ root }));
  app.notFound((c) => {
    const html = existsSync(notFoundPage) ? readFileSync(notFoundPage, 'utf8') : '<h1>Not found</h1>';
    return c.html(html, 404);
  });
}
