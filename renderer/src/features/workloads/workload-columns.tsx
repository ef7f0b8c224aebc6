import type { CronJobRow, DaemonSetRow, DeploymentRow, JobRow, ReplicaSetRow, ReplicationControllerRow, StatefulSetRow } from '../../../../main/contract';
import { age, humanDuration, toMillis } from '../../../../main/kube';
import type { Column } from '../../components/data-table/data-table';

// Columns in the order `kubectl get <kind> -o wide` prints them (the rows carry kubectl's cells).

type Named = { name: string; namespace?: string | undefined; createdAt?: string | undefined; containers: string; images: string; selector: string };

const nameColumn = <R extends Named>(): Column<R> => ({ id: 'name', header: 'Name', width: 200, grow: 2, cell: (r) => <span title={r.name}>{r.name}</span> });
const namespaceColumn = <R extends Named>(): Column<R> => ({ id: 'namespace', header: 'Namespace', width: 120, cell: (r) => r.namespace ?? '' });
const ageColumn = <R extends Named>(): Column<R> => ({ id: 'age', header: 'Age', width: 64, cell: (r, now) => age(r.createdAt, now) });
const number = <R,>(id: string, header: string, value: (r: R) => number | string, width = 84): Column<R> => ({ id, header, width, align: 'end', cell: (r) => value(r) });
const templateColumns = <R extends Named>(selector = true): Column<R>[] => [
  { id: 'containers', header: 'Containers', width: 120, cell: (r) => <span title={r.containers}>{r.containers}</span> },
  { id: 'images', header: 'Images', width: 200, grow: 1, cell: (r) => <span title={r.images}>{r.images}</span> },
  ...(selector ? [{ id: 'selector', header: 'Selector', width: 160, grow: 1, cell: (r: R) => <span title={r.selector}>{r.selector}</span> }] : []),
];

/** READY with what a person must know in words: stuck, paused, rolling out. */
export function DeploymentState({ row }: { row: DeploymentRow }) {
  if (row.rolloutStuck) return <span className="status-text status-problem">{row.ready} ⚠ stuck</span>;
  if (row.paused) return <span className="status-text status-terminating">{row.ready} ⏸ paused</span>;
  if (row.rollingOut) return <span className="status-text">{row.ready} ↻ rolling out</span>;
  const [ready, desired] = row.ready.split('/');
  return <span className={`status-text${ready === desired ? ' status-ok' : ''}`}>{row.ready}</span>;
}

export const deploymentColumns: Column<DeploymentRow>[] = [
  nameColumn(),
  namespaceColumn(),
  { id: 'ready', header: 'Ready', width: 150, cell: (r) => <DeploymentState row={r} /> },
  number('upToDate', 'Up-to-date', (r) => r.upToDate, 96),
  number('available', 'Available', (r) => r.available, 90),
  ageColumn(),
  ...templateColumns<DeploymentRow>(),
];

/** ReplicaSets and ReplicationControllers print the same columns. */
const replicaColumns = <R extends Named & { desired: number; current: number; ready: number }>(): Column<R>[] => [
  nameColumn(),
  namespaceColumn(),
  number('desired', 'Desired', (r) => r.desired),
  number('current', 'Current', (r) => r.current),
  number('ready', 'Ready', (r) => r.ready),
  ageColumn(),
  ...templateColumns<R>(),
];

export const replicaSetColumns: Column<ReplicaSetRow>[] = replicaColumns<ReplicaSetRow>();
export const replicationControllerColumns: Column<ReplicationControllerRow>[] = replicaColumns<ReplicationControllerRow>();

export const daemonSetColumns: Column<DaemonSetRow>[] = [
  nameColumn(),
  namespaceColumn(),
  number('desired', 'Desired', (r) => r.desired),
  number('current', 'Current', (r) => r.current),
  number('ready', 'Ready', (r) => r.ready),
  number('upToDate', 'Up-to-date', (r) => r.upToDate, 96),
  number('available', 'Available', (r) => r.available, 90),
  { id: 'nodeSelector', header: 'Node selector', width: 130, cell: (r) => <span title={r.nodeSelector}>{r.nodeSelector}</span> },
  ageColumn(),
  ...templateColumns<DaemonSetRow>(),
];

export const statefulSetColumns: Column<StatefulSetRow>[] = [nameColumn(), namespaceColumn(), { id: 'ready', header: 'Ready', width: 70, cell: (r) => r.ready }, ageColumn(), ...templateColumns<StatefulSetRow>(false)];

/** kubectl's DURATION: from start to completion, or to now while it runs. */
export function jobDuration(row: Pick<JobRow, 'startTime' | 'completionTime'>, now: number): string {
  const start = toMillis(row.startTime);
  if (start === undefined) return '';
  return humanDuration((toMillis(row.completionTime) ?? now) - start);
}

function JobStatus({ row }: { row: JobRow }) {
  const cls = row.status === 'Failed' ? 'status-problem' : row.status === 'Complete' ? 'status-ok' : row.status === 'Suspended' ? 'status-terminating' : '';
  return <span className={`status-text ${cls}`}>{row.status === 'Failed' ? `⚠ ${row.status}` : row.status}</span>;
}

export const jobColumns: Column<JobRow>[] = [
  nameColumn(),
  namespaceColumn(),
  { id: 'status', header: 'Status', width: 110, cell: (r) => <JobStatus row={r} /> },
  { id: 'completions', header: 'Completions', width: 104, cell: (r) => r.completions },
  { id: 'duration', header: 'Duration', width: 84, cell: (r, now) => jobDuration(r, now) },
  ageColumn(),
  ...templateColumns<JobRow>(),
];

export const cronJobColumns: Column<CronJobRow>[] = [
  nameColumn(),
  namespaceColumn(),
  { id: 'schedule', header: 'Schedule', width: 120, cell: (r) => <code className="code-inline">{r.schedule}</code> },
  { id: 'timezone', header: 'Timezone', width: 90, cell: (r) => r.timezone },
  { id: 'suspend', header: 'Suspend', width: 84, cell: (r) => (r.suspended ? <span className="status-terminating">⏸ {r.suspend}</span> : r.suspend) },
  number('active', 'Active', (r) => r.active, 70),
  { id: 'lastSchedule', header: 'Last schedule', width: 110, cell: (r, now) => (r.lastScheduleTime ? age(r.lastScheduleTime, now) : '<none>') },
  ageColumn(),
  ...templateColumns<CronJobRow>(),
];
