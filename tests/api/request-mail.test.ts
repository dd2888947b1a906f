/** The requests inbox's e-mail through a real SMTP server started by the test (issue 16). */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ADMIN_TOKEN, testApp, visitorRequest } from '../support/app.ts';
import { manualClock } from '../support/clock.ts';
import { eventually } from '../support/eventually.ts';
import { smtpReceiver } from '../support/smtp.ts';
import { mailSettings } from '../../api/lib/mail/smtp.ts';
import { MailOutbox, retryDelayMs } from '../../api/lib/mail/outbox.ts';
import { mailOfTicket } from '../../api/db/queries/mail-outbox.ts';

let smtp: Awaited<ReturnType<typeof smtpReceiver>>;
beforeAll(async () => {
  smtp = await smtpReceiver();
});
afterAll(() => smtp.close());

const SITE = 'https://help.example.com';

async function setup(lang: 'en' | 'zh-CN' = 'en') {
  smtp.mails.length = 0;
  smtp.reject(0);
  const clock = manualClock('2026-12-01T02:00:00Z');
  const mail = mailSettings({ smtpUrl: smtp.url, from: 'Help Center <help@example.com>' }, SITE);
  const t = await testApp({ now: clock.now, mail });
  const [request, env] = visitorRequest({
    subject: lang === 'en' ? 'Print preview is blank' : '打印预览是空白的',
    description: lang === 'en' ? 'Since the update, print preview shows an empty page.' : '更新之后，打印预览的每一页都是空白的。',
    email: 'li.wei@example.com',
    lang,
  });
  const res = await t.app.request('/api/contact', request, env);
  const created = (await res.json()) as { ref: string; url: string; mail: boolean };
  const act = (body: unknown) =>
    t.app.request(`/api/requests/${created.ref}/actions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify(body),
    });
  const reply = (body: string) =>
    t.app.request(`/api/requests/${created.ref}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ body }),
    });
  return { ...t, clock, mail, created, act, reply };
}

const linkIn = (text: string) => /https:\/\/help\.example\.com(\/\S+)/.exec(text)?.[1];

describe('request e-mail', () => {
  it('sends "request received" with the private link, which opens the request', async () => {
    const { app, created } = await setup();
    expect(created.mail).toBe(true);
    const mails = await eventually(
      () => smtp.mails,
      (m) => m.length >= 1,
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      to: ['li.wei@example.com'],
      subject: `[${created.ref}] We have your request: Print preview is blank`,
    });
    const link = linkIn(mails[0]!.text)!;
    expect(link).toBe(created.url);
    expect((await app.request(`/api/requests/${created.ref}?k=${new URL(link, SITE).searchParams.get('k')}`)).status).toBe(200);
  });

  it('keeps no key in the outbox once a message is sent', async () => {
    const { db, created } = await setup();
    await eventually(
      () => smtp.mails,
      (m) => m.length >= 1,
    );
    // Marked sent right after the server took it.
    let rows = await mailOfTicket(db, created.ref);
    for (let i = 0; i < 50 && rows[0]!.sentAt === null; i++) {
      await new Promise((r) => setTimeout(r, 50));
      rows = await mailOfTicket(db, created.ref);
    }
    expect(rows[0]!.sentAt).not.toBeNull();
    expect(rows[0]!.body).toContain(`/en/requests/${created.ref}/?k=…`);
    expect(rows[0]!.body).not.toContain(new URL(created.url, SITE).searchParams.get('k')!);
  });

  it('sends "new reply" with the reply and a link of its own', async () => {
    const { app, created, reply } = await setup();
    await eventually(
      () => smtp.mails,
      (m) => m.length >= 1,
    );
    await reply('Please clear the print cache and try again.');
    const mails = await eventually(
      () => smtp.mails,
      (m) => m.length >= 2,
    );
    expect(mails[1]!.subject).toBe(`[${created.ref}] New reply: Print preview is blank`);
    expect(mails[1]!.text).toContain('Please clear the print cache and try again.');
    const link = linkIn(mails[1]!.text)!;
    expect(link).not.toBe(created.url);
    expect((await app.request(`/api/requests/${created.ref}?k=${new URL(link, SITE).searchParams.get('k')}`)).status).toBe(200);
  });

  it('sends "resolved — did this solve your problem?" in the request\'s language', async () => {
    const { created, act } = await setup('zh-CN');
    await eventually(
      () => smtp.mails,
      (m) => m.length >= 1,
    );
    expect(smtp.mails[0]!.subject).toBe(`[${created.ref}] 我们已收到您的请求：打印预览是空白的`);
    await act({ action: 'resolve', asNew: true });
    const mails = await eventually(
      () => smtp.mails,
      (m) => m.length >= 2,
    );
    expect(mails[1]!.subject).toBe(`[${created.ref}] 已解决——问题解决了吗？`);
    expect(mails[1]!.text).toContain('打 1–5 分');
    expect(linkIn(mails[1]!.text)).toMatch(new RegExp(`^/zh-CN/requests/${created.ref}/\\?k=`));
  });

  it('retries a message the server refused, with backoff, and never logs the key', async () => {
    smtp.mails.length = 0;
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const clock = manualClock('2026-12-01T02:00:00Z');
      const mail = mailSettings({ smtpUrl: smtp.url, from: 'help@example.com' }, SITE);
      // The app without e-mail stores nothing; this one stores, and its own sender is the one under test.
      const t = await testApp({ now: clock.now, mail: { ...mail, transport: { sendMail: () => new Promise(() => {}) } } });
      const [request, env] = visitorRequest({
        subject: 'VPN drops',
        description: 'The VPN drops every ten minutes.',
        email: 'a@example.com',
        lang: 'en',
      });
      const created = (await (await t.app.request('/api/contact', request, env)).json()) as { ref: string; url: string };
      const key = new URL(created.url, SITE).searchParams.get('k')!;
      // The app's own sender hangs on the message (a transport that never answers) holding its lease; a second replica takes over after it.
      clock.advance(121_000);
      const outbox = new MailOutbox(t.db, mail, clock.now);
      smtp.reject(1);
      expect(await outbox.sendDue()).toEqual({ sent: 0, failed: 1 });
      // Attempt 2 (the hung sender's was 1) failed: the next waits retryDelayMs(2) = 1 minute.
      expect(await outbox.sendDue()).toEqual({ sent: 0, failed: 0 });
      clock.advance(retryDelayMs(2));
      expect(await outbox.sendDue()).toEqual({ sent: 1, failed: 0 });
      expect(smtp.mails).toHaveLength(1);
      const logged = errors.mock.calls.flat().join(' ');
      expect(logged).toContain(created.ref);
      expect(logged).not.toContain(key);
    } finally {
      errors.mockRestore();
    }
  });
});
