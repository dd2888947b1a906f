/** The contact page's calls, against a fake fetch: what each answer of the API becomes. */
import { describe, expect, it } from 'vitest';
import { fetchSuggestions, postContact, type Fetch } from '../../site/islands/contact/api.ts';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** A fetch that answers `response` and remembers what it was asked. */
function fakeFetch(response: Response | Error) {
  const calls: Array<{ url: string; init?: RequestInit }> = [];
  const fetcher: Fetch = async (url, init) => {
    calls.push({ url, init });
    if (response instanceof Error) throw response;
    return response;
  };
  return { fetcher, calls };
}

const request = { subject: 'Printer', description: 'The preview is blank.', email: 'a@example.com', lang: 'en' as const };

describe('fetchSuggestions', () => {
  it('asks for 5 suggestions in the page language and keeps article, title and url', async () => {
    const { fetcher, calls } = fakeFetch(json(200, { results: [{ article: 'en/a', title: 'A', url: '/en/articles/a/', score: 3.2 }] }));
    const results = await fetchSuggestions('print preview', 'en', new AbortController().signal, fetcher);
    expect(calls[0]!.url).toBe('/api/suggest?q=print+preview&lang=en&limit=5');
    expect(results).toEqual([{ article: 'en/a', title: 'A', url: '/en/articles/a/' }]);
  });

  it('is null when the API fails or the network does, and skips malformed entries', async () => {
    expect(await fetchSuggestions('x y z', 'en', new AbortController().signal, fakeFetch(json(503, {})).fetcher)).toBeNull();
    expect(await fetchSuggestions('x y z', 'en', new AbortController().signal, fakeFetch(new TypeError('offline')).fetcher)).toBeNull();
    const odd = fakeFetch(json(200, { results: [{ article: 'en/a' }, null, { article: 'en/b', title: 'B', url: '/en/articles/b/' }] }));
    expect(await fetchSuggestions('x y z', 'en', new AbortController().signal, odd.fetcher)).toEqual([
      { article: 'en/b', title: 'B', url: '/en/articles/b/' },
    ]);
  });
});

describe('postContact', () => {
  it('posts JSON and returns the reference, the private link and whether e-mail is sent of a 201', async () => {
    const url = '/en/requests/WEB-2026-000007/?k=k7YwuIHakZZ9L2Ooosoy0E8GCaiaBWr2';
    const { fetcher, calls } = fakeFetch(json(201, { ok: true, ref: 'WEB-2026-000007', url, mail: false }));
    expect(await postContact(request, fetcher)).toEqual({ kind: 'created', ref: 'WEB-2026-000007', url, mail: false });
    expect(calls[0]!.init?.method).toBe('POST');
    expect(JSON.parse(calls[0]!.init!.body as string)).toEqual(request);
  });

  it('tells a 202 (not recorded) apart', async () => {
    expect(await postContact(request, fakeFetch(json(202, { ok: true, recorded: false })).fetcher)).toEqual({ kind: 'not-recorded' });
  });

  it('lists the fields a 400 names, in form order, leaving out fields the page does not have', async () => {
    const res = json(400, {
      error: {
        code: 'invalid_request',
        message: '…',
        details: [
          { field: 'email', message: 'x' },
          { field: 'lang', message: 'y' },
          { field: 'subject', message: 'z' },
        ],
      },
    });
    expect(await postContact(request, fakeFetch(res).fetcher)).toEqual({ kind: 'invalid', fields: ['subject', 'email'] });
  });

  it('passes on Retry-After of a 429', async () => {
    expect(await postContact(request, fakeFetch(json(429, { error: {} }, { 'retry-after': '42' })).fetcher)).toEqual({
      kind: 'rate-limited',
      retryAfter: 42,
    });
  });

  it('fails softly on a server error or no network', async () => {
    expect(await postContact(request, fakeFetch(json(503, { error: {} })).fetcher)).toEqual({ kind: 'failed' });
    expect(await postContact(request, fakeFetch(new TypeError('offline')).fetcher)).toEqual({ kind: 'failed' });
  });
});
