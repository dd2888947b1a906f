/** core/validation.ts: zod issues as the `field: message` text every layer reports. */
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { describeIssues, fieldIssues, issuesText } from '../../core/validation.ts';

const schema = z.object({ subject: z.string().min(3, 'at least 3 characters'), tickets: z.array(z.object({ id: z.string() })) });
const errorOf = (value: unknown) => schema.safeParse(value).error!;

describe('fieldIssues', () => {
  it('names each field by its dotted path', () => {
    expect(fieldIssues(errorOf({ subject: 'ab', tickets: [{ id: 1 }] }), '(body)')).toEqual([
      { field: 'subject', message: 'at least 3 characters' },
      { field: 'tickets.0.id', message: 'Expected string, received number' },
    ]);
  });

  it('names an issue about the whole value as the caller asks, null included', () => {
    expect(fieldIssues(errorOf('text'), '(body)')).toEqual([{ field: '(body)', message: 'Expected object, received string' }]);
    expect(fieldIssues(errorOf('text'), null)[0]!.field).toBeNull();
  });
});

describe('describeIssues and issuesText', () => {
  it('write each issue as field: message, and join them with semicolons for one message', () => {
    const error = errorOf({ subject: 'ab' });
    expect(describeIssues(error, '(frontmatter)')).toEqual(['subject: at least 3 characters', 'tickets: Required']);
    expect(issuesText(fieldIssues(error, '(body)'))).toBe('subject: at least 3 characters; tickets: Required');
  });

  it('writes a detail without a field as (value)', () => {
    expect(issuesText([{ message: 'must not be empty' }])).toBe('(value): must not be empty');
  });
});
