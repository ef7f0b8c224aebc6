import { describe, expect, it } from 'vitest';
import { needsNewWindow, windowFor } from './table-window';

const opts = { overscan: 20, chunk: 50, maxLimit: 1000 };

describe('windowFor', () => {
  it('starts at 0 at the top of the list and covers the screen plus overscan, chunk-aligned', () => {
    expect(windowFor(0, 29, opts)).toEqual({ offset: 0, limit: 50 });
  });

  it('pads both sides and aligns to the chunk in the middle of a long list', () => {
    // rows 1000..1030 visible: 980..1050 needed, aligned out to 950..1100
    expect(windowFor(1000, 1030, opts)).toEqual({ offset: 950, limit: 150 });
  });

  it('gives the same window for small scrolls inside a chunk, so nothing is re-requested', () => {
    expect(windowFor(1001, 1031, opts)).toEqual(windowFor(1000, 1030, opts));
  });

  it('never asks for more than the contract allows', () => {
    expect(windowFor(0, 5000, opts)).toEqual({ offset: 0, limit: 1000 });
  });

  it('tolerates an inverted or negative range', () => {
    expect(windowFor(30, 0, opts)).toEqual({ offset: 0, limit: 100 });
    expect(windowFor(-5, -1, opts)).toEqual({ offset: 0, limit: 50 });
  });
});

describe('needsNewWindow', () => {
  it('asks when there is no window yet', () => {
    expect(needsNewWindow(null, 0, 10, 0)).toBe(true);
  });

  it('does not ask while the visible rows are inside the window', () => {
    expect(needsNewWindow({ offset: 950, limit: 150 }, 1000, 1030, 5000)).toBe(false);
  });

  it('asks when the visible rows run off either end', () => {
    expect(needsNewWindow({ offset: 950, limit: 150 }, 940, 970, 5000)).toBe(true);
    expect(needsNewWindow({ offset: 950, limit: 150 }, 1080, 1110, 5000)).toBe(true);
  });

  it('does not ask for rows past the end of the list', () => {
    // 120 rows, window covers them all; the viewport reaches past the end.
    expect(needsNewWindow({ offset: 50, limit: 100 }, 100, 140, 120)).toBe(false);
    expect(needsNewWindow({ offset: 0, limit: 50 }, 0, 30, 0)).toBe(false);
  });
});
