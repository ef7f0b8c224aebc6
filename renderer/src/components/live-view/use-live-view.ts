import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { ListKind, Row } from '../../../../main/contract';
import { api } from '../../api';
import { useApiEvent } from '../../app/use-api-event';
import type { SortSpec } from '../data-table/sort-request';
import { needsNewWindow, windowFor, type RowWindow } from '../data-table/table-window';
import { useOnReconnect } from './use-on-reconnect';
import { applyViewUpdate, emptyViewRows, type ViewRows } from './view-rows';

export interface ViewFilters {
  namespaces: string[];
  labelSelector: string;
  search: string;
  sort: SortSpec;
  /** Pods only: those on this node. */
  node?: string;
  /** Only objects controlled by one of these uids (a deployment's ReplicaSets, their pods). */
  ownerUids?: string[];
  /** Events only: those about this object. */
  involvedObject?: { kind: string; namespace?: string; name: string };
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

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * One live list from main: `cluster.openView` on mount, `cluster.updateView` when filters change
 * or the visible window moves (debounced), `cluster.closeView` on unmount; rows arrive as
 * `cluster.view` events for this view only.
 */
export function useLiveView<R extends Row>(kind: ListKind, filters: ViewFilters, initialWindow: RowWindow = FIRST_WINDOW): LiveView<R> {
  const { offset: initialOffset, limit: initialLimit } = initialWindow;
  const viewId = `${kind}-${PAGE}-${useId().replace(/[^\w-]/g, '')}`;
  const [state, setState] = useState<ViewRows<R>>(emptyViewRows);
  const [callError, setCallError] = useState<string | null>(null);
  const filtersKey = JSON.stringify(filters);

  // What main was last asked for; read by the calls below, written only in effects and callbacks.
  const sent = useRef<{ filters: string; window: RowWindow; total: number } | null>(null);
  // Calls are chained: main registers a view only once it has started, so an update must not
  // overtake the open it belongs to.
  const chain = useRef<Promise<unknown>>(Promise.resolve());

  const open = useCallback(
    (filtersJson: string) => {
      const window = sent.current?.window ?? { offset: initialOffset, limit: initialLimit };
      sent.current = { filters: filtersJson, window, total: sent.current?.total ?? 0 };
      performance.mark(`berth:view-open:${kind}`);
      chain.current = api.cluster.openView({ viewId, kind, ...(JSON.parse(filtersJson) as ViewFilters), ...window }).then(
        () => setCallError(null),
        (e: unknown) => setCallError(messageOf(e)),
      );
    },
    [viewId, kind, initialOffset, initialLimit],
  );

  const update = useCallback(
    (patch: Partial<ViewFilters> & Partial<RowWindow>) => {
      chain.current = chain.current
        .then(() => api.cluster.updateView({ viewId, ...patch }))
        .then(
          () => setCallError(null),
          (e: unknown) => {
            // Main no longer knows the view (it restarted, or dropped this page): open it afresh.
            if ((e as { code?: unknown }).code === 'unknown-view' && sent.current) open(sent.current.filters);
            else setCallError(messageOf(e));
          },
        );
    },
    [viewId, open],
  );

  const latestFilters = useRef(filtersKey);
  useEffect(() => {
    latestFilters.current = filtersKey;
  }, [filtersKey]);

  // A layout effect: the request leaves as the list is committed, not a frame later after paint.
  useLayoutEffect(() => {
    open(latestFilters.current);
    return () => {
      sent.current = null;
      api.cluster.closeView({ viewId }).catch(() => undefined);
    };
  }, [viewId, open]);

  useEffect(() => {
    const current = sent.current;
    if (!current || current.filters === filtersKey) return;
    // New filters: the list starts over at the top (the table scrolls up too).
    const window = { offset: 0, limit: Math.max(current.window.limit, initialLimit) };
    sent.current = { ...current, filters: filtersKey, window };
    update({ ...(JSON.parse(filtersKey) as ViewFilters), ...window });
  }, [filtersKey, initialLimit, update]);

  useOnReconnect(() => open(latestFilters.current));

  useApiEvent('cluster.view', (u) => {
    if (u.viewId !== viewId) return;
    setState((s) => applyViewUpdate(s, u));
  });
  useEffect(() => {
    if (sent.current) sent.current.total = state.total;
  }, [state.total]);

  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const showRange = useCallback(
    (first: number, last: number) => {
      const current = sent.current;
      if (!current || !needsNewWindow(current.window, first, last, current.total)) return;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        const now = sent.current;
        const next = windowFor(first, last);
        if (!now || (next.offset === now.window.offset && next.limit === now.window.limit)) return;
        now.window = next;
        update(next);
      }, SCROLL_DEBOUNCE_MS);
    },
    [update],
  );

  return { state, showRange, callError };
}
