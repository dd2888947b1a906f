/** What every CLI shares for wrong usage (scripts/lib/cli/usage.ts). */
import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isUsageError, UsageError, wholeNumberFlag } from '../../scripts/lib/cli/usage.ts';

describe('wrong usage', () => {
  it('is a UsageError or an argument parseArgs rejects, not any other failure', () => {
    let parseError: unknown;
    try {
      parseArgs({ args: ['--nope'], options: {}, strict: true });
    } catch (error) {
      parseError = error;
    }
    expect(isUsageError(new UsageError('--x is wrong'))).toBe(true);
    expect(isUsageError(parseError)).toBe(true);
    expect(isUsageError(new Error('disk full'))).toBe(false);
    expect(isUsageError(null)).toBe(false);
  });
});

describe('a whole-number flag', () => {
  it('takes the fallback when absent and the number when given', () => {
    expect(wholeNumberFlag('days', undefined, 90, 1, 731)).toBe(90);
    expect(wholeNumberFlag('days', ' 30 ', 90, 1, 731)).toBe(30);
  });

  it('names the flag and its range for text, fractions, signs and numbers out of range', () => {
    for (const raw of ['ninety', '1.5', '-3', '1e3', '', '0', '732']) {
      expect(() => wholeNumberFlag('days', raw, 90, 1, 731), raw).toThrow(
        new UsageError(`--days must be a whole number from 1 to 731, got "${raw}"`),
      );
    }
  });
});
