import { useCallback, useEffect, useId, useState, type ReactNode } from 'react';
import type { ListKind, Row } from '../../../../main/contract';
import { DataTable, type Column } from '../data-table/data-table';
import type { SortSpec } from '../data-table/sort-request';
import { useLiveView } from '../live-view/use-live-view';
import { findRow, rowAt } from '../live-view/view-rows';
import type { ObjectTarget } from '../navigation/object-navigation';
import { useObjectTarget } from '../navigation/use-object-target';
import { LiveNamespaceFilter } from '../selector-box/namespace-filter';
import { SelectorBox } from '../selector-box/selector-box';
import { addLabelRequirement, checkSelector } from '../selector-box/selector-check';
import '../selector-box/filters.css';
import { countText } from './count-text';
import './resource-list.css';

export interface ListHelpers {
  /** Adds `key=value` to the label selector (a clicked chip). */
  pickLabel: (key: string, value: string) => void;
  /** Shows only rows matching this text (e.g. a node's pods). */
  search: (text: string) => void;
  close: () => void;
}

export interface ResourceListProps<R extends Row & { kind: ListKind }> {
  kind: R['kind'];
  title: string;
  /** Plural noun for counts and the empty text, e.g. "pods". */
  noun: string;
  namespaced: boolean;
  columns: (helpers: ListHelpers) => readonly Column<R>[];
  rowClass?: (row: R) => string | undefined;
  toolbar?: ReactNode;
  renderDetail: (row: R, helpers: ListHelpers) => ReactNode;
  /** The order first shown (default: by name); events read best newest first. */
  initialSort?: SortSpec;
  /** What the search box matches, as a placeholder. */
  searchHint?: string;
}

const SELECTOR_DEBOUNCE_MS = 250;
const SEARCH_DEBOUNCE_MS = 250;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** A live list screen: filters, the virtualised table and the detail pane of the opened row. */
export function ResourceList<R extends Row & { kind: ListKind }>(props: ResourceListProps<R>) {
  const { kind, title, noun, namespaced, columns, rowClass, toolbar, renderDetail, initialSort, searchHint } = props;
  const titleId = useId();
  const [namespaces, setNamespaces] = useState<string[]>([]);
  const [selectorText, setSelectorText] = useState('');
  const [searchText, setSearchText] = useState('');
  const [sort, setSort] = useState<SortSpec>(initialSort ?? { column: 'name', direction: 'asc' });
  const [opened, setOpened] = useState<R | null>(null);
  // An object a link asked for (e.g. a pod's owner): the filters narrow to it, and its detail
  // opens once its row arrives.
  const [wanted, setWanted] = useState<ObjectTarget | null>(null);
  useObjectTarget([kind], (target) => {
    setNamespaces(namespaced && target.namespace ? [target.namespace] : []);
    setSelectorText('');
    setSearchText(target.name);
    setOpened(null);
    setWanted(target);
  });
  const open = useCallback((row: R) => {
    setWanted(null);
    setOpened(row);
  }, []);

  // Only a valid selector is sent; while the box holds an invalid one, the last valid one stays.
  const [applied, setApplied] = useState('');
  const check = checkSelector(selectorText);
  const validSelector = check.ok ? check.selector : null;
  useEffect(() => {
    if (validSelector === null) return;
    const timer = setTimeout(() => setApplied(validSelector), SELECTOR_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [validSelector]);
  const search = useDebounced(searchText.trim(), SEARCH_DEBOUNCE_MS);

  const view = useLiveView<R>(kind, { namespaces, labelSelector: applied, search, sort });

  const pickLabel = useCallback((key: string, value: string) => setSelectorText((s) => addLabelRequirement(s, key, value)), []);
  const close = useCallback(() => {
    setWanted(null);
    setOpened(null);
  }, []);
  const helpers: ListHelpers = { pickLabel, search: setSearchText, close };
  const state = view.state;
  const at = useCallback((i: number) => rowAt(state, i), [state]);
  const match = !opened && wanted ? state.rows.find((r) => r.name === wanted.name && (!namespaced || r.namespace === wanted.namespace)) : undefined;
  const live = opened ? (findRow(state, opened.uid) ?? opened) : (match ?? null);
  const error = state.error ? [state.error.message, state.error.hint].filter(Boolean).join(' ') : view.callError;

  return (
    <section className="resource-page" aria-labelledby={titleId}>
      <header className="resource-header">
        <h1 id={titleId}>{title}</h1>
        <p className="muted resource-count" data-testid="list-count">
          {state.loading ? `Listing ${noun}…` : countText(state.total, noun, Boolean(applied || search || namespaces.length))}
        </p>
        <div className="resource-toolbar">{toolbar}</div>
      </header>
      <div className="filter-bar" role="search" aria-label={`Filter ${noun}`}>
        {namespaced && <LiveNamespaceFilter selected={namespaces} onChange={setNamespaces} />}
        <SelectorBox value={selectorText} onChange={setSelectorText} applied={applied} />
        <div className="filter-field search-box">
          <label htmlFor={`${titleId}-search`}>Search</label>
          <input id={`${titleId}-search`} type="search" value={searchText} onChange={(e) => setSearchText(e.target.value)} placeholder={searchHint ?? 'name, node, IP…'} />
        </div>
      </div>
      {error && (
        <p role="alert" className="error list-error">
          {error}
        </p>
      )}
      <div className="resource-main">
        <DataTable<R>
          label={title}
          columns={columns(helpers)}
          total={state.total}
          rowAt={at}
          sort={sort}
          onSort={setSort}
          onRangeChange={view.showRange}
          onOpen={open}
          openUid={live?.uid}
          rowClass={rowClass}
          loading={state.loading}
          scrollResetKey={JSON.stringify([namespaces, applied, search, sort])}
          emptyText={applied || search || namespaces.length ? `No ${noun} match these filters.` : `No ${noun} in this cluster.`}
        />
        {live && renderDetail(live, helpers)}
      </div>
    </section>
  );
}
