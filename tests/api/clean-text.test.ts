/**
 * Issue 14, class "validation after cleaning": one cleaning rule (core/text/plain-text.ts)
 * for every free-text field a visitor sends, applied before validation, so a field that is
 * empty once cleaned is a 400 naming it; page_view paths are stored without their query.
 */
import { describe, expect, it } from 'vitest';
import { cleanText, pathWithoutQuery } from '../../core/text/plain-text.ts';
import { testApp, visitorRequest } from '../support/app.ts';
import { queryRows } from '../support/database.ts';

const NUL = '\u0000';
const RLO = '\u202E';
const LONE = '\uD800';

async function expectFieldError(res: Response, field: string) {
  expect(res.status).toBe(400);
  const body = (await res.json()) as { error: { code: string; details: Array<{ field: string }> } };
  expect(body.error.code).toBe('invalid_request');
  expect(body.error.details.map((d) => d.field)).toContain(field);
}

describe('validation after cleaning: the rule', () => {
  it('removes NUL, bidi controls, the BOM and lone surrogates, keeping emoji and CJK', () => {
    expect(cleanText(`a${NUL}b${RLO}c\u2066d\u061C${LONE}e\uDC00\uFEFF`)).toBe('abcde');
    expect(cleanText('打印 👍🏽 ok')).toBe('打印 👍🏽 ok');
    expect(cleanText(' line\r\nnext ')).toBe('line\nnext');
  });

  it('drops a path’s query string and fragment', () => {
    expect(pathWithoutQuery('/en/search/?q=li.wei@example.com#top')).toBe('/en/search/');
  });
});

describe('validation after cleaning: the API', () => {
  it('answers a contact subject of only control and bidi characters with 400 naming subject, not 503', async () => {
    const { app } = await testApp();
    const body = {
      subject: `${NUL}${RLO}\u2066\u0007${NUL}${RLO}`,
      description: 'Print preview is empty since the update.',
      email: 'a@example.com',
      lang: 'en',
    };
    await expectFieldError(await app.request('/api/contact', ...visitorRequest(body)), 'subject');
  });

  it('answers a search query of only NUL and U+202E with 400 naming the query', async () => {
    const { app } = await testApp();
    const res = await app.request(
      '/api/events',
      ...visitorRequest({ events: [{ type: 'search', query: `${NUL}${RLO}`, results: 0, lang: 'en' }] }),
    );
    await expectFieldError(res, 'events.0.query');
  });

  it('stores search queries, comments and contact text cleaned, with no lone surrogate', async () => {
    const { app, db } = await testApp();
    await app.request(
      '/api/events',
      ...visitorRequest({ events: [{ type: 'search', query: `vpn${NUL}${RLO}${LONE}`, results: 0, lang: 'en' }] }),
    );
    await app.request('/api/votes', ...visitorRequest({ article: 'en/reset-password', helpful: false, comment: `bad${RLO}${LONE}` }));
    await app.request(
      '/api/contact',
      ...visitorRequest({
        subject: `Printer${RLO} jam${LONE}`,
        description: `It jams${NUL} every morning at nine.`,
        email: 'a@example.com',
        lang: 'en',
      }),
    );
    expect(await queryRows(db, "select query from events where type = 'search'")).toEqual([{ query: 'vpn' }]);
    expect(await queryRows(db, 'select comment from votes')).toEqual([{ comment: 'bad' }]);
    expect(await queryRows(db, "select subject, description from tickets where source = 'web'")).toEqual([
      { subject: 'Printer jam', description: 'It jams every morning at nine.' },
    ]);
  });

  it('stores a page_view path without its query string', async () => {
    const { app, db } = await testApp();
    await app.request(
      '/api/events',
      ...visitorRequest({ events: [{ type: 'page_view', path: '/en/search/?q=li.wei@example.com', lang: 'en' }] }),
    );
    expect(await queryRows(db, "select path from events where type = 'page_view'")).toEqual([{ path: '/en/search/' }]);
  });

  it('answers a suggestion query of only control characters with 400 naming q', async () => {
    const { app } = await testApp();
    await expectFieldError(await app.request(`/api/suggest?lang=en&q=${encodeURIComponent(`${NUL}${RLO}`)}`), 'q');
  });
});
