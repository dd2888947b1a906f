/**
 * Slugs for imported articles. The slug is derived from where the source lives, never
 * from its title, so re-importing the same folder gives the same ids and links between
 * imported pages can be rewritten before the target page has been converted.
 */
import { SLUG_PATTERN } from '../content/article.ts';

/**
 * Lowercases `text` and turns every run of characters outside `[a-z0-9]` into one `-`,
 * trimming hyphens at either end. May return an empty string (e.g. for Chinese text).
 */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The slug of a source file from its path relative to the imported folder:
 * `guides/deploy/github.mdx` → `guides-deploy-github`, `index.mdx` → `index`.
 * Returns null when nothing usable is left (a file name with no Latin letters or digits).
 */
export function slugFromPath(relativePath: string): string | null {
  const withoutExtension = relativePath.replace(/\\/g, '/').replace(/\.[^./]*$/, '');
  const slug = slugify(withoutExtension.replace(/\//g, '-'));
  return SLUG_PATTERN.test(slug) ? slug : null;
}

/**
 * The path a source page is served at on its own site, without language prefix and
 * slashes: `guides/deploy/index.mdx` → `guides/deploy`, `index.mdx` → `` (the home page).
 * Links in the sources point at these paths, so they key the lookup of imported pages.
 */
export function pagePathFromFile(relativePath: string): string {
  const path = relativePath.replace(/\\/g, '/').replace(/\.mdx?$/, '');
  if (path === 'index') return '';
  return path.replace(/\/index$/, '');
}
