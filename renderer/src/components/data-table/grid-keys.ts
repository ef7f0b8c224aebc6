/**
 * Row navigation for the data table's keyboard model (WAI-ARIA grid pattern:
 * https://www.w3.org/WAI/ARIA/apg/patterns/grid/). Returns the row to make active, or null when
 * the key is not one the table handles (so it is left to the browser).
 */
export function nextActiveRow(key: string, current: number, total: number, pageSize: number): number | null {
  if (total <= 0) return null;
  const last = total - 1;
  const from = current < 0 ? -1 : Math.min(current, last);
  const page = Math.max(1, pageSize - 1);
  switch (key) {
    case 'ArrowDown':
      return Math.min(last, from + 1);
    case 'ArrowUp':
      return from < 0 ? 0 : Math.max(0, from - 1);
    case 'PageDown':
      return Math.min(last, Math.max(0, from) + page);
    case 'PageUp':
      return Math.max(0, from - page);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}
