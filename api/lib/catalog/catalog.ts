/**
 * The articles the served build publishes, from its manifest (`kb-build/manifest.json`).
 * The API trusts this list, not the content folder, so it agrees with what readers see.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildManifestSchema, type BuildManifest, type ManifestArticle } from '../../../core/content/manifest.ts';

export const MANIFEST_PATH = join('kb-build', 'manifest.json');

export interface ArticleCatalog {
  manifest: BuildManifest;
  byId: Map<string, ManifestArticle>;
  /** Published, non-archived articles (what lists and search show). */
  listed: ManifestArticle[];
}

export function catalogFrom(manifest: BuildManifest): ArticleCatalog {
  return {
    manifest,
    byId: new Map(manifest.articles.map((a) => [a.id, a])),
    listed: manifest.articles.filter((a) => a.listed),
  };
}

/** Reads and validates the manifest of a built site; throws naming the file when it cannot. */
export function loadCatalog(distDir: string): ArticleCatalog {
  const file = join(distDir, MANIFEST_PATH);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the build manifest ${file}: ${(error as Error).message}. Run "npm run build" first.`);
  }
  const parsed = buildManifestSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`The build manifest ${file} is invalid: ${parsed.error.issues[0]?.message}. Rebuild the site.`);
  return catalogFrom(parsed.data);
}
