/** What a wrong variable is told: the message names the variable and says what was expected. */
import { describe, expect, it } from 'vitest';
import { buildConfig } from '../../core/config/build.ts';
import { ConfigError, readVariables } from '../../core/config/read.ts';
import { serverConfig } from '../../core/config/server.ts';

/** The problems a ConfigError reports for `read`. */
function problems(read: () => unknown): Record<string, string> {
  try {
    read();
  } catch (error) {
    if (error instanceof ConfigError) return Object.fromEntries(error.problems.map((p) => [p.variable, p.message]));
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration errors', () => {
  it('names the variable and the expected range of a number', () => {
    expect(() => serverConfig({ PORT: 'eighty' })).toThrow('Invalid configuration: PORT: must be a whole number from 0 to 65535');
    expect(problems(() => serverConfig({ PORT: '70000' }))).toEqual({ PORT: 'must be a whole number from 0 to 65535' });
    expect(problems(() => serverConfig({ KB_METRICS_CACHE_SECONDS: '-1' }))).toEqual({
      KB_METRICS_CACHE_SECONDS: 'must be a whole number from 0 to 3600',
    });
  });

  it('reports every wrong variable at once', () => {
    expect(problems(() => serverConfig({ PORT: 'x', KB_DEMO: 'yes', KB_ADMIN_TOKEN: 'short' }))).toEqual({
      PORT: 'must be a whole number from 0 to 65535',
      KB_ADMIN_TOKEN: 'must be at least 16 characters',
      KB_DEMO: 'must be "on" or "off"',
    });
  });

  it('says which words a switch or a choice takes', () => {
    expect(problems(() => buildConfig({ KB_AUDIENCE: 'agents' }))).toEqual({ KB_AUDIENCE: 'must be "public" or "internal"' });
    expect(problems(() => serverConfig({ KB_CHECKPOINT_THREAD: 'true' }))).toEqual({ KB_CHECKPOINT_THREAD: 'must be "on" or "off"' });
  });

  it('rejects a webhook secret shorter than 16 characters, by its helpdesk variable', () => {
    expect(problems(() => serverConfig({ KB_WEBHOOK_SECRET_FRESHDESK: 'abc' }))).toEqual({
      KB_WEBHOOK_SECRET_FRESHDESK: 'must be at least 16 characters',
    });
  });

  it('names the list entry that is not an IP address or an origin', () => {
    expect(problems(() => serverConfig({ KB_TRUSTED_PROXIES: '10.0.0.1,proxy.local' }))).toEqual({
      KB_TRUSTED_PROXIES: '"proxy.local" is not an IP address',
    });
    expect(problems(() => serverConfig({ KB_CORS_ORIGINS: 'https://docs.example.com/kb/' }))).toEqual({
      KB_CORS_ORIGINS: '"https://docs.example.com/kb/" is not an origin such as https://kb.example.com (scheme, host and port; no path)',
    });
  });

  it('wants http(s) URLs and an origin without a path', () => {
    expect(problems(() => buildConfig({ KB_TICKET_URL: 'helpdesk/new', KB_API_ORIGIN: 'https://api.example.com/v1' }))).toEqual({
      KB_TICKET_URL: 'must be an http(s) URL such as https://kb.example.com',
      KB_API_ORIGIN: 'must be an origin such as https://kb.example.com (scheme, host and port; no path)',
    });
    expect(problems(() => serverConfig({ KB_EDIT_URL: 'ftp://git.example.com/' }))).toEqual({
      KB_EDIT_URL: 'must be an http(s) URL such as https://kb.example.com',
    });
  });

  it('explains a wrong SLA target entry', () => {
    expect(problems(() => serverConfig({ KB_SLA_TARGETS: 'critical=1/2' }))).toEqual({
      KB_SLA_TARGETS: '"critical" is not a priority (low, normal, high, urgent)',
    });
  });

  it('never repeats a DATABASE_URL, which may hold a password', () => {
    const read = () => serverConfig({ DATABASE_URL: 'mysql://kb:hunter2@db/kb' });
    expect(read).toThrow(
      'Invalid configuration: DATABASE_URL: must be a PostgreSQL URL such as postgres://user:password@localhost:5432/kb',
    );
    expect(problems(read).DATABASE_URL).not.toContain('hunter2');
  });

  it('blames the variable a default follows, not the one that follows it', () => {
    // KB_SITE_URL follows PORT: a bad PORT is reported once, under its own name.
    expect(problems(() => buildConfig({ PORT: 'x' }))).toEqual({ PORT: 'must be a whole number from 0 to 65535' });
  });

  it('asks for the variable itself when a derived default does not hold', () => {
    expect(problems(() => buildConfig({ HOST: 'kb_internal:' }))).toEqual({
      KB_SITE_URL:
        'must be an http(s) URL such as https://kb.example.com (the default, "http://[kb_internal:]:4321", follows from other variables; set KB_SITE_URL)',
    });
  });

  it('checks only what a reader reads: a bad server variable does not stop a build', () => {
    expect(() => buildConfig({ KB_ADMIN_TOKEN: 'short' })).not.toThrow();
    expect(() => serverConfig({ KB_AUDIENCE: 'agents' })).not.toThrow();
    expect(() => readVariables(['KB_DB'], { PORT: 'x' })).not.toThrow();
  });
});
