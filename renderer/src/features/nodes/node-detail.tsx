import { useState } from 'react';
import type { DrainProgress, NodeRow } from '../../../../main/contract';
import { age, type Condition, type Node } from '../../../../main/kube';
import { api } from '../../api';
import { ConditionsSection } from '../../components/detail-pane/conditions-section';
import { DetailPane, DetailSection } from '../../components/detail-pane/detail-pane';
import { DetailTable } from '../../components/detail-pane/detail-table';
import { EventsSection, MetaSections, ObjectState, YamlSection } from '../../components/detail-pane/object-meta';
import { errorText } from '../../components/dialog/confirm-dialog';
import { useLiveObject } from '../../components/live-view/use-live-object';
import { useNow } from '../../components/live-view/use-now';
import { PodMiniList } from '../../components/resource-list/pod-mini-list';
import type { ListHelpers } from '../../components/resource-list/resource-list';
import { formatBytes, formatCpu } from '../../components/usage-bar/format-amount';
import { UsageBar } from '../../components/usage-bar/usage-bar';
import { DrainDialog } from './drain-dialog';
import { DrainProgressView } from './drain-progress';
import { FINAL_PHASES } from './drain-summary';
import { NodeStatus } from './node-columns';

/** Ready that is not True, or a pressure/unavailable condition that is True, wants a look. */
function nodeConditionProblem(c: Condition): boolean {
  return c.type === 'Ready' ? c.status !== 'True' : c.status === 'True';
}

/** One node: capacity/allocatable/requests, conditions, taints, the pods on it; cordon/uncordon. */
export function NodeDetail({ row, helpers, drain }: { row: NodeRow; helpers: ListHelpers; drain?: DrainProgress | undefined }) {
  const { update, error } = useLiveObject({ kind: 'nodes', name: row.name });
  const now = useNow(1000);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const [draining, setDraining] = useState(false);
  const drainRunning = drain !== undefined && !FINAL_PHASES.includes(drain.phase);
  const node = (update?.object ?? null) as Node | null;
  const cordoned = row.unschedulable;

  const toggle = async () => {
    setBusy(true);
    setRefused(null);
    try {
      await api.cluster.setUnschedulable({ name: row.name, unschedulable: !cordoned });
    } catch (e) {
      setRefused(`Could not ${cordoned ? 'uncordon' : 'cordon'} ${row.name}: ${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <DetailPane
      title={`Node ${row.name}`}
      subtitle={`${row.roles} · ${row.version} · ${age(row.createdAt, now)} old`}
      onClose={helpers.close}
      actions={
        <>
          <button type="button" className="button secondary" onClick={() => void toggle()} disabled={busy} title={cordoned ? 'Allow new pods on this node again' : 'Stop new pods from being scheduled here; running pods stay'}>
            {busy ? 'Working…' : cordoned ? 'Uncordon' : 'Cordon'}
          </button>
          <button type="button" className="button secondary" onClick={() => setDraining(true)} disabled={drainRunning} title="Cordon, then evict its pods so they run elsewhere">
            {drainRunning ? 'Draining…' : 'Drain…'}
          </button>
          {refused && (
            <span role="alert" className="error">
              {refused}
            </span>
          )}
        </>
      }
    >
      <ObjectState update={update} error={error} />
      <p>
        <NodeStatus row={row} />
      </p>
      {drain && <DrainProgressView progress={drain} />}
      <DetailSection title="Capacity">
        <DetailTable headers={['Resource', 'Capacity', 'Allocatable', 'Requested', 'Used']}>
          <tr>
            <td>CPU</td>
            <td>{formatCpu(row.cpu.capacity)}</td>
            <td>{formatCpu(row.cpu.allocatable)}</td>
            <td>{formatCpu(row.cpu.requests)}</td>
            <td>{row.cpu.usage === undefined ? 'no metrics' : formatCpu(row.cpu.usage)}</td>
          </tr>
          <tr>
            <td>Memory</td>
            <td>{formatBytes(row.memory.capacity)}</td>
            <td>{formatBytes(row.memory.allocatable)}</td>
            <td>{formatBytes(row.memory.requests)}</td>
            <td>{row.memory.usage === undefined ? 'no metrics' : formatBytes(row.memory.usage)}</td>
          </tr>
          <tr>
            <td>Pods</td>
            <td>{row.pods.capacity}</td>
            <td>{row.pods.capacity}</td>
            <td>{row.pods.count} running here</td>
            <td />
          </tr>
        </DetailTable>
        <p>
          <UsageBar label="CPU" requests={row.cpu.requests} allocatable={row.cpu.allocatable} usage={row.cpu.usage} format={formatCpu} />
          <UsageBar label="Memory" requests={row.memory.requests} allocatable={row.memory.allocatable} usage={row.memory.usage} format={formatBytes} />
        </p>
      </DetailSection>
      <ConditionsSection conditions={node?.status?.conditions} loaded={update !== null} isProblem={nodeConditionProblem} />
      <DetailSection title="Taints">
        {row.taints.length === 0 ? (
          <span className="muted">none</span>
        ) : (
          <ul className="plain-list code-inline">
            {row.taints.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        )}
      </DetailSection>
      <DetailSection title={`Pods on ${row.name}`}>
        <PodMiniList node={row.name} emptyText="No pods are scheduled on this node." />
      </DetailSection>
      <MetaSections object={update?.object ?? null} onPickLabel={helpers.pickLabel} />
      <EventsSection events={update?.events ?? []} now={now} />
      <YamlSection update={update} />
      {draining && <DrainDialog node={row.name} onClose={() => setDraining(false)} />}
    </DetailPane>
  );
}
