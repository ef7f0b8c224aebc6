import type { Column } from '../../components/data-table/data-table';
import { KindTabs, type KindTab } from '../../components/kind-tabs/kind-tabs';
import { ResourceList } from '../../components/resource-list/resource-list';
import { cronJobColumns, daemonSetColumns, deploymentColumns, jobColumns, replicaSetColumns, replicationControllerColumns, statefulSetColumns } from './workload-columns';
import { WorkloadDetail } from './workload-detail';
import type { WorkloadRow } from './workload-facts';
import { workloadKinds, type WorkloadKind } from './workload-kinds';

const COLUMNS: { [K in WorkloadKind]: Column<Extract<WorkloadRow, { kind: K }>>[] } = {
  deployments: deploymentColumns,
  replicasets: replicaSetColumns,
  replicationcontrollers: replicationControllerColumns,
  daemonsets: daemonSetColumns,
  statefulsets: statefulSetColumns,
  jobs: jobColumns,
  cronjobs: cronJobColumns,
};

function problemClass(row: WorkloadRow): string | undefined {
  if (row.kind === 'deployments' && row.rolloutStuck) return 'row-problem';
  if (row.kind === 'jobs' && row.status === 'Failed') return 'row-problem';
  return undefined;
}

function WorkloadList({ kind }: { kind: WorkloadKind }) {
  const info = workloadKinds[kind];
  // Each kind's columns read its own row shape; the list holds rows of this kind only.
  const columns = () => COLUMNS[kind] as unknown as Column<WorkloadRow>[];
  return (
    <ResourceList<WorkloadRow>
      kind={kind}
      title={info.plural}
      noun={info.plural}
      namespaced
      columns={columns}
      searchHint="name, image, selector…"
      rowClass={problemClass}
      renderDetail={(row, helpers) => <WorkloadDetail key={row.uid} kind={kind} row={row} helpers={helpers} />}
    />
  );
}

const TABS: KindTab[] = (Object.keys(workloadKinds) as WorkloadKind[]).map((kind) => ({ kind, label: workloadKinds[kind].plural, render: () => <WorkloadList kind={kind} /> }));

/** Controllers of every kind, live: pick a kind, open one to see its rollout, owners and pods, and act on it. */
export function WorkloadsPage() {
  return <KindTabs label="Workload kinds" tabs={TABS} />;
}
