import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheControlFor, readStaticFile } from './static-files';

describe('static files of the built renderer', () => {
  const root = mkdtempSync(join(tmpdir(), 'berth-static-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'pods-page-CsjIIe4X.js'), 'export {}');
  writeFileSync(join(root, 'secret.txt'), 'no');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('lets the browser keep content-hashed assets for good, and nothing else', () => {
    expect(cacheControlFor('/assets/index-CccRsM7F.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('/assets/use-on-reconnect-BNsX7KWE.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('/assets/xterm-view-DTWnbdMO.css')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('/index.html')).toBe('no-store');
    expect(cacheControlFor('/assets/index.js')).toBe('no-store');
    expect(cacheControlFor('/favicon-CccRsM7F.ico')).toBe('no-store');
  });

  it('reads files with their type and caching', async () => {
    const asset = await readStaticFile(root, '/assets/pods-page-CsjIIe4X.js');
    expect(asset?.contentType).toBe('text/javascript; charset=utf-8');
    expect(asset?.cacheControl).toContain('immutable');
    expect((await readStaticFile(root, '/index.html'))?.cacheControl).toBe('no-store');
  });

  it('serves nothing outside the folder, or missing', async () => {
    expect(await readStaticFile(join(root, 'assets'), '/../secret.txt')).toBeNull();
    expect(await readStaticFile(join(root, 'assets'), '/%2e%2e/secret.txt')).toBeNull();
    expect(await readStaticFile(root, '/assets/missing-AAAAAAAA.js')).toBeNull();
    expect(await readStaticFile(root, '/%E0%A4%A')).toBeNull();
  });
});
