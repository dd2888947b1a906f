/**
 * Imports a folder of foreign Markdown/MDX pages (for example the Astro docs) as articles.
 * Slugs come from file paths, so a re-import gives the same ids and links between the
 * imported pages can point at the articles they become.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { splitFrontmatter } from '../../../core/content/loader.ts';
import { ensureTopic } from './topics-file.ts';
import { convertMdx, type ConversionReport } from './mdx-to-markdown.ts';
import { createLinkRewriter, langSegment, type LinkTarget } from './mdx-links.ts';
import { ImportError } from './report.ts';
import { pagePathFromFile, slugFromPath } from '../../../core/text/slug.ts';
import { truncateAtBoundary } from './text.ts';
import { writeArticles, type ArticleDraft, type ImportTarget, type WriteResult } from './write-articles.ts';

/** What to import; where to and the fixed frontmatter are the ImportTarget. */
export interface DocsImportOptions extends ImportTarget {
  /** The folder of pages for one language. */
  folder: string;
  /** Origin of the source site, for links to pages that were not imported. */
  siteBase: string;
  /** Called after each converted page, for progress output. */
  onProgress?: (done: number, total: number) => void;
}

/** One page's outcome; `conversion` is null when the page could not be converted. */
export interface DocsFileReport extends WriteResult {
  conversion: ConversionReport | null;
}

/** Every page's outcome, and whether the topic had to be added. */
export interface DocsImportReport {
  files: DocsFileReport[];
  topic: { id: string; added: boolean; createdFolder: boolean };
}

/** Markdown and MDX files below `folder`, as sorted paths relative to it. */
export function listSourceFiles(folder: string): string[] {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new ImportError(`folder not found: ${folder}`);
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.mdx?$/.test(entry.name)) files.push(relative(folder, path).split('\\').join('/'));
    }
  };
  walk(folder);
  if (files.length === 0) throw new ImportError(`no .md or .mdx files in ${folder}`);
  return files.sort();
}

/** A page's `title`, read before conversion so links to it can show it. */
function quickTitle(text: string): string | undefined {
  const parts = splitFrontmatter(text);
  if (!parts) return undefined;
  try {
    const title: unknown = (parseYaml(parts.yaml) as Record<string, unknown> | null)?.['title'];
    return typeof title === 'string' ? title : undefined;
  } catch {
    return undefined;
  }
}

/** Converts every page of the folder and writes the articles; throws ImportError before writing when the folder is unusable. */
export function importDocs(options: DocsImportOptions): DocsImportReport {
  const files = listSourceFiles(options.folder);
  const texts = new Map(files.map((file) => [file, readFileSync(join(options.folder, file), 'utf8')]));
  const pages = new Map<string, LinkTarget>();
  for (const file of files) {
    const slug = slugFromPath(file);
    if (slug) pages.set(pagePathFromFile(file), { slug, title: quickTitle(texts.get(file)!) ?? slug });
  }
  const rewriteLink = createLinkRewriter({ lang: options.lang, siteBase: options.siteBase, pages });
  const segment = langSegment(options.lang);
  const pageTitle = (sourcePath: string) =>
    sourcePath.startsWith(`${segment}/`) ? pages.get(sourcePath.slice(segment.length + 1))?.title : undefined;

  const ensured = ensureTopic(options.contentDir, options.topic);
  const failed: DocsFileReport[] = [];
  const drafts: ArticleDraft[] = [];
  const conversions = new Map<string, ConversionReport>();
  files.forEach((file, index) => {
    const slug = slugFromPath(file);
    const fail = (problem: string) =>
      failed.push({
        origin: file,
        id: `${options.lang}/${slug ?? '?'}`,
        file: '',
        status: 'invalid',
        problems: [problem],
        conversion: null,
      });
    if (!slug) fail('the file name gives no slug (it needs Latin letters or digits)');
    else {
      try {
        const pagePath = pagePathFromFile(file);
        const converted = convertMdx(texts.get(file)!, {
          lang: options.lang,
          mdx: file.endsWith('.mdx'),
          pageTitle,
          rewriteUrl: (url) => rewriteLink(url, pagePath),
        });
        conversions.set(file, converted.report);
        const title = typeof converted.frontmatter['title'] === 'string' ? converted.frontmatter['title'] : '';
        const description = converted.frontmatter['description'];
        const summary = typeof description === 'string' && description.trim() ? description : converted.firstParagraph || title;
        drafts.push({
          origin: file,
          slug,
          body: converted.markdown,
          frontmatter: {
            title: truncateAtBoundary(title, 200),
            summary: truncateAtBoundary(summary, 500),
            type: options.type,
            topic: options.topic,
            state: 'validated',
            audience: 'public',
            translationKey: slug,
            owner: options.owner,
            source: `${options.sourceLabel} ${file}`,
          },
        });
      } catch (error) {
        fail(`could not be converted: ${(error as Error).message.split('\n')[0]}`);
      }
    }
    options.onProgress?.(index + 1, files.length);
  });

  const written = writeArticles(drafts, {
    contentDir: options.contentDir,
    lang: options.lang,
    today: options.today,
    topicIds: ensured.tree.ids,
  });
  const reports: DocsFileReport[] = [
    ...written.map((result) => ({ ...result, conversion: conversions.get(result.origin) ?? null })),
    ...failed,
  ];
  reports.sort((a, b) => (a.origin < b.origin ? -1 : a.origin > b.origin ? 1 : 0));
  return { files: reports, topic: { id: options.topic, added: ensured.addedTopic, createdFolder: ensured.createdFolder } };
}
