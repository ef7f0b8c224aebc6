import { useState } from 'react';
import type { PodRow } from '../../../../main/contract';
import { api } from '../../api';
import { ConfirmDialog } from '../../components/dialog/confirm-dialog';
import { useLiveView, type ViewFilters } from '../../components/live-view/use-live-view';
import { previewDrain } from './drain-summary';

export interface DrainDialogProps {
  node: string;
  onClose: () => void;
}

/** Confirms a drain, saying what it does to the pods on the node now; the options are kubectl drain's. */
export function DrainDialog({ node, onClose }: DrainDialogProps) {
  const filters: ViewFilters = { namespaces: [], labelSelector: '', search: '', sort: { column: 'name', direction: 'asc' }, node };
  const { state } = useLiveView<PodRow>('pods', filters, { offset: 0, limit: 1000 });
  const [deleteEmptyDirData, setDeleteEmptyDirData] = useState(false);
  const [force, setForce] = useState(false);
  const preview = previewDrain(state.rows);
  const counted = !state.loading;

  return (
    <ConfirmDialog
      title={`Drain node ${node}?`}
      confirmLabel="Drain node"
      destructive
      onClose={onClose}
      onConfirm={async () => {
        const drainId = `drain-${node}-${Date.now().toString(36)}`.slice(0, 100);
        // Progress arrives as cluster.drain events, which the Nodes screen keeps per node.
        await api.cluster.drainNode({ drainId, name: node, ignoreDaemonSets: true, deleteEmptyDirData, force });
      }}
    >
      <ol className="drain-steps" data-testid="drain-plan">
        <li>
          <strong>Cordon</strong> {node}: no new pods are scheduled on it.
        </li>
        <li>
          <strong>Evict {counted ? `${preview.evict} ${preview.evict === 1 ? 'pod' : 'pods'}` : 'its pods'}</strong> through the Eviction API, one by one; their controllers start
          replacements on other nodes. An eviction a PodDisruptionBudget refuses is retried until the budget allows it (up to 5 minutes).
        </li>
        <li>
          {counted ? `${preview.daemonSet} DaemonSet ${preview.daemonSet === 1 ? 'pod stays' : 'pods stay'}` : 'DaemonSet pods stay'}: the DaemonSet would put them straight back.
        </li>
      </ol>
      <p className="muted">You can cancel while it runs; the node then stays cordoned until you uncordon it.</p>
      <label className="inline-check">
        <input type="checkbox" checked={deleteEmptyDirData} onChange={(e) => setDeleteEmptyDirData(e.target.checked)} /> Also evict pods with emptyDir volumes (their data is lost)
      </label>
      <label className="inline-check">
        <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} /> Also delete pods no controller manages
        {preview.bare.length > 0 ? ` (${preview.bare.join(', ')}: not recreated anywhere)` : ''}
      </label>
      {!force && preview.bare.length > 0 && (
        <p className="status-problem">
          ⚠ {preview.bare.length === 1 ? 'One pod has' : `${preview.bare.length} pods have`} no controller: without the option above the drain stops after cordoning, as kubectl drain does.
        </p>
      )}
    </ConfirmDialog>
  );
}
