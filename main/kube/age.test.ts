import { describe, expect, it } from 'vitest';
import { age, humanDuration, toMillis } from './age';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('humanDuration (apimachinery duration.HumanDuration)', () => {
  it.each([
    [-3 * s, '<invalid>'],
    [-1500, '0s'],
    [0, '0s'],
    [59 * s, '59s'],
    [119 * s, '119s'],
    [2 * m, '2m'],
    [2 * m + 4 * s, '2m4s'],
    [3 * m + 28 * s, '3m28s'],
    [9 * m + 59 * s, '9m59s'],
    [10 * m + 30 * s, '10m'],
    [47 * m, '47m'],
    [179 * m, '179m'],
    [3 * h, '3h'],
    [5 * h + 12 * m, '5h12m'],
    [8 * h, '8h'],
    [47 * h, '47h'],
    [2 * d + 3 * h, '2d3h'],
    [7 * d, '7d'],
    [8 * d, '8d'],
    [400 * d, '400d'],
    [730 * d, '2y'],
    [4 * 365 * d + 10 * d, '4y10d'],
    [4 * 365 * d, '4y'],
    [9 * 365 * d + 40 * d, '9y'],
  ])('%d ms -> %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });
});

describe('age', () => {
  const now = Date.parse('2025-03-14T21:30:00Z');
  it('formats the reference ages of a fresh microk8s', () => {
    expect(age('2025-03-14T21:27:56Z', now)).toBe('2m4s');
    expect(age('2025-03-14T21:26:32Z', now)).toBe('3m28s');
    expect(age(new Date(now - 8 * h), now)).toBe('8h');
  });
  it('reads a missing timestamp as <unknown>', () => {
    expect(age(undefined, now)).toBe('<unknown>');
    expect(age('', now)).toBe('<unknown>');
  });
});

describe('toMillis', () => {
  it('reads the API server form without Date.parse, with the same result as Date.parse for any 20-character candidate', () => {
    let seed = 5;
    const rnd = (n: number) => (seed = (seed * 16807) % 2147483647) % n;
    const pad = (v: number, w: number) => String(v).padStart(w, '0');
    const samples = ['2026-11-27T12:02:47Z', '2024-02-29T23:59:59Z', '2026-02-31T00:00:00Z', '2026-13-01T00:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01T23:60:00Z', '0050-01-01T00:00:00Z', '2026-01-01T00:00:0xZ', '2026-01-01 00:00:00Z', '2026-01-01T00:00:00+0'];
    for (let i = 0; i < 2000; i++) samples.push(`${pad(1990 + rnd(60), 4)}-${pad(rnd(14), 2)}-${pad(rnd(33), 2)}T${pad(rnd(25), 2)}:${pad(rnd(61), 2)}:${pad(rnd(61), 2)}Z`);
    for (const t of samples) {
      const expected = Date.parse(t);
      expect(toMillis(t), t).toBe(Number.isNaN(expected) ? undefined : expected);
    }
  });

  it('leaves fractions, offsets and dates to Date.parse', () => {
    expect(toMillis('2026-11-27T12:02:47.123456Z')).toBe(Date.parse('2026-11-27T12:02:47.123456Z'));
    expect(toMillis('2026-11-27T12:02:47+02:00')).toBe(Date.UTC(2026, 10, 27, 10, 2, 47));
    expect(toMillis(new Date(5))).toBe(5);
    expect(toMillis('')).toBeUndefined();
    expect(toMillis('not a time')).toBeUndefined();
  });
});
