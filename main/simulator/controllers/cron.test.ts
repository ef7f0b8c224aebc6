import { describe, expect, it } from 'vitest';
import { lastScheduleBetween, parseCron } from './cron';
import { templateHash, safeEncode } from './template-hash';
import { milliCpu, parseQuantity } from './quantity';

describe('cron schedules', () => {
  const at = (iso: string): number => Date.parse(iso);
  it('matches steps, ranges, lists and macros', () => {
    expect(parseCron('*/5 * * * *').matches(new Date(at('2025-01-01T10:15:00Z')))).toBe(true);
    expect(parseCron('*/5 * * * *').matches(new Date(at('2025-01-01T10:16:00Z')))).toBe(false);
    expect(parseCron('0 2 * * 1-5').matches(new Date(at('2025-01-06T02:00:00Z')))).toBe(true); // a Monday
    expect(parseCron('0 2 * * 1-5').matches(new Date(at('2025-01-05T02:00:00Z')))).toBe(false); // a Sunday
    expect(parseCron('@hourly').matches(new Date(at('2025-01-05T07:00:00Z')))).toBe(true);
    expect(() => parseCron('61 * * * *')).toThrow();
    expect(() => parseCron('* * *')).toThrow(/5 fields/);
  });
  it('finds the latest scheduled minute in a window', () => {
    expect(lastScheduleBetween(parseCron('*/5 * * * *'), at('2025-01-01T10:00:00Z'), at('2025-01-01T10:12:30Z'))).toBe(at('2025-01-01T10:10:00Z'));
    expect(lastScheduleBetween(parseCron('0 2 * * *'), at('2025-01-01T10:00:00Z'), at('2025-01-01T10:12:30Z'))).toBeUndefined();
  });
});

describe('template hash and quantities', () => {
  it('encodes like rand.SafeEncodeString and ignores the hash label and zero values', () => {
    expect(safeEncode('3565005073')).toBe('79b94494c7');
    const t = { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'i' }] } };
    expect(templateHash(t)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(templateHash({ ...t, metadata: { labels: { app: 'x', 'pod-template-hash': 'abc' }, creationTimestamp: null } })).toBe(templateHash(t));
    expect(templateHash({ ...t, spec: { containers: [{ name: 'c', image: 'j' }] } })).not.toBe(templateHash(t));
  });
  it('parses quantities', () => {
    expect(milliCpu('250m')).toBe(250);
    expect(milliCpu('2')).toBe(2000);
    expect(parseQuantity('128Mi')).toBe(128 * 1024 * 1024);
    expect(parseQuantity('1G')).toBe(1e9);
    expect(parseQuantity('16369656Ki')).toBe(16369656 * 1024);
  });
});
