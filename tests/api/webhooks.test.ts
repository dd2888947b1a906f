import { describe, expect, it } from 'vitest';
import { getTicket } from '../../api/db/queries/tickets.ts';
import { signWebhook } from '../../api/lib/webhooks/signature.ts';
import { testApp } from '../support/app.ts';
import { manualClock } from '../support/clock.ts';

const SECRET = 'zendesk-secret-0123456789';
const secrets = { zendesk: SECRET, freshdesk: 'freshdesk-secret-0123456789', zammad: 'zammad-secret-0123456789' };
const NOW = '2026-11-27T10:00:00Z';
const unix = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

const zendeskEvent = (status = 'open', updatedAt = '2026-11-27T09:00:00Z') => ({
  event: status === 'solved' ? 'ticket.solved' : 'ticket.updated',
  ticket: {
    id: 501,
    subject: 'Cannot sign in',
    description: 'Locked out',
    priority: 'high',
    status,
    requester_id: 7,
    assignee_id: 9,
    tags: ['accounts'],
    created_at: '2026-11-27T08:00:00Z',
    updated_at: updatedAt,
  },
});

function signed(body: unknown, secret = SECRET, at = NOW, headers: Record<string, string> = {}) {
  const raw = JSON.stringify(body);
  const timestamp = String(unix(at));
  return {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-kb-timestamp': timestamp,
      'x-kb-signature': signWebhook(secret, timestamp, raw),
      ...headers,
    },
    body: raw,
  };
}

async function setup() {
  const clock = manualClock(NOW);
  return { ...(await testApp({ now: clock.now, webhookSecrets: secrets })), clock };
}

describe('POST /api/webhooks/<source>', () => {
  it('upserts the Zendesk ticket of a correctly signed event', async () => {
    const { app, db } = await setup();
    const res = await app.request('/api/webhooks/zendesk', signed(zendeskEvent()));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, result: 'inserted', ticket: { source: 'zendesk', id: '501' } });
    expect(await getTicket(db, '501', 'zendesk')).toMatchObject({
      subject: 'Cannot sign in',
      status: 'open',
      topic: 'accounts',
      agent: '9',
    });
  });

  it('updates the ticket when it is solved', async () => {
    const { app, db } = await setup();
    await app.request('/api/webhooks/zendesk', signed(zendeskEvent()));
    const res = await app.request('/api/webhooks/zendesk', signed(zendeskEvent('solved', '2026-11-27T09:30:00Z')));
    expect((await res.json()).result).toBe('updated');
    expect(await getTicket(db, '501', 'zendesk')).toMatchObject({ status: 'solved', resolvedAt: '2026-11-27T09:30:00.000Z' });
  });

  it('refuses a signature made with the wrong secret with 401', async () => {
    const { app, db } = await setup();
    const res = await app.request('/api/webhooks/zendesk', signed(zendeskEvent(), 'not-the-secret-0123456789'));
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('bad_signature');
    expect(await getTicket(db, '501', 'zendesk')).toBeNull();
  });

  it('refuses a body changed after signing with 401', async () => {
    const { app } = await setup();
    const request = signed(zendeskEvent());
    const res = await app.request('/api/webhooks/zendesk', { ...request, body: request.body.replace('Cannot sign in', 'Changed') });
    expect(res.status).toBe(401);
  });

  it('refuses a request without signature headers with 401', async () => {
    const { app } = await setup();
    const res = await app.request('/api/webhooks/zendesk', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(zendeskEvent()),
    });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('missing_signature');
  });

  it('refuses a timestamp older than five minutes as a replay', async () => {
    const { app, clock } = await setup();
    const request = signed(zendeskEvent());
    clock.advance(5 * 60 * 1000 + 1000);
    const res = await app.request('/api/webhooks/zendesk', request);
    expect(res.status).toBe(401);
    const { error } = await res.json();
    expect(error.code).toBe('stale_timestamp');
    expect(error.message).toMatch(/301 s old; at most 300 s/);
  });

  it('acknowledges a redelivery without writing again', async () => {
    const { app, db, clock } = await setup();
    await app.request('/api/webhooks/zendesk', signed(zendeskEvent()));
    const before = await db.selectFrom('tickets').select('updated_at').executeTakeFirstOrThrow();
    clock.advance(60_000);
    const res = await app.request('/api/webhooks/zendesk', signed(zendeskEvent(), SECRET, new Date(clock.now()).toISOString()));
    expect(await res.json()).toEqual({ ok: true, result: 'duplicate', ticket: { source: 'zendesk', id: '501' } });
    expect(await db.selectFrom('tickets').select('updated_at').executeTakeFirstOrThrow()).toEqual(before);
  });

  it('does not roll a ticket back when an older event arrives late', async () => {
    const { app, db } = await setup();
    await app.request('/api/webhooks/zendesk', signed(zendeskEvent('solved', '2026-11-27T09:30:00Z')));
    const res = await app.request('/api/webhooks/zendesk', signed(zendeskEvent('open', '2026-11-27T09:00:00Z')));
    expect((await res.json()).result).toBe('stale');
    expect(await getTicket(db, '501', 'zendesk')).toMatchObject({ status: 'solved' });
  });

  it('maps a Freshdesk automation event with numeric codes', async () => {
    const { app, db } = await setup();
    const body = {
      event: 'ticket_created',
      ticket: {
        id: 88,
        subject: 'VPN down',
        description_text: 'No VPN',
        status: 2,
        priority: 4,
        source: 3,
        requester_id: 5,
        created_at: '2026-11-27T09:00:00Z',
        updated_at: '2026-11-27T09:00:00Z',
      },
    };
    const res = await app.request('/api/webhooks/freshdesk', signed(body, secrets.freshdesk));
    expect(res.status).toBe(200);
    expect(await getTicket(db, '88', 'freshdesk')).toMatchObject({ status: 'open', priority: 'urgent', channel: 'phone' });
  });

  it('maps a Zammad trigger webhook with its article', async () => {
    const { app, db } = await setup();
    const body = {
      ticket: {
        id: 4,
        number: '31004',
        title: 'Mail bounces',
        state: 'closed',
        priority: '2 normal',
        group: 'Users',
        customer: 'nicole@example.com',
        owner: 'agent@example.com',
        created_at: '2026-11-27T08:00:00Z',
        updated_at: '2026-11-27T09:00:00Z',
        close_at: '2026-11-27T09:00:00Z',
      },
      article: { type: 'email', sender: 'Customer', subject: 'Mail bounces', body: 'All my mails bounce.' },
    };
    const res = await app.request('/api/webhooks/zammad', signed(body, secrets.zammad, NOW, { 'x-zammad-delivery': 'd-1' }));
    expect(res.status).toBe(200);
    expect(await getTicket(db, '31004', 'zammad')).toMatchObject({
      status: 'closed',
      topic: 'users',
      description: 'All my mails bounce.',
      channel: 'email',
      closedAt: '2026-11-27T09:00:00.000Z',
    });
  });

  it('names the invalid field of a signed event that does not fit the canonical ticket', async () => {
    const { app } = await setup();
    const body = zendeskEvent();
    body.ticket.subject = '';
    const res = await app.request('/api/webhooks/zendesk', signed(body));
    expect(res.status).toBe(400);
    expect((await res.json()).error.details).toEqual([expect.objectContaining({ field: 'ticket.subject' })]);
  });

  it('answers 404 for an unknown source', async () => {
    const { app } = await setup();
    expect((await app.request('/api/webhooks/jira', signed(zendeskEvent()))).status).toBe(404);
  });

  it('answers 404 for a source without a configured secret', async () => {
    const { app } = await testApp({ webhookSecrets: { zendesk: SECRET } });
    const res = await app.request('/api/webhooks/zammad', signed({ ticket: {} }, 'anything-0123456789'));
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toMatch(/not enabled/);
  });
});
