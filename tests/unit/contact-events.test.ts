/** The contact page's events are always within the API's event schema. */
import { describe, expect, it } from 'vitest';
import { eventSchema } from '../../core/contracts/events.ts';
import {
  contactSolvedEvent,
  contactSubmittedEvent,
  contactViewEvent,
  suggestionClickEvent,
  suggestionShownEvent,
} from '../../site/islands/contact/events.ts';

const valid = (event: unknown) => eventSchema.safeParse(event).success;

describe('contact events', () => {
  it('builds contact_view with and without a language', () => {
    expect(contactViewEvent('zh-CN')).toEqual({ type: 'contact_view', lang: 'zh-CN' });
    expect(contactViewEvent(undefined)).toEqual({ type: 'contact_view' });
    expect(valid(contactViewEvent('en'))).toBe(true);
  });

  it('builds suggestion_shown with the trimmed query, and none without articles or query', () => {
    const event = suggestionShownEvent('  printer preview  ', ['en/print-preview-blank', 'en/printer-setup'], 'en');
    expect(event).toEqual({
      type: 'suggestion_shown',
      query: 'printer preview',
      articles: ['en/print-preview-blank', 'en/printer-setup'],
      lang: 'en',
    });
    expect(valid(event)).toBe(true);
    expect(suggestionShownEvent('printer', [], 'en')).toBeNull();
    expect(suggestionShownEvent('   ', ['en/a'], 'en')).toBeNull();
  });

  it('keeps suggestion_shown within the schema: query cut to 200 characters, at most 20 articles', () => {
    const articles = Array.from({ length: 25 }, (_, i) => `en/article-${i}`);
    const event = suggestionShownEvent('q'.repeat(300), articles, 'en')!;
    expect(event.query).toHaveLength(200);
    expect(event.articles).toHaveLength(20);
    expect(valid(event)).toBe(true);
  });

  it('builds suggestion_click for ranks 1–100 only', () => {
    expect(suggestionClickEvent('en/reset-password', 1, 'en')).toEqual({
      type: 'suggestion_click',
      article: 'en/reset-password',
      rank: 1,
      lang: 'en',
    });
    expect(valid(suggestionClickEvent('en/reset-password', 100, 'en'))).toBe(true);
    expect(suggestionClickEvent('en/reset-password', 0, 'en')).toBeNull();
    expect(suggestionClickEvent('en/reset-password', 101, 'en')).toBeNull();
    expect(suggestionClickEvent('en/reset-password', 1.5, 'en')).toBeNull();
    expect(suggestionClickEvent('', 1, 'en')).toBeNull();
  });

  it('builds contact_solved naming the article', () => {
    const event = contactSolvedEvent('zh-CN/reset-password', 'zh-CN');
    expect(event).toEqual({ type: 'contact_solved', article: 'zh-CN/reset-password', lang: 'zh-CN' });
    expect(valid(event)).toBe(true);
    expect(contactSolvedEvent('', 'en')).toBeNull();
  });

  it('builds contact_submitted with or without a ticket reference', () => {
    expect(contactSubmittedEvent(undefined, 'en')).toEqual({ type: 'contact_submitted', lang: 'en' });
    expect(contactSubmittedEvent('WEB-2026-000001', 'en')).toEqual({ type: 'contact_submitted', ticket: 'WEB-2026-000001', lang: 'en' });
    // The schema takes references of at most 64 characters.
    expect(valid(contactSubmittedEvent('x'.repeat(80), 'en'))).toBe(true);
  });
});
