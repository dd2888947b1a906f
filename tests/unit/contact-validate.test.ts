/** The page's checks refuse exactly what POST /api/contact refuses. */
import { describe, expect, it } from 'vitest';
import { contactRequestSchema } from '../../core/contracts/contact.ts';
import { contactProblems, type ContactInput } from '../../core/contracts/contact-checks.ts';

const valid: ContactInput = {
  subject: 'Print preview is blank',
  description: 'Every report shows an empty page.',
  email: 'li.wei@example.com',
};

describe('contactProblems', () => {
  it('finds nothing wrong with a complete request', () => {
    expect(contactProblems(valid)).toEqual([]);
  });

  it('names each empty field as required, in form order', () => {
    expect(contactProblems({ subject: ' ', description: '', email: '' })).toEqual([
      { field: 'subject', problem: 'required' },
      { field: 'description', problem: 'required' },
      { field: 'email', problem: 'required' },
    ]);
  });

  it('checks the lengths after trimming', () => {
    // "  ab " is 2 characters trimmed, 1 short of 3; 9 is 1 short of 10.
    expect(contactProblems({ ...valid, subject: '  ab ', description: '123456789' })).toEqual([
      { field: 'subject', problem: 'tooShort' },
      { field: 'description', problem: 'tooShort' },
    ]);
    expect(contactProblems({ ...valid, subject: 'x'.repeat(201), description: 'y'.repeat(5001) })).toEqual([
      { field: 'subject', problem: 'tooLong' },
      { field: 'description', problem: 'tooLong' },
    ]);
    expect(contactProblems({ ...valid, subject: 'abc', description: '1234567890' })).toEqual([]);
  });

  it('wants an address of the form name@host.tld', () => {
    expect(contactProblems({ ...valid, email: 'li.wei' })).toEqual([{ field: 'email', problem: 'email' }]);
    expect(contactProblems({ ...valid, email: 'li wei@example.com' })).toEqual([{ field: 'email', problem: 'email' }]);
    expect(contactProblems({ ...valid, email: `${'a'.repeat(190)}@example.com` })).toEqual([{ field: 'email', problem: 'tooLong' }]);
  });

  it('checks only the fields the form has (the helpdesk form asks for the subject alone)', () => {
    expect(contactProblems({ subject: 'Printer' }, ['subject'])).toEqual([]);
    expect(contactProblems({ subject: 'P' }, ['subject'])).toEqual([{ field: 'subject', problem: 'tooShort' }]);
  });

  it('agrees with the API schema on every boundary', () => {
    const cases: Array<Partial<ContactInput>> = [
      { subject: 'ab' },
      { subject: 'abc' },
      { subject: ' abc ' },
      { subject: 'x'.repeat(200) },
      { subject: 'x'.repeat(201) },
      { description: '123456789' },
      { description: '1234567890' },
      { description: '长'.repeat(5000) },
      { description: '长'.repeat(5001) },
      { email: 'a@b.c' },
      { email: 'a@b' },
      { email: '@b.c' },
      { email: ` ${'a'.repeat(188)}@example.com ` },
      { email: `${'a'.repeat(189)}@example.com` },
    ];
    for (const change of cases) {
      const input = { ...valid, ...change };
      const server = contactRequestSchema.safeParse({ ...input, lang: 'en' }).success;
      expect({ change, ok: contactProblems(input).length === 0 }).toEqual({ change, ok: server });
    }
  });
});
