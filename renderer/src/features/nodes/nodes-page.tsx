import type { NodeRow } from '../../../../main/contract';
import { ResourceList } from '../../components/resource-list/resource-list';
import { nodeColumns } from './node-columns';
import { NodeDetail } from './node-detail';

const columns = () => nodeColumns;

/** The cluster's nodes, live, with bin-packing bars; open one to cordon it or see its pods. */
export function NodesPage() {
  return (
    <ResourceList<NodeRow>
      kind="nodes"
      title="Nodes"
      noun="nodes"
      namespaced={false}
      columns={columns}
      rowClass={(r) => (r.status.split(',')[0] !== 'Ready' ? 'row-problem' : undefined)}
      renderDetail={(row, helpers) => <NodeDetail key={row.uid} row={row} helpers={helpers} />}
    />
  );
}
