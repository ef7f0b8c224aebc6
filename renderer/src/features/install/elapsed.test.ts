import { describe, expect, it } from 'vitest';
import { formatElapsed, stepElapsed } from './elapsed';

describe('formatElapsed', () => {
  it.each([
    [0, '0s'],
    [999, '0s'],
    [7_400, '7s'],
    [59_999, '59s'],
    [60_000, '1m 00s'],
    [65_000, '1m 05s'],
    [3_599_000, '59m 59s'],
    [3_600_000, '1h 00m'],
    [3_720_000, '1h 02m'],
    [-5_000, '0s'],
  ])('%d ms reads %s', (ms, text) => {
    expect(formatElapsed(ms)).toBe(text);
  });
});

describe('stepElapsed', () => {
  it('ticks with now while running, stops at endedAt, is absent before the start', () => {
    expect(stepElapsed({}, 10_000)).toBeUndefined();
    expect(stepElapsed({ startedAt: 1_000 }, 4_000)).toBe('3s');
    expect(stepElapsed({ startedAt: 1_000 }, 9_000)).toBe('8s');
    expect(stepElapsed({ startedAt: 1_000, endedAt: 2_500 }, 99_000)).toBe('1s');
  });
});
