/**
 * The checks POST /api/contact makes (core/contracts/contact.ts), done in the page first so
 * the visitor hears about a problem next to the field instead of after a round trip.
 * Lengths count UTF-16 code units, as zod and the HTML `minlength`/`maxlength` do.
 */
import { DESCRIPTION_MAX, DESCRIPTION_MIN, EMAIL_MAX, EMAIL_PATTERN, SUBJECT_MAX, SUBJECT_MIN } from './contact-limits.ts';

export const CONTACT_FIELDS = ['subject', 'description', 'email'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];
export type FieldProblem = 'required' | 'tooShort' | 'tooLong' | 'email';

export interface ContactInput {
  subject: string;
  description: string;
  email: string;
}

export interface InputProblem {
  field: ContactField;
  problem: FieldProblem;
}

function lengthProblem(value: string, min: number, max: number): FieldProblem | null {
  if (value.length === 0) return 'required';
  if (value.length < min) return 'tooShort';
  if (value.length > max) return 'tooLong';
  return null;
}

/**
 * Every problem of the given fields, in form order; an empty list means the request can
 * be sent. `fields` limits the check to the fields the form has (the helpdesk form only
 * asks for the subject).
 */
export function contactProblems(input: Partial<ContactInput>, fields: readonly ContactField[] = CONTACT_FIELDS): InputProblem[] {
  const problems: InputProblem[] = [];
  const check = (field: ContactField, problem: FieldProblem | null) => {
    if (problem && fields.includes(field)) problems.push({ field, problem });
  };
  check('subject', lengthProblem((input.subject ?? '').trim(), SUBJECT_MIN, SUBJECT_MAX));
  check('description', lengthProblem((input.description ?? '').trim(), DESCRIPTION_MIN, DESCRIPTION_MAX));
  const email = (input.email ?? '').trim();
  check('email', email.length === 0 ? 'required' : email.length > EMAIL_MAX ? 'tooLong' : EMAIL_PATTERN.test(email) ? null : 'email');
  return problems;
}
