/** The static server the search evaluation and the build benchmark load a built site from. */
import { request } from 'node:http';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startStaticServer } from '../../scripts/lib/static-server.ts';
import { tempDir, writeFiles } from '../support/temp-dir.ts';

const SITE = {
  'index.html': '<h1>Home</h1>',
  'en/search/index.html': '<h1>Search</h1>',
  'page.html': '<h1>A page in build.format file</h1>',
  '404.html': '<h1>Page not found</h1>',
  'pagefind/index.pf_meta': 'binary',
};

/** Serves `files` from the folder `site/` of a temp folder (beside it: secret.txt) until the test ends. */
async function serve(files: Record<string, string> = SITE) {
  const dir = writeFiles(tempDir('kb-static-'), { 'secret.txt': 'outside the site' });
  const server = await startStaticServer(writeFiles(join(dir, 'site'), files));
  onTestFinished(() => server.close());
  const get = (path: string, init?: RequestInit) => fetch(`${server.origin}${path}`, { redirect: 'manual', ...init });
  return Object.assign(get, { origin: server.origin });
}

/** The response as sent on the wire (fetch() would decompress it). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ encoding: string | undefined; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('the static server', () => {
  it('serves a folder index for a path with a trailing slash', async () => {
    const get = await serve();
    const res = await get('/en/search/?q=printer');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toBe('<h1>Search</h1>');
  });

  it('redirects a folder without its trailing slash, keeping the query', async () => {
    const get = await serve();
    const res = await get('/en/search?q=printer');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/en/search/?q=printer');
  });

  it('serves /page from page.html, as Astro writes pages in build.format file', async () => {
    const get = await serve();
    expect(await (await get('/page')).text()).toBe('<h1>A page in build.format file</h1>');
  });

  it('gzips text when the browser accepts it', async () => {
    const get = await serve();
    const raw = await rawGet(`${get.origin}/index.html`, { 'accept-encoding': 'gzip' });
    expect(raw.encoding).toBe('gzip');
    expect(gunzipSync(raw.body).toString()).toBe('<h1>Home</h1>');
  });

  it("sends Pagefind's binary chunks as they are", async () => {
    const get = await serve();
    const res = await get('/pagefind/index.pf_meta', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(await res.text()).toBe('binary');
  });

  it("answers a missing page with 404 and the site's 404 page", async () => {
    const get = await serve();
    const res = await get('/en/articles/nothing/');
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('<h1>Page not found</h1>');
  });

  it('answers 404 without a 404 page of the site', async () => {
    const get = await serve({ 'index.html': '<h1>Home</h1>' });
    const res = await get('/nothing/');
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('Not found');
  });

  it('refuses a path that climbs out of the site folder', async () => {
    const get = await serve();
    // URL parsing folds a plain `/../`; an encoded slash survives it and decodes to one.
    const res = await get('/..%2fsecret.txt');
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('outside the site');
  });

  it('answers only GET and HEAD', async () => {
    const get = await serve();
    const res = await get('/index.html', { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });
});
