/**
 * docs/configuration.md, written from the configuration schema (core/config/schema.ts) so
 * the document cannot drift from what the code reads: an introduction, then one table per
 * group of readers (the server, the build, the CLIs, the tests), each variable with its
 * default (a derived one in words) and its description. `npm run docs:config` writes it;
 * a unit test fails when the file differs from what this renders.
 */
import { ConfigError, readVariables } from '../../../core/config/read.ts';
import { VARIABLES } from '../../../core/config/schema.ts';
import { READERS, type AnyVariable, type Reader } from '../../../core/config/variable.ts';

/** A reader's name in section titles, and what it covers, for the legend. */
const READER_TEXT: Record<Reader, { title: string; covers: string }> = {
  server: { title: 'server', covers: '`npm start` and `npm run api`' },
  build: { title: 'build', covers: '`npm run build`, `npm run dev`, and `npm start` when there is no build yet' },
  cli: { title: 'CLIs', covers: 'the other `npm run` commands (`scripts/`)' },
  test: { title: 'tests', covers: 'the tests and benchmarks' },
};

/** "a, b and c", capitalised. */
function inWords(items: string[]): string {
  const text = items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The message a bad PORT stops the start with, as the reader writes it. */
function exampleError(): string {
  try {
    readVariables(['PORT'], { PORT: 'eighty' });
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('PORT=eighty was accepted; the example in docs/configuration.md needs a value PORT rejects');
}

const intro = () => `# Configuration

Every setting is an environment variable. This page is generated from the configuration
schema (\`core/config/schema.ts\`) by \`npm run docs:config\`: change the schema and run the
command again (a test fails when this file is stale).

- **Empty means unset.** \`KB_DB=\` (or only spaces) is the same as no \`KB_DB\`: the default applies.
- **Paths** are relative to the folder the command runs in (\`npm run\` runs in the project folder).
- **Defaults follow each other.** \`KB_DIST_DIR\` defaults to \`KB_OUT_DIR\`, and \`KB_SITE_URL\`
  to the address the server listens on: with \`PORT=4599\`, canonical, Open Graph and sitemap URLs
  say \`http://127.0.0.1:4599\`. The build writes those URLs, so give it the same variables, and
  set \`KB_SITE_URL\` when the site is published under another address.
- **Mistakes stop the command** before it does anything, with every wrong variable named:
  \`${exampleError()}\`.

Each section below lists the variables the same parts read:

${READERS.map((r) => `- **${READER_TEXT[r].title}**: ${READER_TEXT[r].covers}`).join('\n')}
`;

const cell = (text: string) => text.replace(/\|/g, '\\|');

function defaultText(spec: AnyVariable): string {
  if (spec.default === undefined) return '(none)';
  if (typeof spec.default === 'object') return spec.default.text;
  return `\`${spec.default}\``;
}

/** The document for `variables` (the schema's, by default). */
export function renderConfigDoc(variables: Readonly<Record<string, AnyVariable>> = VARIABLES): string {
  const groups = new Map<string, { readers: Reader[]; names: string[] }>();
  for (const [name, spec] of Object.entries(variables)) {
    const readers = READERS.filter((r) => spec.readers.includes(r));
    const key = readers.join('+');
    const group = groups.get(key) ?? { readers, names: [] };
    group.names.push(name);
    groups.set(key, group);
  }
  const sections = [...groups.values()].map(({ readers, names }) => {
    const title = inWords(readers.map((r) => READER_TEXT[r].title));
    const rows = names.map((name) => {
      const spec = variables[name]!;
      return `| \`${name}\` | ${cell(defaultText(spec))} | ${cell(spec.description)} |`;
    });
    return `## ${title}\n\n| Variable | Default | Description |\n|---|---|---|\n${rows.join('\n')}\n`;
  });
  return `${intro()}\n${sections.join('\n')}`;
}
