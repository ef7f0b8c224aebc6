import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';

// Windowing for rows of one fixed height: which rows are on screen is arithmetic on the scroll
// position, O(rows on screen) whatever the list's length. (TanStack Virtual, used before, keeps a
// position per row and recomputes all of them whenever the row count changes: ~20 ms per change
// at 150,000 rows, and under churn the count changes with nearly every update from main.)

export interface RowGeometry {
  rowHeight: number;
  /** The sticky header above the rows, inside the scrolling element. */
  headerHeight: number;
  /** Extra rows rendered above and below the visible ones. */
  overscan: number;
}

export interface RowRange {
  /** First and last row to render, 0-based and inclusive; last < first when there is none. */
  first: number;
  last: number;
}

/** The rows to render for a scroll position and a viewport height (that of the scrolling element, header included). */
export function rowsInView(count: number, scrollTop: number, viewportHeight: number, g: RowGeometry): RowRange {
  if (count <= 0) return { first: 0, last: -1 };
  const top = Math.max(0, scrollTop);
  const visible = Math.max(0, viewportHeight - g.headerHeight);
  const firstVisible = Math.min(count - 1, Math.floor(top / g.rowHeight));
  const lastVisible = Math.min(count - 1, Math.max(firstVisible, Math.ceil((top + visible) / g.rowHeight) - 1));
  return { first: Math.max(0, firstVisible - g.overscan), last: Math.min(count - 1, lastVisible + g.overscan) };
}

/** The scroll position that brings row `index` fully into view with the least movement, or null when it is in view. */
export function scrollTopToShow(index: number, scrollTop: number, viewportHeight: number, g: RowGeometry): number | null {
  const rowTop = index * g.rowHeight;
  const rowBottom = rowTop + g.rowHeight;
  const visible = Math.max(g.rowHeight, viewportHeight - g.headerHeight);
  if (rowTop < scrollTop) return rowTop;
  if (rowBottom > scrollTop + visible) return rowBottom - visible;
  return null;
}

export interface FixedRows {
  range: RowRange;
  /** Height of all rows together (the scrolling body's height). */
  totalHeight: number;
  scrollToIndex(index: number): void;
}

/** The rows of `count` to render in the scrolling element `scrollRef`, following its scroll position and size. */
export function useFixedRows(scrollRef: RefObject<HTMLElement | null>, count: number, g: RowGeometry): FixedRows {
  const { rowHeight, headerHeight, overscan } = g;
  const [view, setView] = useState({ scrollTop: 0, height: 0 });

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    // Only a change of the rendered rows re-renders: scroll events within the same rows do not.
    const read = () =>
      setView((v) => {
        const next = { scrollTop: el.scrollTop, height: el.clientHeight };
        const geometry = { rowHeight, headerHeight, overscan };
        const a = rowsInView(Number.MAX_SAFE_INTEGER, v.scrollTop, v.height, geometry);
        const b = rowsInView(Number.MAX_SAFE_INTEGER, next.scrollTop, next.height, geometry);
        return a.first === b.first && a.last === b.last && v.height === next.height ? v : next;
      });
    read();
    el.addEventListener('scroll', read, { passive: true });
    const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(read) : undefined;
    resize?.observe(el);
    return () => {
      el.removeEventListener('scroll', read);
      resize?.disconnect();
    };
  }, [scrollRef, rowHeight, headerHeight, overscan]);

  const scrollToIndex = useCallback(
    (index: number) => {
      const el = scrollRef.current;
      if (!el) return;
      const top = scrollTopToShow(index, el.scrollTop, el.clientHeight, { rowHeight, headerHeight, overscan });
      if (top !== null) el.scrollTop = top;
    },
    [scrollRef, rowHeight, headerHeight, overscan],
  );

  return { range: rowsInView(count, view.scrollTop, view.height, g), totalHeight: count * rowHeight, scrollToIndex };
}
