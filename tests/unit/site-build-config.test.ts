/** The site reads its build settings from the environment through the build's configuration. */
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

/** site/lib/build-config.ts evaluated afresh under the stubbed environment. */
async function siteBuildConfig() {
  vi.resetModules();
  return import('../../site/lib/build-config.ts');
}

describe('site/lib/build-config.ts', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('writes canonical, Open Graph and sitemap URLs for the PORT the server will listen on', async () => {
    vi.stubEnv('KB_SITE_URL', '');
    vi.stubEnv('HOST', '');
    vi.stubEnv('PORT', '4599');
    expect((await siteBuildConfig()).siteUrl).toBe('http://127.0.0.1:4599');
  });

  it('takes the output folder, audience and helpdesk form from their variables', async () => {
    vi.stubEnv('KB_OUT_DIR', 'out/internal');
    vi.stubEnv('KB_AUDIENCE', 'internal');
    vi.stubEnv('KB_TICKET_URL', 'https://helpdesk.example.com/new');
    vi.stubEnv('KB_TICKET_SUBJECT_PARAM', 'tf_subject');
    const config = await siteBuildConfig();
    expect(config).toMatchObject({
      outDir: resolve('out/internal'),
      audience: 'internal',
      ticketUrl: 'https://helpdesk.example.com/new',
      ticketSubjectParam: 'tf_subject',
    });
  });

  it('stops the build with the variable named when one is wrong', async () => {
    vi.stubEnv('KB_AUDIENCE', 'everyone');
    await expect(siteBuildConfig()).rejects.toThrow('Invalid configuration: KB_AUDIENCE: must be "public" or "internal"');
  });
});
