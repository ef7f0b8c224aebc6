import { useEffect, useId, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import { useNow } from '../live-view/use-now';
import { useFixedRows } from './fixed-rows';
import { nextActiveRow } from './grid-keys';
import { ariaSort, nextSort, type SortSpec } from './sort-request';
import './data-table.css';

export interface Column<R> {
  /** Sent to main as the sort column. */
  id: string;
  header: string;
  /** Minimum width in px; `grow` columns take a share of spare width. */
  width: number;
  grow?: number;
  sortable?: boolean;
  align?: 'start' | 'end';
  cell: (row: R, now: number) => ReactNode;
}

export interface DataTableProps<R extends { uid: string; name: string }> {
  /** Accessible name of the grid, e.g. "Pods". */
  label: string;
  columns: readonly Column<R>[];
  /** Rows in the whole list (not just the window held): drives the scroll height and aria-rowcount. */
  total: number;
  rowAt: (index: number) => R | undefined;
  sort: SortSpec;
  onSort: (sort: SortSpec) => void;
  /** The rows on screen changed (0-based, inclusive). */
  onRangeChange: (first: number, last: number) => void;
  /** Enter or a click on a row. */
  onOpen: (row: R) => void;
  /** The uid of the object whose detail is open, marked as selected. */
  openUid?: string | undefined;
  /** Extra class for a row, e.g. to mark a problem (always with text too, never colour alone). */
  rowClass?: (row: R) => string | undefined;
  loading: boolean;
  emptyText: string;
  /** When this changes (new filters or sort), the table scrolls back to the top. */
  scrollResetKey?: string;
}

const ROW_HEIGHT = 32;
const HEADER_HEIGHT = 34;

/**
 * A virtualised, accessible grid (WAI-ARIA grid pattern, https://www.w3.org/WAI/ARIA/apg/patterns/grid/):
 * only the rows on screen exist in the DOM, but aria-rowcount/aria-rowindex describe the whole
 * list; focus stays on the grid and aria-activedescendant points at the active row's name cell,
 * so the active row survives being scrolled out and back in.
 */
export function DataTable<R extends { uid: string; name: string }>(props: DataTableProps<R>) {
  const { columns, total, rowAt, sort, onSort, onRangeChange, onOpen, openUid, rowClass, loading, emptyText, label, scrollResetKey } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(-1);
  const idBase = useId();
  const now = useNow(1000);

  const { range, totalHeight, scrollToIndex } = useFixedRows(scrollRef, total, { rowHeight: ROW_HEIGHT, headerHeight: HEADER_HEIGHT, overscan: 6 });
  const { first, last } = range;
  const indexes: number[] = [];
  for (let i = first; i <= last; i++) indexes.push(i);
  useEffect(() => {
    onRangeChange(first, last);
  }, [first, last, onRangeChange]);

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [scrollResetKey]);

  const activeIndex = active >= total ? total - 1 : active;
  const template = columns.map((c) => (c.grow ? `minmax(${c.width}px, ${c.grow}fr)` : `${c.width}px`)).join(' ');
  const minWidth = columns.reduce((sum, c) => sum + c.width, 0);
  const cellId = (index: number) => `${idBase}-r${index}`;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return; // keys on the header buttons are theirs
    if (event.key === 'Enter') {
      const row = activeIndex >= 0 ? rowAt(activeIndex) : undefined;
      if (row) {
        event.preventDefault();
        onOpen(row);
      }
      return;
    }
    const pageSize = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 0) - HEADER_HEIGHT) / ROW_HEIGHT));
    const next = nextActiveRow(event.key, activeIndex, total, pageSize);
    if (next === null) return;
    event.preventDefault();
    setActive(next);
    scrollToIndex(next);
  };

  return (
    <div
      ref={scrollRef}
      className="data-table"
      role="grid"
      aria-label={label}
      aria-rowcount={total + 1}
      aria-colcount={columns.length}
      aria-busy={loading || undefined}
      aria-activedescendant={activeIndex >= first && activeIndex <= last ? cellId(activeIndex) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      style={{ '--dt-columns': template, '--dt-min-width': `${minWidth}px`, '--dt-row-height': `${ROW_HEIGHT}px`, '--dt-header-height': `${HEADER_HEIGHT}px` } as CSSProperties}
    >
      <div role="rowgroup" className="dt-head">
        <div role="row" aria-rowindex={1} className="dt-row">
          {columns.map((column, ci) => (
            <div key={column.id} role="columnheader" aria-colindex={ci + 1} aria-sort={column.sortable === false ? undefined : ariaSort(sort, column.id)} className={`dt-cell dt-align-${column.align ?? 'start'}`}>
              {column.sortable === false ? (
                column.header
              ) : (
                <button type="button" className="dt-sort" onClick={() => onSort(nextSort(sort, column.id))} title={`Sort by ${column.header}`}>
                  {column.header}
                  <span aria-hidden="true" className="dt-sort-mark">
                    {sort.column === column.id ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                  </span>
                </button>
              )}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" className="dt-body" style={{ height: totalHeight }}>
        {indexes.map((index) => {
          const row = rowAt(index);
          const isActive = index === activeIndex;
          const style = { transform: `translateY(${index * ROW_HEIGHT}px)` };
          if (!row) {
            return (
              <div key={`placeholder-${index}`} role="row" aria-rowindex={index + 2} className={`dt-row dt-placeholder${isActive ? ' dt-active' : ''}`} style={style}>
                <div role="gridcell" aria-colindex={1} id={cellId(index)} className="dt-cell">
                  <span className="dt-skeleton">Loading row {index + 1}…</span>
                </div>
              </div>
            );
          }
          const classes = ['dt-row', isActive && 'dt-active', row.uid === openUid && 'dt-open', rowClass?.(row)].filter(Boolean).join(' ');
          return (
            <div
              key={row.uid}
              role="row"
              aria-rowindex={index + 2}
              aria-selected={row.uid === openUid}
              className={classes}
              style={style}
              data-uid={row.uid}
              onClick={() => {
                setActive(index);
                scrollRef.current?.focus({ preventScroll: true });
                onOpen(row);
              }}
            >
              {columns.map((column, ci) => (
                <div key={column.id} role="gridcell" aria-colindex={ci + 1} id={ci === 0 ? cellId(index) : undefined} className={`dt-cell dt-align-${column.align ?? 'start'}`}>
                  {column.cell(row, now)}
                </div>
              ))}
            </div>
          );
        })}
      </div>
      {total === 0 && !loading && <p className="dt-empty">{emptyText}</p>}
    </div>
  );
}
