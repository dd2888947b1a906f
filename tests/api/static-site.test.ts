/**
 * The static server of `npm start` (api/lib/http/static-site.ts) under hostile addresses
 * (issue 14, class "open redirect and hostile paths"): redirects stay on this origin, bad
 * percent-encoding is a 400 without a log line, missing assets are not cached for a year,
 * and pages answer GET and HEAD only.
 */
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { mountSite } from '../../api/lib/http/static-site.ts';
import { testApp } from '../support/app.ts';
import { folderWith } from '../support/temp-dir.ts';

async function siteApp(options: { trustedProxies?: string[] } = {}) {
  const dist = folderWith(
    {
      'index.html':
        '<h1>Home</h1><script>document.documentElement.dataset.theme = "dark";</script><script type="application/json">{"a":1}</script><script type="module" src="/_astro/app.abc123.js"></script>',
      'en/index.html': '<h1>English</h1>',
      'evil.example/en/index.html': '<h1>A folder named like a host</h1>',
      '_astro/app.abc123.js': 'console.log(1)',
      '404.html': '<h1>Page not found</h1>',
      'kb-build/manifest.json': '{}',
    },
    'kb-site-',
  );
  const { app } = await testApp(options);
  mountSite(app, dist);
  return app;
}

describe('open redirect: folder redirects stay on this origin', () => {
  it('redirects a folder without its slash to the same path with one, keeping the query', async () => {
    const app = await siteApp();
    const res = await app.request('/en?x=1');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/en/?x=1');
  });

  it('never answers a Location that a browser reads as another host', async () => {
    const app = await siteApp();
    const hostile = [
      '/%2Fevil.example%2F..%2Fen',
      '/%2F%2Fevil.example%2Fen',
      '//evil.example/en',
      '///evil.example/en',
      '/%5Cevil.example/en',
      '/%5C%5Cevil.example%2Fen',
      '/%2fevil.example/en',
      '/.%2F%2Fevil.example/en',
      '/%252Fevil.example/en',
      '/en/%2E%2E/en',
    ];
    for (const path of hostile) {
      const res = await app.request(path);
      const location = res.headers.get('location');
      if (location !== null) {
        expect(location, path).toMatch(/^\/[^/\\]/);
        expect(new URL(location, 'https://kb.example').origin, path).toBe('https://kb.example');
      }
      expect([301, 404], path).toContain(res.status);
    }
  });
});

describe('hostile paths', () => {
  it('answers malformed percent-encoding with a 400 envelope and writes nothing to the log', async () => {
    const app = await siteApp();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const path of ['/%', '/%zz', '/%E0%A4%A', '/en/%C0%AF', '/_astro/%']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_request');
    }
    expect(logged).not.toHaveBeenCalled();
    logged.mockRestore();
  });

  it('answers a missing /_astro/ file with 404 that no cache keeps, and an existing one as immutable', async () => {
    const app = await siteApp();
    const missing = await app.request('/_astro/gone.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBe('no-store');
    const found = await app.request('/_astro/app.abc123.js');
    expect(found.status).toBe(200);
    expect(found.headers.get('cache-control')).toContain('immutable');
  });

  it('answers TRACE, PUT, DELETE and POST on pages with 405 and Allow: GET, HEAD', async () => {
    const app = await siteApp();
    // fetch() refuses to send TRACE, so the methods go over a real socket.
    const server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const port = (server.address() as AddressInfo).port;
    const send = (method: string) =>
      new Promise<{ status: number; allow: string | undefined }>((resolve, reject) => {
        request({ host: '127.0.0.1', port, path: '/en/', method, agent: false }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode!, allow: res.headers.allow }));
        })
          .on('error', reject)
          .end();
      });
    for (const method of ['TRACE', 'PUT', 'DELETE', 'POST', 'PATCH', 'OPTIONS'])
      expect(await send(method), method).toEqual({ status: 405, allow: 'GET, HEAD' });
    expect((await send('HEAD')).status).toBe(200);
    expect((await send('GET')).status).toBe(200);
  });

  it('keeps the build manifest private however the path is written', async () => {
    const app = await siteApp();
    for (const path of ['/kb-build/manifest.json', '//kb-build/manifest.json', '/%6Bb-build/manifest.json', '/./kb-build/manifest.json'])
      expect((await app.request(path)).status, path).toBe(404);
  });
});

describe('headers: CSP, Permissions-Policy and HSTS', () => {
  it("sends every page a CSP that allows this origin and the build's own inline scripts by hash, nothing else", async () => {
    const app = await siteApp();
    const csp = (await app.request('/')).headers.get('content-security-policy')!;
    const hash = createHash('sha256').update('document.documentElement.dataset.theme = "dark";').digest('base64');
    expect(csp).toContain(`script-src 'self' 'wasm-unsafe-eval' 'sha256-${hash}'`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("'unsafe-inline' 'sha256");
    // The 404 page gets it too; an API answer gets the CSP that allows nothing.
    expect((await app.request('/no-such-page/')).headers.get('content-security-policy')).toBe(csp);
    expect((await app.request('/api/health')).headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('sends a Permissions-Policy that turns off camera, microphone and geolocation', async () => {
    const app = await siteApp();
    const policy = (await app.request('/en/')).headers.get('permissions-policy')!;
    for (const feature of ['camera=()', 'microphone=()', 'geolocation=()']) expect(policy).toContain(feature);
  });

  it('sends HSTS only over HTTPS: never over plain HTTP, nor on an untrusted X-Forwarded-Proto', async () => {
    const app = await siteApp({ trustedProxies: ['10.0.0.1'] });
    const viaProxy = (ip: string) =>
      [{ headers: { 'x-forwarded-proto': 'https' } }, { incoming: { socket: { remoteAddress: ip } } }] as const;
    expect((await app.request('http://kb.example/en/')).headers.get('strict-transport-security')).toBeNull();
    expect((await app.request('http://kb.example/en/', ...viaProxy('203.0.113.9'))).headers.get('strict-transport-security')).toBeNull();
    expect((await app.request('http://kb.example/en/', ...viaProxy('10.0.0.1'))).headers.get('strict-transport-security')).toMatch(
      /max-age=\d+/,
    );
    expect((await app.request('https://kb.example/en/')).headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });
});

describe('/ greets in the visitor language (issue 15)', () => {
  it("redirects / to the browser's preferred language by Accept-Language, varying on it", async () => {
    const app = await siteApp();
    const zh = await app.request('/', { headers: { 'Accept-Language': 'zh-TW,zh;q=0.9,en;q=0.8' } });
    expect(zh.status).toBe(302);
    expect(zh.headers.get('location')).toBe('/zh-CN/');
    expect(zh.headers.get('vary')).toContain('Accept-Language');
    const en = await app.request('/?q=vpn', { headers: { 'Accept-Language': 'fr-FR, en-GB;q=0.7, zh;q=0.5' } });
    expect(en.headers.get('location')).toBe('/en/?q=vpn');
  });

  it('prefers the choice remembered on the device (the kb_lang cookie) over Accept-Language', async () => {
    const app = await siteApp();
    const res = await app.request('/', { headers: { 'Accept-Language': 'zh-CN', Cookie: 'theme=dark; kb_lang=en' } });
    expect(res.headers.get('location')).toBe('/en/');
  });

  it('shows the chooser page when neither names a site language', async () => {
    const app = await siteApp();
    const res = await app.request('/', { headers: { 'Accept-Language': 'fr, de;q=0.5', Cookie: 'kb_lang=fr' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<h1>Home</h1>');
    expect(res.headers.get('vary')).toContain('Cookie');
  });
});
