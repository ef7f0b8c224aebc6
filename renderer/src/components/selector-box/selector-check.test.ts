import { describe, expect, it } from 'vitest';
import { addLabelRequirement, checkSelector } from './selector-check';

describe('checkSelector', () => {
  it('accepts the empty selector (everything) and Kubernetes’ full grammar', () => {
    expect(checkSelector('')).toEqual({ ok: true, selector: '' });
    expect(checkSelector('  ')).toEqual({ ok: true, selector: '' });
    expect(checkSelector('tier=frontend,release!=canary')).toEqual({ ok: true, selector: 'tier=frontend,release!=canary' });
    expect(checkSelector(' env in (prod,qa),!legacy ')).toEqual({ ok: true, selector: 'env in (prod,qa),!legacy' });
    expect(checkSelector('app.kubernetes.io/name notin (a, b),gen>3')).toMatchObject({ ok: true });
  });

  it('names the character where a half-typed selector goes wrong', () => {
    const result = checkSelector('tier=frontend,');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.position).toBe(14);
    expect(result.message).toMatch(/^Not a valid label selector at character 15: found '', expected: identifier after ','/);
  });

  it('explains an unclosed set and counts leading spaces in the position', () => {
    const result = checkSelector('  env in (prod');
    expect(result).toMatchObject({ ok: false, position: 14 });
    if (!result.ok) expect(result.message).toContain("expected: ',' or ')'");
  });

  it('rejects an invalid key with the reason', () => {
    const result = checkSelector('-bad=1');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/character 1: key: Invalid value: "-bad"/);
  });

  it('rejects a non-integer for > and <', () => {
    expect(checkSelector('gen>x')).toMatchObject({ ok: false });
  });

  it('ends every error with examples of what works', () => {
    const result = checkSelector('a b');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/Examples: tier=frontend,release!=canary/);
  });
});

describe('addLabelRequirement', () => {
  it('starts an empty selector with the chip', () => {
    expect(addLabelRequirement('', 'app', 'web')).toBe('app=web');
  });

  it('appends to an existing selector, dropping a trailing comma', () => {
    expect(addLabelRequirement('tier=frontend', 'app', 'web')).toBe('tier=frontend,app=web');
    expect(addLabelRequirement('tier=frontend,', 'app', 'web')).toBe('tier=frontend,app=web');
  });

  it('does not add a requirement that is already there', () => {
    expect(addLabelRequirement('app==web,tier=x', 'app', 'web')).toBe('app==web,tier=x');
    expect(addLabelRequirement('app=other', 'app', 'web')).toBe('app=other,app=web');
  });
});
