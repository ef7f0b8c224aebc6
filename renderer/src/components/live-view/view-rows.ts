import type { Row, ViewUpdate } from '../../../../main/contract';

/** What the page holds of one live list: the total and the window of rows main last sent. */
export interface ViewRows<R extends Row = Row> {
  total: number;
  offset: number;
  rows: R[];
  loading: boolean;
  error?: { message: string; hint?: string };
}

export const emptyViewRows: ViewRows<never> = { total: 0, offset: 0, rows: [], loading: true };

/**
 * Applies one `cluster.view` event. Main sends the whole requested window each time, so the
 * window replaces what was held; an error leaves the rows as they were (the contract's promise)
 * and is cleared by the next good update.
 */
export function applyViewUpdate<R extends Row>(state: ViewRows<R>, update: ViewUpdate): ViewRows<R> {
  if (update.error) return { ...state, loading: update.loading, error: update.error };
  return { total: update.total, offset: update.offset, rows: update.rows as R[], loading: update.loading };
}

/** The row at a list position, or undefined while it has not arrived (a placeholder is shown). */
export function rowAt<R extends Row>(state: ViewRows<R>, index: number): R | undefined {
  if (index < state.offset || index >= state.total) return undefined;
  return state.rows[index - state.offset];
}

/** A row by uid within the window held, e.g. to keep an open detail pane's numbers live. */
export function findRow<R extends Row>(state: ViewRows<R>, uid: string): R | undefined {
  return state.rows.find((r) => r.uid === uid);
}
