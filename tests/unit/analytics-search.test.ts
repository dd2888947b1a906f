import { beforeEach, describe, expect, it } from 'vitest';
import { SearchSettler, searchKey } from '../../site/islands/analytics/search-settle.ts';
import type { SearchDetail } from '../../site/islands/analytics/events.ts';
import { manualTimerClock } from '../support/clock.ts';

const search = (query: string, filters: Record<string, string> = {}, results = 4): SearchDetail => ({ query, results, filters });

let clock: ReturnType<typeof manualTimerClock>;
let recorded: string[];
let settler: SearchSettler;

beforeEach(() => {
  clock = manualTimerClock();
  recorded = [];
  settler = new SearchSettler((s) => recorded.push(s.query), clock, { quietMs: 1500, submitWindowMs: 3000 });
});

describe('SearchSettler', () => {
  it('records nothing while the visitor is still typing', () => {
    for (const query of ['p', 'pr', 'pri', 'prin', 'print']) {
      settler.observe(search(query));
      clock.advance(400);
    }
    expect(recorded).toEqual([]);
  });

  it('records the search once the visitor pauses', () => {
    settler.observe(search('pri'));
    clock.advance(400);
    settler.observe(search('printer'));
    clock.advance(1499);
    expect(recorded).toEqual([]);
    clock.advance(1);
    expect(recorded).toEqual(['printer']);
  });

  it('records a submitted search at once, without waiting for a pause', () => {
    settler.submitted();
    clock.advance(300);
    settler.observe(search('printer'));
    expect(recorded).toEqual(['printer']);
  });

  it('records the submitted search only once even though the page searches again', () => {
    settler.observe(search('printer'));
    settler.submitted();
    settler.observe(search('printer'));
    clock.advance(5000);
    expect(recorded).toEqual(['printer']);
  });

  it('forgets a submit after its window, so later typing waits for a pause again', () => {
    settler.submitted();
    clock.advance(3001);
    settler.observe(search('printer'));
    expect(recorded).toEqual([]);
    clock.advance(1500);
    expect(recorded).toEqual(['printer']);
  });

  it('does not record the same query and filters twice', () => {
    settler.observe(search('Printer'));
    clock.advance(2000);
    settler.observe(search('printer x'));
    clock.advance(300);
    settler.observe(search('  printer '));
    clock.advance(2000);
    expect(recorded).toEqual(['Printer']);
  });

  it('records the same query again with other filters', () => {
    settler.observe(search('printer'));
    clock.advance(2000);
    settler.observe(search('printer', { type: 'faq' }));
    clock.advance(2000);
    expect(recorded).toEqual(['printer', 'printer']);
  });

  it('records the pending search when asked to settle (a click or leaving the page)', () => {
    settler.observe(search('printer'));
    clock.advance(200);
    settler.settle();
    expect(recorded).toEqual(['printer']);
    clock.advance(2000);
    expect(recorded).toEqual(['printer']);
  });

  it('does nothing when asked to settle with no search pending', () => {
    settler.settle();
    expect(recorded).toEqual([]);
  });

  it('remembers the search on screen for result clicks', () => {
    expect(settler.current).toBeUndefined();
    settler.observe(search('printer', { topic: 'reports' }, 7));
    expect(settler.current).toEqual({ query: 'printer', results: 7, filters: { topic: 'reports' } });
  });
});

describe('searchKey', () => {
  it('ignores filter order, empty filters, case and extra spaces', () => {
    expect(searchKey(search(' Printer  Setup', { type: 'faq', topic: 'reports', lang: '' }))).toBe(
      searchKey(search('printer setup', { topic: 'reports', type: 'faq' })),
    );
  });
});
