import { useState } from 'react';
import { IoDialog } from './io-dialog';
import { LogsPanel } from './logs-panel';

export interface WorkloadLogsButtonProps {
  namespace: string;
  /** The workload's pod selector as text, e.g. `app=web,tier=frontend` (selectorText from main/kube). */
  selector: string;
  /** e.g. "Deployment web": names the dialog and the download. */
  title: string;
  /** The pod template's containers, to choose one (empty = each pod's default container). */
  containers?: string[];
  /** Disabled with this reason (e.g. no selector). */
  disabledReason?: string;
}

/** "Logs" for a workload: every pod its selector matches, interleaved, each line tagged with its pod. */
export function WorkloadLogsButton({ namespace, selector, title, containers = [], disabledReason }: WorkloadLogsButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button secondary" onClick={() => setOpen(true)} disabled={!selector || !!disabledReason} title={disabledReason}>
        Logs
      </button>
      {open && selector && (
        <IoDialog title={`Logs of ${title}`} subtitle={`${namespace} · pods matching ${selector}`} onClose={() => setOpen(false)}>
          <LogsPanel
            target={{ kind: 'selector', namespace, selector, title }}
            containers={containers.map((name) => ({ name, init: false }))}
            title={title.replace(/\s+/g, '-').toLowerCase()}
          />
        </IoDialog>
      )}
    </>
  );
}
