/** The configuration schema and the document generated from it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { namesReadBy, VARIABLES } from '../../core/config/schema.ts';
import type { AnyVariable, Lookup } from '../../core/config/variable.ts';
import { WEBHOOK_HELPDESKS } from '../../core/tickets/helpdesks.ts';
import { renderConfigDoc } from '../../scripts/lib/docs-config/render.ts';

const entries = Object.entries(VARIABLES) as [string, AnyVariable][];

describe('the configuration schema', () => {
  it('describes every variable in one line and says who reads it', () => {
    for (const [name, spec] of entries) {
      expect(name).toMatch(/^(KB_[A-Z0-9_]+|PORT|HOST|DATABASE_URL|CHROMIUM_PATH)$/);
      expect(spec.description, name).toMatch(/^\S[^\n]{9,199}$/);
      expect(spec.readers.length, name).toBeGreaterThan(0);
    }
  });

  it('has a webhook secret for each helpdesk with a webhook, and no other', () => {
    const secrets = entries.map(([name]) => name).filter((name) => name.startsWith('KB_WEBHOOK_SECRET_'));
    expect(secrets).toEqual(WEBHOOK_HELPDESKS.map((id) => `KB_WEBHOOK_SECRET_${id.toUpperCase()}`));
    expect(secrets).toEqual(['KB_WEBHOOK_SECRET_ZENDESK', 'KB_WEBHOOK_SECRET_FRESHDESK', 'KB_WEBHOOK_SECRET_ZAMMAD']);
  });

  it('has constant defaults its own types accept', () => {
    for (const [name, spec] of entries) {
      if (typeof spec.default === 'string') expect(spec.type.safeParse(spec.default).success, name).toBe(true);
    }
  });

  it('lets every reader of a derived default read the variables it follows too', () => {
    for (const [name, spec] of entries) {
      if (typeof spec.default !== 'object') continue;
      const followed = new Set<string>();
      const get: Lookup = (other) => {
        followed.add(other);
        return undefined;
      };
      spec.default.derive(get);
      expect(followed.size, name).toBeGreaterThan(0);
      for (const other of followed) {
        const otherSpec = (VARIABLES as Record<string, AnyVariable>)[other];
        expect(otherSpec, `${name} follows ${other}`).toBeDefined();
        for (const reader of spec.readers) expect(otherSpec!.readers, `${reader} reads ${name}, so ${other}`).toContain(reader);
      }
    }
  });

  it('gives each reader the variables it reads and no others', () => {
    expect(namesReadBy('build')).toEqual([
      'KB_DB',
      'KB_CONTENT_DIR',
      'KB_OUT_DIR',
      'PORT',
      'HOST',
      'KB_SITE_URL',
      'DATABASE_URL',
      'KB_DB_POOL_SIZE',
      'KB_AUDIENCE',
      'KB_TICKET_URL',
      'KB_TICKET_SUBJECT_PARAM',
      'KB_API_ORIGIN',
    ]);
    expect(namesReadBy('cli')).toEqual([
      'KB_DB',
      'KB_CONTENT_DIR',
      'KB_OUT_DIR',
      'KB_DIST_DIR',
      'DATABASE_URL',
      'KB_DB_POOL_SIZE',
      'CHROMIUM_PATH',
    ]);
    expect(namesReadBy('test')).toEqual(['KB_CHECKPOINT_THREAD', 'CHROMIUM_PATH', 'KB_TEST_DATABASE_URL', 'KB_TEST_POSTGRES_BIN']);
    expect(namesReadBy('server')).not.toContain('KB_API_ORIGIN');
    expect(namesReadBy('server')).toContain('DATABASE_URL');
  });
});

describe('docs/configuration.md', () => {
  it('is what npm run docs:config generates from the schema', () => {
    const file = readFileSync(new URL('../../docs/configuration.md', import.meta.url), 'utf8');
    // toBe would print the whole document; the message says how to fix it.
    expect(file === renderConfigDoc(), 'docs/configuration.md is out of date with core/config/schema.ts: run `npm run docs:config`').toBe(
      true,
    );
  });

  it('has a row for every variable with its default, derived ones in words', () => {
    const doc = renderConfigDoc();
    for (const [name] of entries) expect(doc).toContain(`| \`${name}\` | `);
    expect(doc).toContain('| `KB_DB` | `data/kb.sqlite` |');
    expect(doc).toContain('| `KB_DIST_DIR` | the value of `KB_OUT_DIR` |');
    expect(doc).toContain('| `KB_SITE_URL` | `http://<HOST>:<PORT>`');
    expect(doc).toContain('| `KB_ADMIN_TOKEN` | (none) |');
  });

  it('groups the variables by who reads them', () => {
    const doc = renderConfigDoc();
    const headings = doc.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual([
      '## Server, build and CLIs',
      '## Server and build',
      '## Server and CLIs',
      '## Server',
      '## Server and tests',
      '## Build',
      '## CLIs and tests',
      '## Tests',
    ]);
    const section = (heading: string) => doc.split(`${heading}\n`)[1]!.split('\n## ')[0]!;
    expect(section('## Build')).toContain('`KB_API_ORIGIN`');
    expect(section('## Server, build and CLIs')).toContain('`DATABASE_URL`');
    expect(section('## Server, build and CLIs')).toContain('| `KB_DB_POOL_SIZE` | `10` |');
    expect(section('## Tests')).toContain('`KB_TEST_DATABASE_URL`');
  });

  it('escapes a pipe in a description so the table keeps its columns', () => {
    const doc = renderConfigDoc({ KB_X: { ...VARIABLES.KB_DB, description: 'a | b' } });
    expect(doc).toContain('| `KB_X` | `data/kb.sqlite` | a \\| b |');
  });
});
