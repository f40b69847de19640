import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';

/**
 * Options of {@link createStaticHandler}.
 *
 * @example
 * ```ts
 * const options: StaticHandlerOptions = { root: 'dist', spaFallback: true };
 * ```
 */
export interface StaticHandlerOptions {
  /** The directory to serve. */
  readonly root: string;
  /**
   * Answer unknown paths that look like page navigations (no file extension, or `Accept:
   * text/html`) with `index.html`, so a client-side router owns them. Default `true`.
   */
  readonly spaFallback?: boolean;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
};

/**
 * Serves the files of one directory as a Fetch-API handler (`Request → Response`): GET and HEAD
 * only, no path escapes the root (`..`, encoded slashes, symlinks pointing out), `index.html` for
 * directories, optional single-page-app fallback, `ETag` / `304`, long-lived caching for Vite's
 * hashed `/assets/`, `no-cache` for HTML, and `nosniff` / `frame-ancestors 'none'` on every answer.
 *
 * @example
 * ```ts
 * const files = await createStaticHandler({ root: 'examples/multipage/dist' });
 * const response = await files(new Request('http://localhost/account'));
 * ```
 */
export async function createStaticHandler(options: StaticHandlerOptions): Promise<(request: Request) => Promise<Response>> {
  const root = await realpath(resolve(options.root)).catch(() => {
    throw new Error(`static directory ${JSON.stringify(options.root)} does not exist`);
  });
  const rootStat = await stat(root);
  if (!rootStat.isDirectory()) throw new Error(`static path ${JSON.stringify(options.root)} is not a directory`);
  const spaFallback = options.spaFallback ?? true;

  async function resolveFile(pathname: string): Promise<string | null> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return null;
    }
    if (decoded.includes('\0') || decoded.includes('\\')) return null;
    const candidate = resolve(root, `.${decoded}`);
    if (candidate !== root && !candidate.startsWith(root + sep)) return null;
    let file = candidate;
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file);
      }
      if (!info.isFile()) return null;
      const real = await realpath(file);
      if (!real.startsWith(root + sep)) return null;
      return real;
    } catch {
      return null;
    }
  }

  return async function staticHandler(request: Request): Promise<Response> {
    const security = {
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "frame-ancestors 'none'",
      'Referrer-Policy': 'same-origin',
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method Not Allowed\n', {
        status: 405,
        headers: { ...security, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' },
      });
    }
    const { pathname } = new URL(request.url);
    let file = await resolveFile(pathname);
    if (file === null && spaFallback) {
      const accept = request.headers.get('accept') ?? '';
      const looksLikePage = extname(pathname) === '' || accept.includes('text/html');
      if (looksLikePage) file = await resolveFile('/index.html');
    }
    if (file === null) {
      return new Response('Not Found\n', { status: 404, headers: { ...security, 'Content-Type': 'text/plain; charset=utf-8' } });
    }
    const info = await stat(file);
    const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const immutable = pathname.startsWith('/assets/') && !type.startsWith('text/html');
    const headers: Record<string, string> = {
      ...security,
      'Content-Type': type,
      ETag: etag,
      'Last-Modified': info.mtime.toUTCString(),
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
    headers['Content-Length'] = String(info.size);
    if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
    const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
    return new Response(body, { status: 200, headers });
  };
}
