/**
 * The Content-Security-Policy of the help center's pages (issue 14), /insights/ included,
 * which keeps a staff token in the tab. Scripts run only from this origin or when they are
 * one of the build's own inline scripts, allowed by hash: the build is scanned once when the
 * server starts, so a script an attacker manages to inject into a page (stored text, a
 * parameter) does not run. Pagefind's search compiles WebAssembly ('wasm-unsafe-eval').
 * Inline styles stay allowed: Astro writes scoped style attributes, and CSS cannot run code.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
/** Data blocks: never executed, so not covered by script-src. */
const DATA_TYPE = /\btype\s*=\s*["']?application\/(?:ld\+)?json/i;

/** The sha256 sources of the inline scripts of one HTML document. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const [, attributes = '', body = ''] of html.matchAll(SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes) || DATA_TYPE.test(attributes) || body.length === 0) continue;
    hashes.push(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
  }
  return hashes;
}

function htmlFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...htmlFiles(path));
    else if (entry.name.endsWith('.html')) files.push(path);
  }
  return files;
}

/** The policy for every page of the build in `distDir`. */
export function siteCsp(distDir: string): string {
  const hashes = new Set<string>();
  for (const file of htmlFiles(distDir)) for (const hash of inlineScriptHashes(readFileSync(file, 'utf8'))) hashes.add(hash);
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval'${[...hashes].map((h) => ` ${h}`).join('')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
