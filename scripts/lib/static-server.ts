/**
 * A small static file server for a built site, so the tools that load it in Chromium (the
 * search evaluation, the build benchmark's query bytes) need no Astro preview server. It
 * behaves like a typical static host: `/dir/` serves `dir/index.html`, `/dir` redirects to
 * `/dir/`, a missing page gets the site's 404.html, and text is gzipped when the browser
 * accepts it (the benchmark counts bytes on the wire). Pagefind's own files are compressed
 * already and go out as they are. Listens on 127.0.0.1 only.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Content types by extension; anything unknown (Pagefind's `.pf_*` chunks included) is binary. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  // Browsers only stream-compile WebAssembly served with its own type.
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.txt', '.webmanifest', '.svg']);

/** The content type a file is served with. */
export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** A running server and how to stop it. */
export interface StaticServer {
  /** Scheme, host and port without a trailing slash, e.g. `http://127.0.0.1:40123`. */
  origin: string;
  /** Stops the server; calling it again waits for the same close. */
  close(): Promise<void>;
}

/** What one request is answered with. */
interface Reply {
  status: number;
  headers: Record<string, string>;
  body?: Buffer;
}

type Resolved = { kind: 'file'; path: string } | { kind: 'redirect'; location: string } | { kind: 'missing' };

/** Maps a URL path onto the folder: `/x/` → `x/index.html`, `/x` (a folder) → redirect, `/x` → `x.html` if that exists. */
async function resolvePath(root: string, urlPath: string): Promise<Resolved> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'missing' };
  }
  const target = resolve(join(root, decoded.endsWith('/') ? `${decoded}index.html` : decoded));
  // Refuse anything that climbs out of the site folder (`/../`).
  if (target !== root && !target.startsWith(root + sep)) return { kind: 'missing' };
  const info = await stat(target).catch(() => null);
  if (info?.isFile()) return { kind: 'file', path: target };
  if (info?.isDirectory()) return { kind: 'redirect', location: `${urlPath}/` };
  // Astro's `build.format: 'file'` writes /page.html for /page.
  const asPage = await stat(`${target}.html`).catch(() => null);
  return asPage?.isFile() ? { kind: 'file', path: `${target}.html` } : { kind: 'missing' };
}

/** The body and headers of one file, gzipped when the type is text and the browser accepts it. */
async function fileResponse(path: string, acceptEncoding: string): Promise<Required<Omit<Reply, 'status'>>> {
  let body = await readFile(path);
  const headers: Record<string, string> = { 'content-type': contentTypeFor(path), 'cache-control': 'no-store' };
  if (COMPRESSIBLE.has(extname(path).toLowerCase()) && /\bgzip\b/.test(acceptEncoding)) {
    body = gzipSync(body);
    headers['content-encoding'] = 'gzip';
  }
  headers['content-length'] = String(body.length);
  return { body, headers };
}

/** Serves `folder` on 127.0.0.1 at a free port. */
export async function startStaticServer(folder: string): Promise<StaticServer> {
  const root = resolve(folder);
  const answer = async (method: string, url: string, acceptEncoding: string): Promise<Reply> => {
    const { pathname, search } = new URL(url, 'http://localhost');
    if (method !== 'GET' && method !== 'HEAD') return { status: 405, headers: { allow: 'GET, HEAD' } };
    const found = await resolvePath(root, pathname);
    if (found.kind === 'redirect') return { status: 301, headers: { location: found.location + search } };
    if (found.kind === 'file') return { status: 200, ...(await fileResponse(found.path, acceptEncoding)) };
    const notFound = await resolvePath(root, '/404.html');
    if (notFound.kind === 'file') return { status: 404, ...(await fileResponse(notFound.path, acceptEncoding)) };
    return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: Buffer.from('Not found') };
  };
  const server: Server = createServer((request, response) => {
    const method = request.method ?? 'GET';
    answer(method, request.url ?? '/', String(request.headers['accept-encoding'] ?? '')).then(
      ({ status, headers, body }) => {
        response.writeHead(status, headers).end(method === 'HEAD' ? undefined : body);
      },
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    origin: `http://127.0.0.1:${port}`,
    close() {
      closing ??= new Promise<void>((done) => {
        // Browsers keep connections alive; without this close() waits for them to time out.
        server.closeAllConnections();
        server.close(() => done());
      });
      return closing;
    },
  };
}
