import { useCallback, useEffect, useEffectEvent, useId, useRef, useState } from 'react';
import type { ListKind, Row } from '../../../../main/contract';
import { api } from '../../api';
import { useApiEvent } from '../../app/use-api-event';
import { needsNewWindow, windowFor, type RowWindow } from '../data-table/table-window';
import type { SortSpec } from '../data-table/sort-request';
import { applyViewUpdate, emptyViewRows, type ViewRows } from './view-rows';

export interface ViewFilters {
  namespaces: string[];
  labelSelector: string;
  search: string;
  sort: SortSpec;
  /** Pods only: those on this node. */
  node?: string;
}

export interface LiveView<R extends Row> {
  state: ViewRows<R>;
  /** The table reports the rows on screen; a new window is requested when they leave the held one. */
  showRange(first: number, last: number): void;
  /** Set when main refused to open or update the view (e.g. no cluster connected). */
  callError: string | null;
}

const SCROLL_DEBOUNCE_MS = 60;
const FIRST_WINDOW: RowWindow = { offset: 0, limit: 100 };

// View ids are per page; a random part keeps two windows on one host apart.
const PAGE = Math.random().toString(36).slice(2, 8);

/**
 * One live list from main: `cluster.openView` on mount, `cluster.updateView` when filters change
 * or the visible window moves (debounced), `cluster.closeView` on unmount; rows arrive as
 * `cluster.view` events for this view only.
 */
export function useLiveView<R extends Row>(kind: ListKind, filters: ViewFilters, initialWindow: RowWindow = FIRST_WINDOW): LiveView<R> {
  const viewId = `${kind}-${PAGE}-${useId().replace(/[^\w-]/g, '')}`;
  const [state, setState] = useState<ViewRows<R>>(emptyViewRows);
  const [callError, setCallError] = useState<string | null>(null);
  const windowRef = useRef<RowWindow>(initialWindow);
  const totalRef = useRef(0);
  const filtersKey = JSON.stringify(filters);
  const sentKeyRef = useRef<string | null>(null);
  const report = useCallback((e: unknown) => setCallError(e instanceof Error ? e.message : String(e)), []);
  const open = useEffectEvent(() => {
    sentKeyRef.current = filtersKey;
    api.cluster.openView({ viewId, kind, ...filters, ...windowRef.current }).then(() => setCallError(null), report);
  });

  useEffect(() => {
    open();
    return () => {
      sentKeyRef.current = null;
      api.cluster.closeView({ viewId }).catch(() => undefined);
    };
  }, [viewId]);

  useEffect(() => {
    if (sentKeyRef.current === null || sentKeyRef.current === filtersKey) return;
    sentKeyRef.current = filtersKey;
    // New filters: the list starts over at the top.
    windowRef.current = { offset: 0, limit: Math.max(windowRef.current.limit, initialWindow.limit) };
    api.cluster
      .updateView({ viewId, ...(JSON.parse(filtersKey) as ViewFilters), ...windowRef.current })
      .then(() => setCallError(null), report);
  }, [filtersKey, viewId, report, initialWindow.limit]);

  useApiEvent('cluster.view', (update) => {
    if (update.viewId !== viewId) return;
    setState((s) => applyViewUpdate(s, update));
  });
  useEffect(() => {
    totalRef.current = state.total;
  }, [state.total]);

  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const showRange = useCallback(
    (first: number, last: number) => {
      if (!needsNewWindow(windowRef.current, first, last, totalRef.current)) return;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        const next = windowFor(first, last);
        if (next.offset === windowRef.current.offset && next.limit === windowRef.current.limit) return;
        windowRef.current = next;
        api.cluster.updateView({ viewId, ...next }).catch(report);
      }, SCROLL_DEBOUNCE_MS);
    },
    [viewId, report],
  );

  return { state, showRange, callError };
}
