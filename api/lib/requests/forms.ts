/**
 * The customer's plain form posts (no JavaScript needed, issue 16): the reply and the survey
 * of the request page. The page's forms have no action, so the browser posts them to the
 * page's own address, /<lang>/requests/<ref>/?k=<key>, which carries the reference and the
 * key; POST /api/requests/<ref>/messages and /survey take the same fields with `k` in the body.
 * Each answers with a 303 back to the page (Post/Redirect/Get), the outcome in its query.
 */
import type { TicketsTable } from '../../db/schema.ts';
import type { RequestInbox } from './inbox.ts';
import { ApiError } from '../http/errors.ts';
import { requestPageUrl } from './keys.ts';
import { plainText } from '../../../core/text/plain-text.ts';
import { requestMessageSchema, requestSurveySchema } from '../../../core/contracts/requests.ts';

export const FORM_FIELDS = ['form', 'k', 'body', 'solved', 'rating', 'comment'] as const;
export type FormFields = Partial<Record<(typeof FORM_FIELDS)[number], string>>;

/** The fields of a URL-encoded body that a request form posts. */
export function readFormFields(text: string): FormFields {
  const params = new URLSearchParams(text);
  return Object.fromEntries(FORM_FIELDS.filter((f) => params.has(f)).map((f) => [f, params.get(f)!]));
}

/** Where a form post goes back to: the request's page with the outcome. */
export const backToPage = (row: TicketsTable, key: string, outcome: string, anchor: string) =>
  `${requestPageUrl(row.lang === 'zh-CN' ? 'zh-CN' : 'en', row.id, key)}&${outcome}#${anchor}`;

/** The customer's reply from a form: the page's address to go back to. */
export async function replyByForm(inbox: RequestInbox, row: TicketsTable, key: string, fields: FormFields): Promise<string> {
  const parsed = requestMessageSchema.safeParse({ k: key, body: fields.body ?? '' });
  if (!parsed.success) return backToPage(row, key, 'error=invalid', 'reply');
  try {
    await inbox.apply(
      row.id,
      { type: 'customer-reply' },
      { action: 'customer-reply', actor: 'customer', message: { kind: 'customer', body: plainText(parsed.data.body)! } },
    );
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) return backToPage(row, key, 'error=closed', 'reply');
    throw error;
  }
  return backToPage(row, key, 'sent=1', 'conversation');
}

/** The survey from a form (solved=yes|no, rating 1–5, comment). */
export async function surveyByForm(inbox: RequestInbox, row: TicketsTable, key: string, fields: FormFields): Promise<string> {
  const parsed = requestSurveySchema.safeParse({
    k: key,
    solved: fields.solved === 'yes' ? true : fields.solved === 'no' ? false : undefined,
    rating: fields.rating ? Number(fields.rating) : undefined,
    comment: fields.comment || undefined,
  });
  if (!parsed.success) return backToPage(row, key, 'error=survey', 'survey');
  try {
    await inbox.answerSurvey(row.id, { solved: parsed.data.solved, rating: parsed.data.rating, comment: plainText(parsed.data.comment) });
  } catch (error) {
    // Answered already (another tab), or not resolved any more: the page shows the request as it is.
    if (!(error instanceof ApiError && error.status === 409)) throw error;
  }
  return backToPage(row, key, 'surveyed=1', 'survey');
}
