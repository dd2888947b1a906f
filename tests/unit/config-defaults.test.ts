/** Defaults of the configuration schema: constants, defaults that follow other variables, and empty values. */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildConfig } from '../../core/config/build.ts';
import { cliConfig } from '../../core/config/cli.ts';
import { DEFAULT_DB_FILE } from '../../core/config/defaults.ts';
import { serverConfig } from '../../core/config/server.ts';
import { testConfig } from '../../core/config/test.ts';
import { DEFAULT_SLA_TARGETS } from '../../core/tickets/sla-targets.ts';

describe('defaults with nothing set', () => {
  it('serves on 127.0.0.1:4321 from dist/ with the database at data/kb.sqlite', () => {
    const config = serverConfig({});
    expect(config).toMatchObject({
      port: 4321,
      host: '127.0.0.1',
      dbFile: resolve(DEFAULT_DB_FILE),
      databaseUrl: undefined,
      dbPoolSize: 10,
      distDir: resolve('dist'),
      contentDir: resolve('content'),
      adminToken: undefined,
      trustedProxies: [],
      corsOrigins: [],
      site: '127.0.0.1:4321',
      webhookSecrets: {},
      metricSettings: { slaTargets: DEFAULT_SLA_TARGETS, editUrlBase: '', trainingValidityDays: 365 },
      metricsCacheSeconds: 60,
      demo: true,
      checkpointThread: true,
    });
  });

  it('builds the public edition for http://127.0.0.1:4321 into dist/, calling the API on its own origin', () => {
    expect(buildConfig({})).toEqual({
      contentDir: resolve('content'),
      outDir: resolve('dist'),
      dbFile: resolve(DEFAULT_DB_FILE),
      databaseUrl: undefined,
      dbPoolSize: 10,
      audience: 'public',
      siteUrl: 'http://127.0.0.1:4321',
      ticketUrl: '',
      ticketSubjectParam: 'subject',
      apiOrigin: '',
    });
  });

  it("gives the CLIs the same database, content and build folders, and Debian's Chromium", () => {
    expect(cliConfig({})).toEqual({
      dbFile: resolve(DEFAULT_DB_FILE),
      databaseUrl: undefined,
      dbPoolSize: 10,
      contentDir: resolve('content'),
      outDir: resolve('dist'),
      distDir: resolve('dist'),
      chromiumPath: '/usr/bin/chromium',
    });
    expect(testConfig({})).toEqual({
      chromiumPath: '/usr/bin/chromium',
      checkpointThread: true,
      databaseUrl: undefined,
      postgresBin: '/usr/lib/postgresql/15/bin',
    });
  });

  it('gives the CLIs the PostgreSQL database of DATABASE_URL, as the server gets it', () => {
    const env = { DATABASE_URL: 'postgres://kb:secret@db.internal:5432/kb', KB_DB_POOL_SIZE: '4' };
    expect(cliConfig(env)).toMatchObject({ databaseUrl: env.DATABASE_URL, dbPoolSize: 4 });
    expect(serverConfig(env)).toMatchObject({ databaseUrl: env.DATABASE_URL, dbPoolSize: 4 });
  });
});

describe('defaults that follow other variables', () => {
  it("puts PORT into the canonical, Open Graph and sitemap address and into the server's public host", () => {
    expect(buildConfig({ PORT: '4599' }).siteUrl).toBe('http://127.0.0.1:4599');
    expect(serverConfig({ PORT: '4599' }).site).toBe('127.0.0.1:4599');
  });

  it('puts HOST into the address', () => {
    expect(buildConfig({ HOST: '192.168.1.20', PORT: '8080' }).siteUrl).toBe('http://192.168.1.20:8080');
    expect(buildConfig({ HOST: 'kb.internal' }).siteUrl).toBe('http://kb.internal:4321');
  });

  it('uses 127.0.0.1 when HOST listens on every interface', () => {
    expect(buildConfig({ HOST: '0.0.0.0', PORT: '4599' }).siteUrl).toBe('http://127.0.0.1:4599');
    expect(buildConfig({ HOST: '::' }).siteUrl).toBe('http://127.0.0.1:4321');
  });

  it('brackets an IPv6 HOST in the address', () => {
    expect(buildConfig({ HOST: '::1', PORT: '4599' }).siteUrl).toBe('http://[::1]:4599');
    expect(serverConfig({ HOST: '::1', PORT: '4599' }).site).toBe('[::1]:4599');
  });

  it('lets KB_SITE_URL override the derived address, without its trailing slash', () => {
    const env = { PORT: '4599', KB_SITE_URL: 'https://help.example.com/' };
    expect(buildConfig(env).siteUrl).toBe('https://help.example.com');
    expect(serverConfig(env).site).toBe('help.example.com');
  });

  it('serves and seeds from KB_OUT_DIR when KB_DIST_DIR is unset', () => {
    expect(serverConfig({ KB_OUT_DIR: 'build/site' }).distDir).toBe(resolve('build/site'));
    expect(cliConfig({ KB_OUT_DIR: 'build/site' }).distDir).toBe(resolve('build/site'));
    expect(serverConfig({ KB_OUT_DIR: 'build/site', KB_DIST_DIR: '/srv/kb' }).distDir).toBe('/srv/kb');
  });
});

describe('an empty value', () => {
  it('counts as unset for a path, a number, a URL and a switch alike', () => {
    const empty = { KB_DB: '', PORT: '', KB_SITE_URL: '', KB_DEMO: '', KB_DIST_DIR: '', KB_OUT_DIR: '', KB_CONTENT_DIR: '' };
    expect(serverConfig(empty)).toEqual(serverConfig({}));
    expect(buildConfig(empty)).toEqual(buildConfig({}));
    expect(cliConfig(empty)).toEqual(cliConfig({}));
  });

  it('counts as unset when it holds only spaces', () => {
    expect(cliConfig({ KB_DB: '   ' }).dbFile).toBe(resolve(DEFAULT_DB_FILE));
    expect(buildConfig({ KB_TICKET_URL: ' ' }).ticketUrl).toBe('');
  });

  it('leaves an optional secret unset rather than too short', () => {
    expect(serverConfig({ KB_ADMIN_TOKEN: '', KB_WEBHOOK_SECRET_ZENDESK: '' })).toMatchObject({
      adminToken: undefined,
      webhookSecrets: {},
    });
  });
});

describe('values that are set', () => {
  it('reads lists, switches and numbers', () => {
    const config = serverConfig({
      KB_TRUSTED_PROXIES: '10.0.0.1, ::1',
      KB_CORS_ORIGINS: 'https://Docs.Example.com:443,http://localhost:3000',
      KB_DEMO: 'off',
      KB_CHECKPOINT_THREAD: 'off',
      KB_METRICS_CACHE_SECONDS: '0',
      KB_DB_POOL_SIZE: '4',
    });
    expect(config).toMatchObject({
      trustedProxies: ['10.0.0.1', '::1'],
      corsOrigins: ['https://docs.example.com', 'http://localhost:3000'],
      demo: false,
      checkpointThread: false,
      metricsCacheSeconds: 0,
      dbPoolSize: 4,
    });
  });

  it('keeps a webhook secret per helpdesk that has one', () => {
    const secret = 'a-secret-of-sixteen+';
    expect(serverConfig({ KB_WEBHOOK_SECRET_ZAMMAD: secret }).webhookSecrets).toEqual({ zammad: secret });
  });

  it('reads SLA targets, keeping the defaults of priorities left out', () => {
    const { slaTargets } = serverConfig({ KB_SLA_TARGETS: 'high=2/12' }).metricSettings;
    expect(slaTargets.high).toEqual({ firstResponseHours: 2, resolutionHours: 12 });
    expect(slaTargets.low).toEqual(DEFAULT_SLA_TARGETS.low);
  });

  it('takes PostgreSQL from DATABASE_URL and the API origin for the build only', () => {
    expect(serverConfig({ DATABASE_URL: 'postgres://kb:pw@db:5432/kb' }).databaseUrl).toBe('postgres://kb:pw@db:5432/kb');
    expect(buildConfig({ KB_API_ORIGIN: 'https://API.example.com/' }).apiOrigin).toBe('https://api.example.com');
  });
});
