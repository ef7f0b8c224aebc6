import { useState } from 'react';
import type { DrainProgress, NodeRow } from '../../../../main/contract';
import { useApiEvent } from '../../app/use-api-event';
import { ResourceList } from '../../components/resource-list/resource-list';
import { nodeColumns } from './node-columns';
import { NodeDetail } from './node-detail';

const columns = () => nodeColumns;

/** The cluster's nodes, live, with bin-packing bars; open one to cordon it or see its pods. */
export function NodesPage() {
  // The latest progress of each node's drain, kept here so it survives closing the detail.
  const [drains, setDrains] = useState<Record<string, DrainProgress>>({});
  useApiEvent('cluster.drain', (p) => setDrains((d) => ({ ...d, [p.node]: p })));
  return (
    <ResourceList<NodeRow>
      kind="nodes"
      title="Nodes"
      noun="nodes"
      namespaced={false}
      columns={columns}
      rowClass={(r) => (r.status.split(',')[0] !== 'Ready' ? 'row-problem' : undefined)}
      renderDetail={(row, helpers) => <NodeDetail key={row.uid} row={row} helpers={helpers} drain={drains[row.name]} />}
    />
  );
}
