import { useState } from 'react';
import type { Pod } from '../../../../main/kube';
import { IoDialog } from './io-dialog';
import { LogsPanel, type ContainerChoice } from './logs-panel';

/** Containers of a pod for the logs' container choice: init containers first (they run first), marked. */
export function containerChoices(pod: Pod | null): ContainerChoice[] {
  return [...(pod?.spec?.initContainers ?? []).map((c) => ({ name: c.name, init: true })), ...(pod?.spec?.containers ?? []).map((c) => ({ name: c.name, init: false }))];
}

export interface PodLogsButtonProps {
  namespace: string;
  name: string;
  /** The pod object (for its containers); null while loading. */
  pod: Pod | null;
}

/** "Logs" in a pod's detail: opens the pod's logs; closing them stops the stream. */
export function PodLogsButton({ namespace, name, pod }: PodLogsButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button secondary" onClick={() => setOpen(true)} disabled={!pod}>
        Logs
      </button>
      {open && pod && (
        <IoDialog title={`Logs of pod ${name}`} subtitle={namespace} onClose={() => setOpen(false)}>
          <LogsPanel target={{ kind: 'pod', namespace, pod: name }} containers={containerChoices(pod)} title={name} />
        </IoDialog>
      )}
    </>
  );
}
