import type { ReactNode } from 'react';
import type { CronJobRow, DaemonSetRow, DeploymentRow, JobRow, ReplicaSetRow, ReplicationControllerRow, StatefulSetRow } from '../../../../main/contract';
import { age } from '../../../../main/kube';
import { jobDuration } from './workload-columns';

export type WorkloadRow = DeploymentRow | ReplicaSetRow | ReplicationControllerRow | DaemonSetRow | StatefulSetRow | JobRow | CronJobRow;

/** The header facts of a workload's detail, per kind, from its (live) row. */
export function workloadFacts(row: WorkloadRow, now: number): [string, ReactNode][] {
  const common: [string, ReactNode][] = [
    ['Images', <span key="i" className="code-inline">{row.images}</span>],
    ['Selector', <span key="s" className="code-inline">{row.selector}</span>],
  ];
  switch (row.kind) {
    case 'deployments':
      return [['Ready', row.ready], ['Revision', row.revision || '–'], ...common];
    case 'replicasets':
      return [['Desired', row.desired], ['Current', row.current], ['Ready', row.ready], ['Revision', row.revision || '–'], ['Change cause', row.changeCause || 'none recorded'], ...common];
    case 'replicationcontrollers':
      return [['Desired', row.desired], ['Current', row.current], ['Ready', row.ready], ...common];
    case 'daemonsets':
      return [['Desired', row.desired], ['Current', row.current], ['Ready', row.ready], ['Up-to-date', row.upToDate], ['Available', row.available], ['Node selector', row.nodeSelector], ...common];
    case 'statefulsets':
      return [['Ready', row.ready], ['Updated', row.replicas.updated], ...common];
    case 'jobs':
      return [['Status', row.status], ['Completions', row.completions], ['Duration', jobDuration(row, now) || 'not started'], ['Active', row.active], ['Failed', row.failed], ...common];
    case 'cronjobs':
      return [
        ['Schedule', <code key="c" className="code-inline">{row.schedule}</code>],
        ['Timezone', row.timezone],
        ['Suspended', row.suspended ? 'yes: no new Jobs are started on schedule' : 'no'],
        ['Active Jobs', row.active],
        ['Last schedule', row.lastScheduleTime ? `${age(row.lastScheduleTime, now)} ago` : 'never'],
        ['Last success', row.lastSuccessfulTime ? `${age(row.lastSuccessfulTime, now)} ago` : 'never'],
        ...common,
      ];
  }
}
