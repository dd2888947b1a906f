/**
 * The e-mail a customer gets about a request (issue 16), in the request's language: "request
 * received" (with the private link), "new reply" and "resolved — did this solve your
 * problem?". Plain text: nothing from the customer or staff is ever interpreted as markup.
 */
import type { Lang } from '../../../core/content/article.ts';
import type { OutgoingMail, RequestMailKind } from '../../db/queries/mail-outbox.ts';

export interface MailFacts {
  ref: string;
  subject: string;
  /** The private link, absolute. */
  url: string;
  /** The staff reply, for "new reply". */
  reply?: string;
}

type Template = (f: MailFacts) => { subject: string; body: string };

const TEMPLATES: Record<Lang, Record<RequestMailKind, Template>> = {
  en: {
    received: (f) => ({
      subject: `[${f.ref}] We have your request: ${f.subject}`,
      body: `Hello,\n\nwe have received your request "${f.subject}" (reference ${f.ref}) and will reply as soon as we can.\n\nFollow it, read our replies and answer them on its private page:\n${f.url}\n\nKeep this link to yourself: anyone who has it can read the request.\n\nThe support team`,
    }),
    reply: (f) => ({
      subject: `[${f.ref}] New reply: ${f.subject}`,
      body: `Hello,\n\nthe support team has replied to your request ${f.ref}:\n\n${f.reply ?? ''}\n\nAnswer on the request's page:\n${f.url}\n\nThe support team`,
    }),
    resolved: (f) => ({
      subject: `[${f.ref}] Resolved — did this solve your problem?`,
      body: `Hello,\n\nwe have marked your request "${f.subject}" (${f.ref}) as resolved.\n\nDid this solve your problem? Tell us and rate our help from 1 to 5 on the request's page:\n${f.url}\n\nIf it is not solved, say so there and we will reopen it. Without an answer the request closes after 7 days.\n\nThe support team`,
    }),
  },
  'zh-CN': {
    received: (f) => ({
      subject: `[${f.ref}] 我们已收到您的请求：${f.subject}`,
      body: `您好：\n\n我们已收到您的请求“${f.subject}”（编号 ${f.ref}），会尽快回复。\n\n在专属页面上查看进度、阅读并回复我们的答复：\n${f.url}\n\n请妥善保管此链接：任何拿到链接的人都能查看该请求。\n\n客服团队`,
    }),
    reply: (f) => ({
      subject: `[${f.ref}] 新回复：${f.subject}`,
      body: `您好：\n\n客服团队回复了您的请求 ${f.ref}：\n\n${f.reply ?? ''}\n\n在请求页面上回复：\n${f.url}\n\n客服团队`,
    }),
    resolved: (f) => ({
      subject: `[${f.ref}] 已解决——问题解决了吗？`,
      body: `您好：\n\n您的请求“${f.subject}”（${f.ref}）已标记为已解决。\n\n问题解决了吗？请在请求页面上告诉我们，并为我们的服务打 1–5 分：\n${f.url}\n\n如果没有解决，请在页面上说明，我们会重新处理。7 天内未答复，请求将自动关闭。\n\n客服团队`,
    }),
  },
};

/** The message of `kind` about a request, in `lang`. */
export function requestMail(kind: RequestMailKind, lang: Lang, to: string, facts: MailFacts): OutgoingMail {
  const { subject, body } = TEMPLATES[lang][kind](facts);
  return { to, subject, body, kind, ticketId: facts.ref };
}

/** A stored body with every private link's key blanked: what stays in the outbox once sent. */
export const withoutKeys = (body: string) => body.replace(/([?&]k=)[A-Za-z0-9_-]+/g, '$1…');
