/**
 * Which slice of a long list to ask main for. The table only ever holds the rows around what is on
 * screen; main sends exactly that window (`cluster.updateView` offset/limit).
 *
 * Windows are aligned to `chunk` so small scrolls inside the same chunk ask nothing, and padded by
 * `overscan` rows on each side so a page of scrolling never shows placeholders.
 */
export interface RowWindow {
  offset: number;
  limit: number;
}

export interface WindowOptions {
  overscan: number;
  chunk: number;
  /** The contract's cap on `limit`. */
  maxLimit: number;
}

export const DEFAULT_WINDOW: WindowOptions = { overscan: 60, chunk: 50, maxLimit: 1000 };

/** The window to request so rows `first..last` (inclusive, 0-based) and their surroundings are present. */
export function windowFor(first: number, last: number, options: WindowOptions = DEFAULT_WINDOW): RowWindow {
  const { overscan, chunk, maxLimit } = options;
  const lo = Math.max(0, Math.min(first, last));
  const hi = Math.max(first, last, 0);
  const offset = Math.floor(Math.max(0, lo - overscan) / chunk) * chunk;
  const end = Math.ceil((hi + 1 + overscan) / chunk) * chunk;
  return { offset, limit: Math.max(1, Math.min(maxLimit, end - offset)) };
}

/**
 * True when rows `first..last` are not all inside `current` (given the list has `total` rows), so
 * the table must ask for a new window. Rows past the end of the list never need asking for.
 */
export function needsNewWindow(current: RowWindow | null, first: number, last: number, total: number): boolean {
  if (!current) return true;
  const end = Math.min(current.offset + current.limit, Math.max(total, 0));
  const lo = Math.max(0, first);
  const hi = Math.min(last, Math.max(total, 0) - 1);
  if (hi < lo) return false; // nothing visible that the list has
  return lo < current.offset || hi >= end;
}
