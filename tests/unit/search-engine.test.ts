import { describe, expect, it } from 'vitest';
import { rankedSearch, type PagefindApi, type PagefindResult } from '../../site/islands/search/engine.ts';

/** A fake Pagefind over a few pages: a search matches pages containing every space-separated term. */
function fakePagefind(pages: Record<string, string>): PagefindApi & { queries: string[] } {
  const queries: string[] = [];
  return {
    queries,
    async search(term) {
      queries.push(term);
      const words = term.split(' ');
      const results: PagefindResult[] = Object.entries(pages)
        .filter(([, text]) => words.every((w) => text.includes(w)))
        .map(([id, text]) => ({
          id,
          score: words.reduce((n, w) => n + text.split(w).length - 1, 0),
          data: async () => ({ url: `/${id}/`, excerpt: '', meta: { id } }),
        }));
      results.sort((a, b) => b.score - a.score);
      return { results };
    },
  };
}

const ids = (r: { results: PagefindResult[] }) => r.results.map((x) => x.id);

describe('ranked search', () => {
  it('in fallback mode, returns the all-terms results as they are when there are enough', async () => {
    const pf = fakePagefind(Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`p${i}`, 'printer driver'])));
    const r = await rankedSearch(pf, ['printer', 'driver'], {}, 6, { merge: 'fallback' });
    expect(r.broadened).toBe(false);
    expect(r.results).toHaveLength(6);
    expect(pf.queries).toEqual(['printer driver']);
  });

  it('adds single-term matches below the pages that have every term', async () => {
    const pf = fakePagefind({ a: 'printer blank preview', b: 'printer settings', c: 'printer paper', d: 'invoice preview' });
    const r = await rankedSearch(pf, ['printer', 'preview'], {}, 4);
    expect(r.broadened).toBe(false);
    // "printer preview" together only in a; the fallback adds the partial matches after it.
    expect(ids(r)[0]).toBe('a');
    expect(ids(r)).toContain('d');
  });

  it('says the results are broadened when nothing has every term', async () => {
    const pf = fakePagefind({ a: 'license activation', b: 'invoice template' });
    const r = await rankedSearch(pf, ['license', 'template', 'unicorn'], {}, 2);
    expect(r.broadened).toBe(true);
    expect(ids(r).sort()).toEqual(['a', 'b']);
  });

  it('ranks a page matching a rare term above one matching a common term', async () => {
    const pages: Record<string, string> = { rare: 'sharp module', x: 'install' };
    for (let i = 0; i < 8; i++) pages[`common${i}`] = 'install build';
    const r = await rankedSearch(fakePagefind(pages), ['build', 'sharp'], {}, 10);
    expect(ids(r)[0]).toBe('rare');
  });

  it('by default also searches each term alone and ranks a short exact page above a long one', async () => {
    const pf = fakePagefind({ long: 'sharp sharp sharp build build build image image', short: 'sharp build missing', other: 'image' });
    const r = await rankedSearch(pf, ['sharp', 'missing'], {}, 3);
    expect(pf.queries).toEqual(['sharp missing', 'sharp', 'missing']);
    expect(ids(r)[0]).toBe('short');
  });

  it('can search a Chinese phrase as its character pairs', async () => {
    const pf = fakePagefind({ a: '构建 报错 sharp', b: '部署 站点' });
    const r = await rankedSearch(pf, ['构建报错'], {}, 2, { chineseUnits: 'bigrams' });
    expect(pf.queries).toEqual(expect.arrayContaining(['构建', '建报', '报错']));
    expect(ids(r)).toEqual(['a']);
  });

  it('passes the filters to every search', async () => {
    const seen: Array<Record<string, string> | undefined> = [];
    const pf: PagefindApi = { search: async (_t, o) => (seen.push(o?.filters), { results: [] }) };
    await rankedSearch(pf, ['a', 'b'], { type: 'faq' }, 1);
    expect(seen.every((f) => f?.type === 'faq')).toBe(true);
  });

  it('searches nothing for no terms', async () => {
    const pf = fakePagefind({ a: 'x' });
    expect((await rankedSearch(pf, [], {}, 1)).results).toEqual([]);
    expect(pf.queries).toEqual([]);
  });
});
