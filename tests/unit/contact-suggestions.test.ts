/** The contact page asks for suggestions on a pause, for text long enough, and counts each shown set once. */
import { describe, expect, it } from 'vitest';
import { Debouncer, SUGGEST_DEBOUNCE_MS } from '../../site/islands/contact/debounce.ts';
import { ShownSuggestions, suggestionQuery } from '../../site/islands/contact/suggestions.ts';
import { manualTimerClock } from '../support/clock.ts';

describe('suggestionQuery', () => {
  it('is null under 3 characters, counting the subject and description together', () => {
    expect(suggestionQuery('ab')).toBeNull();
    // Whitespace does not count: "  a  " + "   " is the one character "a".
    expect(suggestionQuery('  a  ', '   ')).toBeNull();
    // "a b" is three characters once whitespace is collapsed.
    expect(suggestionQuery('a', 'b')).toBe('a b');
    expect(suggestionQuery('打印机')).toBe('打印机');
  });

  it('joins subject and description with whitespace collapsed', () => {
    expect(suggestionQuery('  Print   preview ', 'is\n\nblank  ')).toBe('Print preview is blank');
  });

  it('cuts the text to the 200 characters the API takes, never inside a character', () => {
    expect(suggestionQuery('x'.repeat(150), 'y'.repeat(100))).toBe(`${'x'.repeat(150)} ${'y'.repeat(49)}`);
    // 😀 is two UTF-16 units; 201 of them are cut to 200 whole characters (400 units).
    const cut = suggestionQuery('😀'.repeat(201))!;
    expect([...cut]).toHaveLength(200);
    expect(cut.length).toBe(400);
  });
});

describe('ShownSuggestions', () => {
  it('reports a set of articles once, the same set in another order again, and never an empty list', () => {
    const shown = new ShownSuggestions();
    expect(shown.firstShowing(['en/a', 'en/b'])).toBe(true);
    expect(shown.firstShowing(['en/a', 'en/b'])).toBe(false);
    expect(shown.firstShowing(['en/b', 'en/a'])).toBe(true);
    expect(shown.firstShowing([])).toBe(false);
  });
});

describe('Debouncer', () => {
  it('runs once with the last value after 300 ms of quiet, not per keystroke', () => {
    const clock = manualTimerClock();
    const ran: string[] = [];
    const debouncer = new Debouncer<string>((q) => ran.push(q), clock);
    // Keys every 100 ms: each restarts the wait.
    for (const q of ['pri', 'prin', 'print']) {
      debouncer.schedule(q);
      clock.advance(100);
    }
    expect(ran).toEqual([]);
    // 100 ms have passed since "print"; 200 more make the 300 ms pause.
    clock.advance(SUGGEST_DEBOUNCE_MS - 100 - 1);
    expect(ran).toEqual([]);
    clock.advance(1);
    expect(ran).toEqual(['print']);
    expect(clock.pending()).toBe(0);
  });

  it('forgets the waiting value when cancelled', () => {
    const clock = manualTimerClock();
    const ran: string[] = [];
    const debouncer = new Debouncer<string>((q) => ran.push(q), clock);
    debouncer.schedule('printer');
    debouncer.cancel();
    clock.advance(1000);
    expect(ran).toEqual([]);
    expect(clock.pending()).toBe(0);
  });
});
