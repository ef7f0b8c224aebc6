import { describe, expect, it } from 'vitest';
import { madeAgo, untilText } from './report-time';

describe('madeAgo', () => {
  const t = Date.parse('2026-11-27T12:00:00Z');
  it('says how old the report is in the largest whole unit', () => {
    expect(madeAgo(t, t + 2_000)).toBe('just now');
    expect(madeAgo(t, t + 40_000)).toBe('40 s ago');
    expect(madeAgo(t, t + 3 * 60_000 + 10_000)).toBe('3 min ago');
    expect(madeAgo(t, t + 2 * 3600_000 + 5 * 60_000)).toBe('2 h ago');
  });
  it('never says a report is from the future (clocks of host and page differ a little)', () => {
    expect(madeAgo(t, t - 5_000)).toBe('just now');
  });
});

describe('untilText', () => {
  it('says when the next check runs', () => {
    expect(untilText(100_000, 0)).toBe('in 2 min');
    expect(untilText(30_000, 0)).toBe('in 30 s');
    expect(untilText(1_000, 2_000)).toBe('soon');
  });
});
