/**
 * A small static file server for a built site, so the evaluation can load the search
 * page in Chromium without Astro's preview server. Listens on 127.0.0.1 only.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

/** Content types by extension; anything unknown (Pagefind's `.pf_*` chunks included) is binary. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
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

/** The content type a file is served with. */
export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** A running server and how to stop it. */
export interface StaticServer {
  /** Base URL with a trailing slash, e.g. `http://127.0.0.1:40123/`. */
  url: string;
  close(): Promise<void>;
}

type Resolved = { kind: 'file'; path: string } | { kind: 'redirect'; location: string } | { kind: 'missing' };

/** Maps a URL path onto the folder: `/x/` → `/x/index.html`, `/x` (a folder) → redirect to `/x/`. */
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
  return { kind: 'missing' };
}

/** Serves `folder` on 127.0.0.1 at a random free port. */
export async function startStaticServer(folder: string): Promise<StaticServer> {
  const root = resolve(folder);
  const server: Server = createServer((request, response) => {
    const { pathname, search } = new URL(request.url ?? '/', 'http://localhost');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    resolvePath(root, pathname).then(
      (found) => {
        if (found.kind === 'redirect') {
          response.writeHead(301, { location: found.location + search }).end();
        } else if (found.kind === 'missing') {
          response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
        } else {
          response.writeHead(200, { 'content-type': contentTypeFor(found.path), 'cache-control': 'no-cache' });
          if (request.method === 'HEAD') response.end();
          else createReadStream(found.path).pipe(response);
        }
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
    url: `http://127.0.0.1:${port}/`,
    close() {
      closing ??= new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      });
      return closing;
    },
  };
}
