import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { BROWSER_UA, testApp } from '../support/app.ts';
import { defaultSecureHeaders } from '../../api/lib/middleware/secure-headers.ts';
import { queryRow } from '../support/database.ts';

// The body is read straight from the Node request under @hono/node-server; app.request()
// takes another path, so these run the app behind a real socket.
let server: ServerType;
let base: string;
let db: Awaited<ReturnType<typeof testApp>>['db'];

beforeAll(async () => {
  const built = await testApp();
  db = built.db;
  await new Promise<void>((resolve) => {
    server = serve({ fetch: built.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/votes`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'user-agent': BROWSER_UA, ...headers },
  });

describe('votes over a real socket', () => {
  it('stores a vote read from the socket', async () => {
    const res = await post(JSON.stringify({ article: 'en/reset-password', helpful: true }));
    expect(res.status).toBe(201);
    expect(await queryRow(db, 'select count(*) as n from votes')).toEqual({ n: 1 });
  });

  it('rejects a body over 16 KB with 413', async () => {
    const res = await post(JSON.stringify({ article: 'en/reset-password', helpful: false, comment: 'x'.repeat(20_000) }));
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
  });

  it('rejects an oversized chunked body that declares no length', async () => {
    const big = new TextEncoder().encode(JSON.stringify({ article: 'en/reset-password', helpful: false, comment: 'y'.repeat(20_000) }));
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(big);
        controller.close();
      },
    });
    const res = await fetch(`${base}/api/votes`, {
      method: 'POST',
      body: stream,
      duplex: 'half',
      headers: { 'content-type': 'application/json', 'user-agent': BROWSER_UA },
    } as RequestInit);
    expect(res.status).toBe(413);
  });
});

describe('secure headers over a real socket', () => {
  it('sends the secure headers once on successes and errors alike, and no HSTS over plain HTTP', async () => {
    const expected = await defaultSecureHeaders();
    expect(expected.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'x-content-type-options',
        'x-frame-options',
        'referrer-policy',
        'permissions-policy',
        'content-security-policy',
      ]),
    );
    const responses = [
      await post(JSON.stringify({ article: 'en/printer-setup', helpful: true })),
      await post(JSON.stringify({ article: 'en/printer-setup', helpful: 'maybe' })),
      await fetch(`${base}/api/no-such-endpoint`),
    ];
    expect(responses.map((r) => r.status)).toEqual([201, 400, 404]);
    for (const res of responses) {
      // A header set twice would read "nosniff, nosniff".
      for (const [name, value] of expected) expect(res.headers.get(name), name).toBe(value);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
  });
});
