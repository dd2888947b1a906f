/**
 * The texts the contact script shows after the page has loaded. ContactForm.astro fills
 * them from site/i18n/ui.ts in the page language and embeds them as JSON, so the script
 * ships neither dictionary.
 */
import type { ContactField, FieldProblem } from '../../../core/contracts/contact-checks.ts';

export interface ContactStrings {
  /** The button on every suggestion. */
  solvedButton: string;
  /** Spoken when suggestions appear: "{n} articles may answer your question". */
  suggestionsCount: string;
  /** The singular form. */
  suggestionsCountOne: string;
  /** Shown while the request is on its way. */
  sending: string;
  /** The request could not be sent (network, server error). */
  error: string;
  /** Too many requests: "Please wait {s} seconds and send again." */
  rateLimited: string;
  /** Some fields need attention (above the form, next to the button). */
  fixFields: string;
  /** The message of each field problem, by field and problem; `{min}`/`{max}` filled in. */
  problems: Record<ContactField, Partial<Record<FieldProblem, string>>>;
}

/** Fills `{name}` placeholders. */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

/** "3 articles may answer your question", or the singular for one. */
export function suggestionsCountText(strings: ContactStrings, n: number): string {
  return n === 1 ? strings.suggestionsCountOne : fill(strings.suggestionsCount, { n });
}
