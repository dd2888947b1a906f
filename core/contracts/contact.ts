/**
 * POST /api/contact: a visitor's request for help from the contact page, sent as JSON by
 * the page's script or as a plain HTML form without it. The bounds live in
 * core/contracts/contact-limits.ts so the page checks the same ones before sending.
 */
import { z } from './zod.ts';
import { LANGS } from '../content/article.ts';
import { cleanTextSchema } from './clean-text.ts';
import { DESCRIPTION_MAX, DESCRIPTION_MIN, EMAIL_MAX, EMAIL_PATTERN, HONEYPOT_FIELD, SUBJECT_MAX, SUBJECT_MIN } from './contact-limits.ts';

export const contactRequestSchema = z
  .object({
    /** The problem in a few words; becomes the ticket's subject. */
    subject: z
      .string({ required_error: 'required' })
      .pipe(
        cleanTextSchema({
          min: SUBJECT_MIN,
          max: SUBJECT_MAX,
          minMessage: `must be at least ${SUBJECT_MIN} characters`,
          maxMessage: `must be at most ${SUBJECT_MAX} characters`,
        }),
      )
      .openapi({ example: 'Print preview is blank' }),
    /** What happened, what was tried; becomes the ticket's description. */
    description: z.string({ required_error: 'required' }).pipe(
      cleanTextSchema({
        min: DESCRIPTION_MIN,
        max: DESCRIPTION_MAX,
        minMessage: `must be at least ${DESCRIPTION_MIN} characters`,
        maxMessage: `must be at most ${DESCRIPTION_MAX} characters`,
      }),
    ),
    /** Where the support team replies; stored as the ticket's requester. */
    email: z
      .string({ required_error: 'required' })
      .trim()
      .max(EMAIL_MAX, `must be at most ${EMAIL_MAX} characters`)
      .regex(EMAIL_PATTERN, 'must be an email address such as name@example.com')
      .openapi({ example: 'li.wei@example.com' }),
    /** The page language: the ticket's language and where a form post is sent back to. */
    lang: z.enum(LANGS),
    /** The honeypot (see limits.ts): must stay empty. */
    [HONEYPOT_FIELD]: z.string().max(1000).optional().openapi({ description: 'Leave empty (spam trap)' }),
  })
  .strict()
  .openapi('ContactRequest');

export type ContactRequest = z.infer<typeof contactRequestSchema>;

/** The fields a contact form posts; anything else in a form body is ignored (browsers add the submit button's name). */
export const CONTACT_FORM_FIELDS = ['subject', 'description', 'email', 'lang', HONEYPOT_FIELD] as const;

export const contactCreatedSchema = z
  .object({
    ok: z.literal(true),
    ref: z.string().openapi({ example: 'WEB-2026-000123', description: 'The ticket reference to quote in replies' }),
    url: z.string().openapi({
      example: '/en/requests/WEB-2026-000123/?k=3q2-7wEAAAB…',
      description: "The request's private page: status, conversation, replies and the survey (keep it: the key is not stored in the clear)",
    }),
    /** Whether the server sends e-mail (KB_SMTP_URL); false: the private page is the only way replies reach the customer. */
    mail: z.boolean(),
  })
  .openapi('ContactCreated');
