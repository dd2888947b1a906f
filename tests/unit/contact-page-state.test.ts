/** The contact page's address after a form post: built by the API, read by the page. */
import { describe, expect, it } from 'vitest';
import { contactOutcomeOf, contactOutcomeUrl, type ContactOutcome } from '../../core/contracts/contact-outcome.ts';

describe('contactOutcomeUrl', () => {
  it('carries the reference and targets the sent message', () => {
    expect(contactOutcomeUrl('zh-CN', { kind: 'sent', ref: 'WEB-2026-000123' })).toBe('/zh-CN/contact/?ref=WEB-2026-000123#contact-sent');
  });

  it('says "sent" without a reference when there is none', () => {
    expect(contactOutcomeUrl('en', { kind: 'sent', ref: null })).toBe('/en/contact/?sent=1#contact-sent');
  });

  it('names the error and the fields, and targets the error message', () => {
    expect(contactOutcomeUrl('en', { kind: 'error', error: 'invalid', fields: ['subject', 'email'] })).toBe(
      '/en/contact/?error=invalid&fields=subject%2Cemail#contact-error-invalid',
    );
    expect(contactOutcomeUrl('en', { kind: 'error', error: 'rate_limited', fields: [] })).toBe(
      '/en/contact/?error=rate_limited#contact-error-rate_limited',
    );
  });
});

describe('contactOutcomeOf', () => {
  it('reads back every outcome the API sends', () => {
    const outcomes: ContactOutcome[] = [
      { kind: 'sent', ref: 'WEB-2026-000123', key: 'k7YwuIHakZZ9L2Ooosoy0E8GCaiaBWr2', mail: true },
      { kind: 'sent', ref: 'WEB-2027-1000000', key: null, mail: false },
      { kind: 'sent', ref: null },
      { kind: 'error', error: 'invalid', fields: ['description'] },
      { kind: 'error', error: 'unavailable', fields: [] },
    ];
    for (const outcome of outcomes) {
      const url = new URL(contactOutcomeUrl('en', outcome), 'http://kb.example');
      expect(contactOutcomeOf(url.search)).toEqual(outcome);
    }
  });

  it('is null for a plain visit', () => {
    expect(contactOutcomeOf('')).toBeNull();
    expect(contactOutcomeOf('?q=printer')).toBeNull();
  });

  it('ignores what the API never sends: other references, unknown errors, unknown fields', () => {
    expect(contactOutcomeOf('?ref=<script>')).toBeNull();
    expect(contactOutcomeOf('?ref=WEB-2026-12')).toBeNull();
    expect(contactOutcomeOf('?error=hacked')).toBeNull();
    expect(contactOutcomeOf('?error=invalid&fields=email,password,lang')).toEqual({ kind: 'error', error: 'invalid', fields: ['email'] });
  });
});
