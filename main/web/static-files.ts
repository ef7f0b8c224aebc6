import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
  cacheControl: string;
}

// Vite names every file under assets/ after a hash of its content: a new build makes new names, so
// the browser may keep them for good. That skips the download on a reload and, more important,
// lets Chromium keep V8's compiled code for them (no code cache for `no-store` scripts).
// Everything else (index.html, which names the current assets and sets the token cookie) is
// fetched afresh each time.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const HASHED_ASSET = /^\/assets\/[^/]+-[\w-]{8}\.\w+$/;

/** How long a browser may keep the file at this URL path. */
export function cacheControlFor(urlPath: string): string {
  return HASHED_ASSET.test(urlPath) ? IMMUTABLE : 'no-store';
}

/** Reads a file of the built renderer; null for anything outside its folder or missing. */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const full = normalize(join(root, decoded));
  if (!full.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  try {
    const body = await readFile(full);
    return { body, contentType: CONTENT_TYPES[extname(full)] ?? 'application/octet-stream', cacheControl: cacheControlFor(decoded) };
  } catch {
    return null;
  }
}
