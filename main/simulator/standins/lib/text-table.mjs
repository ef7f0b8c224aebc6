// @ts-check
// Column alignment as Go's text/tabwriter does it for snap's tables: each column as wide as its
// widest cell plus `padding` spaces; the last cell of a row is not padded.

/**
 * @param {string[][]} rows
 * @param {number} padding
 * @returns {string[]}
 */
export function alignColumns(rows, padding = 2) {
  /** @type {number[]} */
  const widths = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      if (i < row.length - 1) widths[i] = Math.max(widths[i] ?? 0, [...cell].length);
    });
  }
  return rows.map((row) => row.map((cell, i) => (i < row.length - 1 ? cell + ' '.repeat((widths[i] ?? 0) - [...cell].length + padding) : cell)).join(''));
}
