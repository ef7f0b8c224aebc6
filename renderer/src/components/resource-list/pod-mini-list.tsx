import type { PodRow } from '../../../../main/contract';
import { DetailTable } from '../detail-pane/detail-table';
import { openObject } from '../navigation/object-navigation';
import { useLiveView, type ViewFilters } from '../live-view/use-live-view';

const SHOWN = 50;

export interface PodMiniListProps {
  namespaces?: string[];
  labelSelector?: string;
  node?: string;
  /** Only pods controlled by these uids (the pods of a workload's ReplicaSets). */
  ownerUids?: string[];
  /** What to say when none match, e.g. "No pods match this service's selector." */
  emptyText: string;
}

/** A short live list of pods inside a detail pane: the pods behind a service, or on a node. */
export function PodMiniList({ namespaces = [], labelSelector = '', node, ownerUids, emptyText }: PodMiniListProps) {
  const filters: ViewFilters = { namespaces, labelSelector, search: '', sort: { column: 'name', direction: 'asc' }, ...(node ? { node } : {}), ...(ownerUids ? { ownerUids } : {}) };
  const { state, callError } = useLiveView<PodRow>('pods', filters, { offset: 0, limit: SHOWN });
  if (callError) return <p className="error">{callError}</p>;
  if (state.loading && state.total === 0) return <p className="muted">Listing pods…</p>;
  if (state.total === 0) return <p className="muted">{emptyText}</p>;
  return (
    <>
      <DetailTable headers={['Pod', 'Ready', 'Status', 'IP']} testId="pod-mini-list">
        {state.rows.map((p) => (
          <tr key={p.uid}>
            <td>
              <button type="button" className="link-button object-link" onClick={() => openObject({ kind: 'pods', namespace: p.namespace, name: p.name })} title={`Open pod ${p.name}`}>
                {p.namespace && namespaces.length !== 1 ? `${p.namespace}/` : ''}
                {p.name}
              </button>
            </td>
            <td className="nowrap">{p.ready}</td>
            <td className={p.problem ? 'status-problem nowrap' : p.terminating ? 'status-terminating nowrap' : 'nowrap'}>
              {p.problem ? '⚠ ' : ''}
              {p.terminating && p.status !== 'Terminating' ? 'Terminating' : p.status}
            </td>
            <td>{p.ips.join(', ')}</td>
          </tr>
        ))}
      </DetailTable>
      {state.total > state.rows.length && <p className="muted">Showing {state.rows.length} of {state.total} pods.</p>}
    </>
  );
}
