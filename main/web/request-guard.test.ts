import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../app/csp';
import { createGuard } from './request-guard';

describe('web host request guard', () => {
  const guard = createGuard(4321, 'secret-token');
  it('accepts only our own host names on our port (DNS rebinding)', () => {
    expect(guard.hostAllowed('127.0.0.1:4321')).toBe(true);
    expect(guard.hostAllowed('localhost:4321')).toBe(true);
    expect(guard.hostAllowed('LOCALHOST:4321')).toBe(true);
    expect(guard.hostAllowed('evil.example:4321')).toBe(false);
    expect(guard.hostAllowed('127.0.0.1:80')).toBe(false);
    expect(guard.hostAllowed(undefined)).toBe(false);
  });
  it('accepts only our own origin', () => {
    expect(guard.originAllowed('http://127.0.0.1:4321')).toBe(true);
    expect(guard.originAllowed('http://evil.example')).toBe(false);
    expect(guard.originAllowed('null')).toBe(false);
    expect(guard.originAllowed(undefined)).toBe(false);
  });
  it('compares the token exactly', () => {
    expect(guard.tokenMatches('secret-token')).toBe(true);
    expect(guard.tokenMatches('secret-toke')).toBe(false);
    expect(guard.tokenMatches('secret-tokenX')).toBe(false);
    expect(guard.tokenMatches('')).toBe(false);
    expect(guard.tokenMatches(null)).toBe(false);
  });
});

describe('Content-Security-Policy', () => {
  it('index.html carries the same policy as main/app/csp.ts (less what a meta tag cannot hold)', () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    const expected = contentSecurityPolicy()
      .split('; ')
      .filter((d) => !d.startsWith('frame-ancestors'))
      .join('; ');
    expect(meta).toBe(expected);
  });
  it('never allows inline or remote scripts', () => {
    const policy = contentSecurityPolicy(['ws://127.0.0.1:1']);
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval|\*|https?:)/);
    expect(policy).toContain("default-src 'none'");
  });
});
