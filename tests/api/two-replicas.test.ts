/**
 * Two API replicas as processes (issue 13; docs/design.md §6): two `api/server.ts --api-only`
 * children on one PostgreSQL database, and a third, alone, on another. A scripted day of
 * traffic (page views, searches and clicks, contact sessions with suggestions and requests,
 * votes and re-votes, helpdesk tickets, links) goes to both setups at once: each visitor's
 * requests alternate between the two replicas, and the same requests go to the lone process.
 * Every metric and every vote summary must then be equal on both replicas and the lone
 * process. Then a burst of votes alternates between the replicas, one is killed with SIGKILL
 * in the middle, the other keeps serving (what the killed one refused is sent to it, as a
 * load balancer retries a refused connection), and every acknowledged vote is stored.
 * PostgreSQL only (vitest.config.ts POSTGRES_ONLY): SQLite is one process's database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhook } from '../../api/lib/webhooks/signature.ts';
import { exited, startApiProcess, type ApiProcess } from '../../scripts/lib/api-process.ts';
import { BROWSER_UA } from '../support/app.ts';
import { manifestArticle, writeManifest } from '../support/catalog.ts';
import { freshServerDatabase, queryColumn, type ServerDatabase } from '../support/database.ts';

const ARTICLES = [
  manifestArticle('en/reset-password', { topic: 'accounts' }),
  manifestArticle('en/printer-setup', { type: 'manual', topic: 'reports' }),
  manifestArticle('en/export-limits', { topic: 'reports' }),
  manifestArticle('zh-CN/reset-password', { topic: 'accounts' }),
];
const ADMIN = 'two-replicas-admin-token-0123456789';
const SECRET = 'zendesk-secret-0123456789';
const VISITORS = 48;

let dir: string;
const servers: ApiProcess[] = [];
let replicas: [ApiProcess, ApiProcess];
let single: ApiProcess;
let shared: ServerDatabase;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kb-two-replicas-'));
  const distDir = join(dir, 'dist');
  writeManifest(distDir, ARTICLES);
  shared = await freshServerDatabase(dir);
  const alone = await freshServerDatabase(dir);
  const env = (database: ServerDatabase) => ({
    ...database.env,
    KB_DIST_DIR: distDir,
    KB_TRUSTED_PROXIES: '127.0.0.1',
    KB_ADMIN_TOKEN: ADMIN,
    KB_WEBHOOK_SECRET_ZENDESK: SECRET,
    KB_METRICS_CACHE_SECONDS: '0',
  });
  // The two replicas start at the same moment on the new database: one migrates, the other waits.
  const started = await Promise.all(
    [shared, shared, alone].map((db) => startApiProcess({ apiOnly: true, env: env(db), timeoutMs: 45_000 })),
  );
  servers.push(...started);
  replicas = [started[0]!, started[1]!];
  single = started[2]!;
}, 60_000);

afterAll(() => {
  for (const { child } of servers) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** One request of the script: a path and how to send it, from a visitor (an address behind the trusted proxy). */
interface Step {
  path: string;
  init: RequestInit;
}

const visitorHeaders = (visitor: number, type = 'application/json') => ({
  'content-type': type,
  'user-agent': BROWSER_UA,
  'x-forwarded-for': `198.18.${visitor >> 8}.${visitor & 255}`,
});
const json = (visitor: number, path: string, body: unknown): Step => ({
  path,
  init: { method: 'POST', headers: visitorHeaders(visitor), body: JSON.stringify(body) },
});
const events = (visitor: number, list: unknown[]) =>
  ({
    path: '/api/events',
    init: { method: 'POST', headers: visitorHeaders(visitor, 'text/plain'), body: JSON.stringify({ events: list }) },
  }) as Step;

function webhook(ticket: number, status: string, updatedAt: string): Step {
  const body = JSON.stringify({
    event: status === 'solved' ? 'ticket.solved' : 'ticket.updated',
    ticket: {
      id: ticket,
      subject: `Printer question ${ticket}`,
      description: 'It prints blank pages',
      priority: 'normal',
      status,
      requester_id: ticket % 7,
      assignee_id: 9,
      tags: ['reports'],
      created_at: '2026-11-27T08:00:00Z',
      updated_at: updatedAt,
    },
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  return {
    path: '/api/webhooks/zendesk',
    init: {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kb-timestamp': timestamp, 'x-kb-signature': signWebhook(SECRET, timestamp, body) },
      body,
    },
  };
}

const staff = (path: string, body: unknown): Step => ({
  path,
  init: { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` }, body: JSON.stringify(body) },
});

/** Visitor v's part of the day, in order. */
function visitorDay(v: number): Step[] {
  const article = ARTICLES[v % ARTICLES.length]!;
  const lang = article.id.startsWith('zh-CN') ? 'zh-CN' : 'en';
  const query = ['reset password', 'printer blank', 'export limit', 'vpn', 'license'][v % 5]!;
  const steps: Step[] = [events(v, [{ type: 'page_view', article: article.id, lang }])];
  steps.push(events(v, [{ type: 'search', query, results: v % 3, lang }]));
  if (v % 3 !== 0) steps.push(events(v, [{ type: 'search_click', query, article: article.id, rank: 1 + (v % 2), lang }]));
  if (v % 4 === 0) {
    steps.push(events(v, [{ type: 'contact_view', lang }]));
    steps.push(events(v, [{ type: 'suggestion_shown', query, articles: [article.id], lang }]));
    if (v % 8 === 0) steps.push(events(v, [{ type: 'contact_solved', article: article.id, lang }]));
    else
      steps.push(
        json(v, '/api/contact', {
          subject: `Help with ${query}`,
          description: `Visitor ${v} still needs help with ${query}.`,
          email: `v${v}@example.com`,
          lang,
        }),
      );
  }
  steps.push(json(v, '/api/votes', { article: article.id, helpful: v % 3 !== 1, lang }));
  // A re-vote of the day replaces the first.
  if (v % 5 === 0)
    steps.push(json(v, '/api/votes', { article: article.id, helpful: v % 3 === 1, lang, ...(v % 3 === 1 ? {} : { reason: 'unclear' }) }));
  if (v % 6 === 0) {
    steps.push(webhook(5000 + v, 'open', '2026-11-27T09:00:00Z'));
    steps.push(webhook(5000 + v, 'solved', '2026-11-27T09:30:00Z'));
    steps.push(staff('/api/links', { ticket: String(5000 + v), source: 'zendesk', article: article.id, relation: 'solved-by' }));
  }
  return steps;
}

async function send(base: string, step: Step): Promise<number> {
  const res = await fetch(`${base}${step.path}`, step.init);
  await res.arrayBuffer();
  return res.status;
}

async function get(base: string, path: string): Promise<unknown> {
  const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${ADMIN}` } });
  expect(res.status, `${path} on ${base}`).toBe(200);
  return res.json();
}

describe('two replicas on one PostgreSQL database', () => {
  it('give every metric and vote summary one process gives for the same day, sent alternately', { timeout: 90_000 }, async () => {
    // Visitors four at a time; each visitor's k-th request to replica k % 2 and to the lone process.
    let next = 0;
    const worker = async () => {
      for (let v = next++; v < VISITORS; v = next++) {
        for (const [k, step] of visitorDay(v).entries()) {
          const statuses = await Promise.all([send(replicas[(v + k) % 2]!.origin, step), send(single.origin, step)]);
          expect(statuses[0], `${step.path} ${String(step.init.body)}`).toBeLessThan(300);
          expect(statuses[0]).toBe(statuses[1]);
        }
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));

    const list = (await get(single.origin, '/api/metrics')) as { metrics: Array<{ id: string }> };
    const paths = [
      '/api/metrics/summary',
      ...list.metrics.map((m) => `/api/metrics/${m.id}`),
      ...ARTICLES.map((a) => `/api/votes/summary?article=${encodeURIComponent(a.id)}`),
    ];
    expect(paths.length).toBeGreaterThan(10);
    // Not an empty day: votes counted, and each visitor's events form one session on the replicas' database too.
    const summary = (await get(single.origin, `/api/votes/summary?article=en%2Freset-password`)) as { helpful: number; notHelpful: number };
    expect(summary.helpful + summary.notHelpful).toBeGreaterThan(5);
    const opened = shared.open();
    try {
      expect(await queryColumn(opened.db, 'select count(distinct session) from events')).toEqual([VISITORS]);
      expect(await queryColumn(opened.db, 'select count(distinct visitor) from events')).toEqual([VISITORS]);
      expect(((await queryColumn<number>(opened.db, 'select count(*) from tickets')) as number[])[0]).toBeGreaterThan(10);
    } finally {
      await opened.close();
    }
    for (const path of paths) {
      const alone = await get(single.origin, path);
      // Each replica folds the roll-ups on its own request: the answer must not depend on which.
      expect(await get(replicas[0].origin, path), path).toEqual(alone);
      expect(await get(replicas[1].origin, path), path).toEqual(alone);
    }
  });

  it('keep serving when one is killed with SIGKILL mid-burst, and keep every acknowledged vote', { timeout: 60_000 }, async () => {
    const [doomed, survivor] = replicas;
    const acknowledged: string[] = [];
    let killed = false;
    let servedAfterKill = 0;
    let next = 0;
    const TOTAL = 400;
    const worker = async () => {
      for (let i = next++; i < TOTAL; i = next++) {
        const comment = `failover-${i}`;
        const step = json(10_000 + i, '/api/votes', { article: ARTICLES[i % ARTICLES.length]!.id, helpful: false, comment });
        const targets = i % 2 === 0 ? [doomed, survivor] : [survivor];
        for (const target of targets) {
          let status: number;
          try {
            status = await send(target.origin, step);
          } catch (error) {
            // No answer: only the killed replica may fail, and the load balancer sends the vote on.
            if (!killed || target !== doomed) throw error;
            continue;
          }
          expect(status).toBeLessThan(300);
          acknowledged.push(comment);
          if (killed && target === survivor) servedAfterKill++;
          if (!killed && acknowledged.length >= 150) {
            killed = true;
            doomed.child.kill('SIGKILL');
          }
          break;
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    await exited(doomed.child);
    expect(doomed.child.signalCode).toBe('SIGKILL');
    expect(servedAfterKill).toBeGreaterThan(100);
    expect((await fetch(`${survivor.origin}/api/health`)).status).toBe(200);

    const opened = shared.open();
    try {
      const stored = new Set(await queryColumn<string>(opened.db, "select comment from votes where comment like 'failover-%'"));
      const missing = acknowledged.filter((c) => !stored.has(c));
      expect(missing, `${missing.length} of ${acknowledged.length} acknowledged votes are missing`).toEqual([]);
      expect(acknowledged.length).toBe(TOTAL);
    } finally {
      await opened.close();
    }
  });
});
