import { useCallback, useState } from 'react';
import type { PodRow } from '../../../../main/contract';
import { ResourceList, type ListHelpers } from '../../components/resource-list/resource-list';
import { PodDetail } from './pod-detail';
import { podColumns } from './pod-columns';
import { RunPodDialog } from './run-pod-dialog';

/** Pods across the cluster, live; run a pod, open one, delete it. */
export function PodsPage() {
  // Pods whose delete call succeeded show Terminating until main's row says so or they are gone.
  const [deleting, setDeleting] = useState<ReadonlySet<string>>(new Set());
  const [running, setRunning] = useState(false);
  const [started, setStarted] = useState<string | null>(null);
  const onDeleted = useCallback((uid: string) => setDeleting((s) => new Set(s).add(uid)), []);
  const columns = useCallback((helpers: ListHelpers) => podColumns(helpers, deleting), [deleting]);

  return (
    <>
      <ResourceList<PodRow>
        kind="pods"
        title="Pods"
        noun="pods"
        namespaced
        columns={columns}
        rowClass={(r) => (r.terminating || deleting.has(r.uid) ? 'row-terminating' : r.problem ? 'row-problem' : undefined)}
        toolbar={
          <>
            {started && (
              <span className="muted" role="status">
                Started {started}.
              </span>
            )}
            <button type="button" className="button" onClick={() => setRunning(true)}>
              Run a pod…
            </button>
          </>
        }
        renderDetail={(row, helpers) => <PodDetail key={row.uid} row={row} helpers={helpers} deleting={deleting.has(row.uid)} onDeleted={onDeleted} />}
      />
      {running && <RunPodDialog defaultNamespace="default" onClose={() => setRunning(false)} onStarted={(name, ns) => setStarted(`${ns}/${name}`)} />}
    </>
  );
}
