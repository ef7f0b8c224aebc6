import type { ChildQuery, Row } from '../../../../main/contract';
import { DetailSection } from '../detail-pane/detail-pane';
import { DetailTable } from '../detail-pane/detail-table';
import { useLiveView, type ViewFilters } from '../live-view/use-live-view';
import { openObject } from '../navigation/object-navigation';
import { PodMiniList } from './pod-mini-list';

const SHOWN = 50;

/** A short state for a row in a child list: "2/3 ready", "Complete 1/1". */
function summaryOf(row: Row): string {
  switch (row.kind) {
    case 'replicasets':
    case 'replicationcontrollers':
      return `${row.ready}/${row.desired} ready`;
    case 'jobs':
      return `${row.status} · ${row.completions}`;
    case 'deployments':
    case 'statefulsets':
      return `${row.ready} ready`;
    default:
      return '';
  }
}

function RowMiniList({ query }: { query: ChildQuery }) {
  const filters: ViewFilters = { namespaces: query.namespaces, labelSelector: query.labelSelector, search: '', sort: { column: 'age', direction: 'asc' }, ownerUids: query.ownerUids };
  const { state, callError } = useLiveView<Row>(query.kind, filters, { offset: 0, limit: SHOWN });
  if (callError) return <p className="error">{callError}</p>;
  if (state.loading && state.total === 0) return <p className="muted">Listing…</p>;
  if (state.total === 0) return <p className="muted">None.</p>;
  return (
    <>
      <DetailTable headers={['Name', 'State']} testId={`children-${query.kind}`}>
        {state.rows.map((r) => (
          <tr key={r.uid}>
            <td>
              <button type="button" className="link-button object-link" onClick={() => openObject({ kind: query.kind, namespace: r.namespace, name: r.name })}>
                {r.name}
              </button>
            </td>
            <td>{summaryOf(r)}</td>
          </tr>
        ))}
      </DetailTable>
      {state.total > state.rows.length && (
        <p className="muted">
          Showing {state.rows.length} of {state.total}.
        </p>
      )}
    </>
  );
}

/** The objects an object controls (the owner chain downwards), live: pods come and go as they do in the cluster. */
export function ChildList({ query }: { query: ChildQuery }) {
  return (
    <DetailSection title={query.title}>
      {query.kind === 'pods' ? (
        <PodMiniList namespaces={query.namespaces} labelSelector={query.labelSelector} ownerUids={query.ownerUids} emptyText="No pods right now." />
      ) : (
        <RowMiniList query={query} />
      )}
    </DetailSection>
  );
}
