import { describe, expect, it } from 'vitest';
import { eventBatchSchema, eventSchema } from '../../core/contracts/events.ts';
import { externalReferrer, pageLang, pageViewEvent, searchClickEvent, searchEvent } from '../../site/islands/analytics/events.ts';

const origin = 'https://help.example.com';
const page = { lang: 'en' as const, article: undefined, pathname: '/en/', referrer: '', origin };

describe('page views', () => {
  it('names the article on an article page, and no path', () => {
    expect(pageViewEvent({ ...page, article: 'en/reset-password', pathname: '/en/articles/reset-password/' })).toEqual({
      type: 'page_view',
      article: 'en/reset-password',
      lang: 'en',
    });
  });

  it('names the path on other pages', () => {
    expect(pageViewEvent({ ...page, pathname: '/en/topics/' })).toEqual({ type: 'page_view', path: '/en/topics/', lang: 'en' });
  });

  it('keeps the origin and path of a referrer from another site, without its query', () => {
    expect(pageViewEvent({ ...page, referrer: 'https://www.bing.com/search?q=reset+password' }).referrer).toBe(
      'https://www.bing.com/search',
    );
  });

  it('leaves out referrers from the help center itself', () => {
    expect(externalReferrer(`${origin}/en/search/?q=printer`, origin)).toBeUndefined();
    expect(pageViewEvent({ ...page, referrer: `${origin}/en/` })).not.toHaveProperty('referrer');
  });

  it('leaves out referrers that are not web addresses', () => {
    expect(externalReferrer('not a url', origin)).toBeUndefined();
    expect(externalReferrer('android-app://com.example/', origin)).toBeUndefined();
  });

  it('leaves out a page language the API does not know', () => {
    expect(pageLang('de')).toBeUndefined();
    expect(pageLang('zh-CN')).toBe('zh-CN');
    expect(pageViewEvent({ ...page, lang: pageLang('') })).not.toHaveProperty('lang');
  });
});

describe('search events', () => {
  it('carries the query, result count and the filters that are set', () => {
    expect(searchEvent({ query: ' printer ', results: 3, filters: { type: 'faq', topic: '' } }, 'en')).toEqual({
      type: 'search',
      query: 'printer',
      results: 3,
      filters: { type: 'faq' },
      lang: 'en',
    });
  });

  it('has no filters field when no filter is set', () => {
    expect(searchEvent({ query: '打印', results: 0, filters: {} }, 'zh-CN')).toEqual({
      type: 'search',
      query: '打印',
      results: 0,
      lang: 'zh-CN',
    });
  });

  it('is not built for an empty query', () => {
    expect(searchEvent({ query: '   ', results: 0, filters: {} }, 'en')).toBeNull();
  });

  it('describes a click by query, article and 1-based rank', () => {
    expect(searchClickEvent('printer', 'en/print-preview-blank', 2, 'en')).toEqual({
      type: 'search_click',
      query: 'printer',
      article: 'en/print-preview-blank',
      rank: 2,
      lang: 'en',
    });
  });

  it('drops a click whose rank the API cannot take', () => {
    expect(searchClickEvent('printer', 'en/print-preview-blank', 0, 'en')).toBeNull();
    expect(searchClickEvent('printer', 'en/print-preview-blank', 101, 'en')).toBeNull();
    expect(searchClickEvent('printer', '', 1, 'en')).toBeNull();
  });
});

describe('the API contract', () => {
  it('accepts every event built from oversized and odd input', () => {
    const long = `  ${'打印机 '.repeat(120)}`;
    const filters = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`key${i}`, 'v'.repeat(i === 3 ? 80 : 5)]));
    const events = [
      pageViewEvent({ ...page, pathname: `/${'x'.repeat(400)}`, referrer: `https://elsewhere.example/${'y'.repeat(600)}` }),
      pageViewEvent({ ...page, article: 'zh-CN/reset-password', lang: 'zh-CN' }),
      searchEvent({ query: long, results: 1e9, filters }, 'en'),
      searchEvent({ query: 'x', results: -4.5, filters: { ['k'.repeat(40)]: 'v' } }, undefined),
      searchClickEvent(long, 'en/reset-password', 100, 'en'),
    ];
    for (const event of events) expect(eventSchema.safeParse(event).error?.issues ?? []).toEqual([]);
    expect(eventBatchSchema.safeParse(JSON.parse(JSON.stringify({ events }))).success).toBe(true);
  });
});
