/** Serves a built folder (widget bundles, admin console) read-only, with no path escapes. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface StaticOptions {
  /** Extra headers for every file (CORS, CSP...). */
  headers?: Record<string, string>;
  /** Files whose names carry a content hash can be cached for a year. */
  immutable?: (file: string) => boolean;
  /** Served for paths with no file (single-page apps). */
  fallback?: string;
}

/**
 * Answers `relativePath` from `root`, or returns false when there is no such file so the caller
 * can answer 404. Only GET and HEAD.
 */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  relativePath: string,
  options: StaticOptions = {},
): Promise<boolean> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relativePath);
  } catch {
    return false;
  }
  const candidates = [decoded === '' || decoded.endsWith('/') ? `${decoded}index.html` : decoded];
  if (options.fallback) candidates.push(options.fallback);
  for (const candidate of candidates) {
    const file = path.resolve(root, `.${path.posix.normalize(`/${candidate}`)}`);
    if (file !== root && !file.startsWith(root + path.sep)) return false;
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) continue;
    const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, {
      'content-type': type,
      'content-length': info.size,
      'x-content-type-options': 'nosniff',
      'cache-control': options.immutable?.(file) ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate',
      'last-modified': info.mtime.toUTCString(),
      ...options.headers,
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
    return true;
  }
  return false;
}
