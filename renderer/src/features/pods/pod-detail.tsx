import { useState } from 'react';
import type { PodRow } from '../../../../main/contract';
import { age, type ContainerState, type Pod } from '../../../../main/kube';
import { api } from '../../api';
import { ConditionsSection } from '../../components/detail-pane/conditions-section';
import { DetailPane, DetailSection, Facts } from '../../components/detail-pane/detail-pane';
import { DetailTable } from '../../components/detail-pane/detail-table';
import { OwnerChain } from '../../components/navigation/owner-chain';
import { EventsSection, MetaSections, ObjectState, YamlSection } from '../../components/detail-pane/object-meta';
import { ConfirmDialog } from '../../components/dialog/confirm-dialog';
import { useLiveObject } from '../../components/live-view/use-live-object';
import { useNow } from '../../components/live-view/use-now';
import type { ListHelpers } from '../../components/resource-list/resource-list';
import { PodLogsButton } from '../logs/pod-logs-button';
import { PodShellButton } from '../shell/pod-shell-button';
import { PodStatus } from './pod-columns';

function stateText(state: ContainerState | undefined): { text: string; reason?: string } {
  if (!state) return { text: 'Unknown' };
  if (state.running) return { text: 'Running' };
  if (state.waiting) return { text: 'Waiting', ...(state.waiting.reason ? { reason: [state.waiting.reason, state.waiting.message].filter(Boolean).join(': ') } : {}) };
  if (state.terminated) {
    const t = state.terminated;
    return { text: `Terminated (exit ${t.exitCode})`, ...(t.reason ? { reason: [t.reason, t.message].filter(Boolean).join(': ') } : {}) };
  }
  return { text: 'Unknown' };
}

export interface PodDetailProps {
  row: PodRow;
  helpers: ListHelpers;
  deleting: boolean;
  onDeleted: (uid: string) => void;
}

/** One pod: containers, conditions, labels, annotations, owner, events, YAML; delete with confirmation. */
export function PodDetail({ row, helpers, deleting, onDeleted }: PodDetailProps) {
  const namespace = row.namespace ?? 'default';
  const { update, error } = useLiveObject({ kind: 'pods', namespace, name: row.name });
  const [confirming, setConfirming] = useState(false);
  const now = useNow(1000);
  const pod = (update?.object ?? null) as Pod | null;
  const statuses = new Map((pod?.status?.containerStatuses ?? []).map((s) => [s.name, s]));
  const gone = update !== null && !update.exists;

  return (
    <DetailPane
      title={`Pod ${row.name}`}
      subtitle={`${namespace} · on ${row.node || 'no node yet'} · ${age(row.createdAt, now)} old`}
      onClose={helpers.close}
      actions={
        <>
          <PodLogsButton namespace={namespace} name={row.name} pod={pod} />
          <PodShellButton namespace={namespace} name={row.name} pod={pod} />
          <button type="button" className="button secondary" onClick={() => setConfirming(true)} disabled={deleting || row.terminating || gone}>
            {deleting || row.terminating ? 'Deleting…' : 'Delete pod…'}
          </button>
        </>
      }
    >
      <ObjectState update={update} error={error} />
      <Facts
        items={[
          ['Status', <PodStatus key="s" row={row} deleting={deleting} />],
          ['Ready', row.ready],
          ['Restarts', row.restarts],
          ['IPs', row.ips.join(', ') || '<none>'],
          ['Controlled by', <OwnerChain key="o" owners={update?.detail?.owners ?? (row.owner ? [row.owner] : [])} namespace={namespace} />],
        ]}
      />
      <DetailSection title="Containers">
        {(pod?.spec?.containers ?? []).length === 0 ? (
          <span className="muted">{update ? 'None listed.' : 'Loading…'}</span>
        ) : (
          <DetailTable headers={['Name', 'Image', 'State', 'Reason']}>
            {(pod?.spec?.containers ?? []).map((c) => {
              const s = statuses.get(c.name);
              const st = stateText(s?.state);
              return (
                <tr key={c.name}>
                  <td>
                    {c.name}
                    {s && !s.ready ? <span className="muted"> (not ready)</span> : null}
                  </td>
                  <td className="code-inline">{c.image}</td>
                  <td className="nowrap">{st.text}</td>
                  <td>{st.reason ?? ''}</td>
                </tr>
              );
            })}
          </DetailTable>
        )}
      </DetailSection>
      <ConditionsSection conditions={pod?.status?.conditions} loaded={update !== null} />
      <MetaSections object={update?.object ?? null} onPickLabel={helpers.pickLabel} showOwners={false} />
      <EventsSection events={update?.events ?? []} now={now} />
      <YamlSection update={update} />
      {confirming && (
        <ConfirmDialog
          title={`Delete pod ${row.name}?`}
          confirmLabel="Delete pod"
          destructive
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            await api.cluster.deletePod({ namespace, name: row.name });
            onDeleted(row.uid);
          }}
        >
          <p>
            The pod in namespace <strong>{namespace}</strong> is stopped and removed. If a controller ({row.owner ? `${row.owner.kind} ${row.owner.name}` : 'none for this pod'}) owns it, a replacement is started.
          </p>
        </ConfirmDialog>
      )}
    </DetailPane>
  );
}
