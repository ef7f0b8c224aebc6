import type { PodRow } from '../../../../main/contract';
import { age } from '../../../../main/kube';
import type { Column } from '../../components/data-table/data-table';
import { LabelChips } from '../../components/label-chips/label-chips';
import type { ListHelpers } from '../../components/resource-list/resource-list';

/** STATUS in words, with a mark for problems and Terminating (never colour alone). */
export function PodStatus({ row, deleting }: { row: PodRow; deleting: boolean }) {
  if (row.terminating || deleting) {
    return <span className="status-text status-terminating">⏳ Terminating</span>;
  }
  if (row.problem) {
    return (
      <span className="status-text status-problem" title="This pod needs attention">
        ⚠ {row.status}
      </span>
    );
  }
  return <span className={`status-text${row.status === 'Running' || row.status === 'Completed' ? ' status-ok' : ''}`}>{row.status}</span>;
}

export function podColumns(helpers: ListHelpers, deleting: ReadonlySet<string>): Column<PodRow>[] {
  return [
    { id: 'name', header: 'Name', width: 220, grow: 2, cell: (r) => <span title={r.name}>{r.name}</span> },
    { id: 'namespace', header: 'Namespace', width: 130, cell: (r) => r.namespace ?? '' },
    { id: 'ready', header: 'Ready', width: 64, cell: (r) => r.ready },
    { id: 'status', header: 'Status', width: 200, cell: (r) => <PodStatus row={r} deleting={deleting.has(r.uid)} /> },
    { id: 'restarts', header: 'Restarts', width: 110, align: 'end', cell: (r) => r.restarts },
    { id: 'age', header: 'Age', width: 70, cell: (r, now) => age(r.createdAt, now) },
    { id: 'ip', header: 'IP(s)', width: 120, cell: (r) => <span title={r.ips.join(', ')}>{r.ips.join(', ') || '<none>'}</span> },
    { id: 'node', header: 'Node', width: 130, cell: (r) => r.node || '<none>' },
    { id: 'labels', header: 'Labels', width: 160, grow: 1, sortable: false, cell: (r) => <LabelChips labels={r.labels} onPick={helpers.pickLabel} focusable={false} /> },
  ];
}
