import { describe, expect, it } from 'vitest';
import { rowsInView, scrollTopToShow } from './fixed-rows';

const g = { rowHeight: 32, headerHeight: 34, overscan: 6 };

describe('rowsInView', () => {
  it('renders the rows on screen and a few around them', () => {
    // 34 px header + 10 rows of 32 px visible
    expect(rowsInView(150_000, 0, 354, g)).toEqual({ first: 0, last: 15 });
    expect(rowsInView(150_000, 320, 354, g)).toEqual({ first: 4, last: 25 });
    // half a row scrolled: the partly visible rows at both ends count
    expect(rowsInView(150_000, 16, 354, g)).toEqual({ first: 0, last: 16 });
  });

  it('stops at the ends of the list', () => {
    expect(rowsInView(5, 0, 800, g)).toEqual({ first: 0, last: 4 });
    expect(rowsInView(150_000, 149_990 * 32, 354, g)).toEqual({ first: 149_984, last: 149_999 });
    // the list shrank below the scroll position (churn): the last rows, not nothing
    expect(rowsInView(100, 200 * 32, 354, g)).toEqual({ first: 93, last: 99 });
    expect(rowsInView(0, 0, 800, g)).toEqual({ first: 0, last: -1 });
  });

  it('takes as long for 150,000 rows as for 100', () => {
    const started = performance.now();
    for (let i = 0; i < 10_000; i++) rowsInView(150_000 + (i % 2), i * 7, 900, g);
    expect(performance.now() - started).toBeLessThan(100);
  });
});

describe('scrollTopToShow', () => {
  it('moves as little as needed to show a row, and not at all when it is shown', () => {
    expect(scrollTopToShow(3, 0, 354, g)).toBeNull();
    expect(scrollTopToShow(9, 0, 354, g)).toBeNull();
    // row 10 is just below the view: scroll so it is the last one
    expect(scrollTopToShow(10, 0, 354, g)).toBe(11 * 32 - 320);
    // a row above the view becomes the first one
    expect(scrollTopToShow(2, 320, 354, g)).toBe(64);
    // the end of a long list (End key)
    expect(scrollTopToShow(149_999, 0, 354, g)).toBe(150_000 * 32 - 320);
  });
});
