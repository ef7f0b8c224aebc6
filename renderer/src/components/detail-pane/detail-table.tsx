import type { ReactNode } from 'react';

export interface DetailTableProps {
  /** Column headings, in order. */
  headers: readonly string[];
  children: ReactNode;
  className?: string;
  testId?: string;
}

/** The small table every detail pane uses (containers, conditions, replica sets...): headers, then the caller's rows. */
export function DetailTable({ headers, children, className, testId }: DetailTableProps) {
  return (
    <table className={className ? `detail-table ${className}` : 'detail-table'} data-testid={testId}>
      <thead>
        <tr>
          {headers.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
