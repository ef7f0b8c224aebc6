import { useState } from 'react';
import { age } from '../../../../main/kube';
import { ConditionsSection } from '../../components/detail-pane/conditions-section';
import { DetailPane, Facts } from '../../components/detail-pane/detail-pane';
import { EventsSection, MetaSections, ObjectState, YamlSection } from '../../components/detail-pane/object-meta';
import { useLiveObject } from '../../components/live-view/use-live-object';
import { useNow } from '../../components/live-view/use-now';
import { OwnerChain } from '../../components/navigation/owner-chain';
import { ChildList } from '../../components/resource-list/child-list';
import type { ListHelpers } from '../../components/resource-list/resource-list';
import { WorkloadLogsButton } from '../logs/workload-logs-button';
import { ActionButtons, ActionDialog, type PendingAction } from './workload-actions';
import { DeploymentSections } from './deployment-sections';
import { workloadFacts, type WorkloadRow } from './workload-facts';
import { workloadKinds, type WorkloadKind } from './workload-kinds';
import './workloads.css';

/**
 * A Deployment, ReplicaSet, ReplicationController, DaemonSet, StatefulSet, Job or CronJob, live:
 * its facts, rollout (deployments), owners and the objects it controls, conditions, events and
 * YAML, with the operations its kind offers.
 */
export function WorkloadDetail({ kind, row, helpers }: { kind: WorkloadKind; row: WorkloadRow; helpers: ListHelpers }) {
  const namespace = row.namespace ?? 'default';
  const info = workloadKinds[kind];
  const { update, error } = useLiveObject({ kind, namespace, name: row.name });
  const now = useNow(1000);
  const [action, setAction] = useState<PendingAction | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const detail = update?.detail;
  const gone = update !== null && !update.exists;
  // The detail's row is refreshed with the object; the list's row may lag a filter behind.
  const live = detail?.row?.kind === row.kind ? (detail.row as WorkloadRow) : row;
  const deployment = detail?.deployment;

  return (
    <DetailPane
      title={`${info.label} ${row.name}`}
      subtitle={`${namespace} · ${age(row.createdAt, now)} old`}
      onClose={helpers.close}
      actions={
        <>
          <WorkloadLogsButton
            namespace={namespace}
            selector={live.selector === '<none>' ? '' : live.selector}
            title={`${info.label} ${row.name}`}
            containers={live.containers ? live.containers.split(',') : []}
            {...(kind === 'cronjobs' ? { disabledReason: 'A CronJob’s pods belong to its Jobs: open one of its Jobs below for their logs.' } : {})}
          />
          <ActionButtons
            kind={kind}
            row={live}
            gone={gone}
            onPick={(a) => {
              setDone(null);
              setAction(a);
            }}
          />
          {done && (
            <span className="muted action-done" role="status">
              {done}
            </span>
          )}
        </>
      }
    >
      <ObjectState update={update} error={error} />
      <Facts items={[...workloadFacts(live, now), ['Controlled by', <OwnerChain key="o" owners={detail?.owners ?? []} namespace={namespace} />]]} />
      {deployment && (
        <DeploymentSections
          namespace={namespace}
          deployment={deployment}
          now={now}
          onRollBack={(revision) => setAction({ type: 'rollback', revision })}
          onResume={() => setAction({ type: 'pause', paused: false })}
        />
      )}
      {(detail?.children ?? [])
        // A deployment's ReplicaSets are its revisions, listed above.
        .filter((q) => !(deployment && q.kind === 'replicasets'))
        .map((q) => (
          <ChildList key={`${q.kind}-${q.title}`} query={q} />
        ))}
      <ConditionsSection conditions={detail?.conditions} loaded={update !== null} isProblem={(c) => c.status === 'False' || c.type === 'Failed' || c.type === 'ReplicaFailure'} />
      <MetaSections object={update?.object ?? null} onPickLabel={helpers.pickLabel} showOwners={false} />
      <EventsSection events={update?.events ?? []} now={now} />
      <YamlSection update={update} />
      {action && <ActionDialog kind={kind} row={live} update={update} action={action} onClose={() => setAction(null)} onDone={setDone} />}
    </DetailPane>
  );
}
