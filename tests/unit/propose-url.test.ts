import { describe, expect, it } from 'vitest';
import { MAX_PROPOSE_URL, proposeUrl } from '../../core/drafting/propose.ts';

describe('proposeUrl', () => {
  it("fills GitHub's new-file form", () => {
    expect(proposeUrl({ url: 'https://github.com/org/kb/', branch: 'main' }, 'content/articles/en/a.mdx', 'a & b')).toBe(
      'https://github.com/org/kb/new/main?filename=content%2Farticles%2Fen%2Fa.mdx&value=a%20%26%20b',
    );
  });

  it("fills GitLab's new-file form on any other host", () => {
    expect(proposeUrl({ url: 'https://git.corp.example/docs/kb', branch: 'release/kb' }, 'content/x.mdx', '标题')).toBe(
      'https://git.corp.example/docs/kb/-/new/release/kb/?file_name=content%2Fx.mdx&content=%E6%A0%87%E9%A2%98',
    );
  });

  it('is null without a repository or for a draft too long for an address', () => {
    expect(proposeUrl(undefined, 'a', 'b')).toBeNull();
    expect(proposeUrl({ url: '', branch: 'main' }, 'a', 'b')).toBeNull();
    expect(proposeUrl({ url: 'https://github.com/o/r', branch: 'main' }, 'a', 'x'.repeat(MAX_PROPOSE_URL))).toBeNull();
  });
});
