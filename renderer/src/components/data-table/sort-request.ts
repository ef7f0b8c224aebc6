export type SortDirection = 'asc' | 'desc';
export interface SortSpec {
  column: string;
  direction: SortDirection;
}

/**
 * The sort to send to main after a click on a column header: the same column flips direction,
 * another column starts ascending (as kubectl's --sort-by and most tables do).
 */
export function nextSort(current: SortSpec, column: string): SortSpec {
  if (current.column === column) return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { column, direction: 'asc' };
}

/** `aria-sort` for a header: only the sorted column carries it (WAI-ARIA: one at a time). */
export function ariaSort(current: SortSpec, column: string): 'ascending' | 'descending' | undefined {
  if (current.column !== column) return undefined;
  return current.direction === 'asc' ? 'ascending' : 'descending';
}
