import type { NodeRow } from '../../../../main/contract';
import { age } from '../../../../main/kube';
import type { Column } from '../../components/data-table/data-table';
import { formatBytes, formatCpu } from '../../components/usage-bar/format-amount';
import { UsageBar } from '../../components/usage-bar/usage-bar';

/** STATUS as kubectl prints it ("Ready,SchedulingDisabled"); anything not Ready is marked. */
export function NodeStatus({ row }: { row: NodeRow }) {
  const ready = row.status.split(',')[0] === 'Ready';
  return <span className={`status-text ${ready ? 'status-ok' : 'status-problem'}`}>{ready ? row.status : `⚠ ${row.status}`}</span>;
}

export const nodeColumns: Column<NodeRow>[] = [
  { id: 'name', header: 'Name', width: 180, grow: 1, cell: (r) => <span title={r.name}>{r.name}</span> },
  { id: 'status', header: 'Status', width: 190, cell: (r) => <NodeStatus row={r} /> },
  { id: 'roles', header: 'Roles', width: 110, cell: (r) => r.roles },
  { id: 'age', header: 'Age', width: 64, cell: (r, now) => age(r.createdAt, now) },
  { id: 'version', header: 'Version', width: 100, cell: (r) => r.version },
  { id: 'internalIP', header: 'Internal-IP', width: 120, cell: (r) => r.internalIP },
  { id: 'osImage', header: 'OS image', width: 150, cell: (r) => <span title={r.osImage}>{r.osImage}</span> },
  { id: 'kernel', header: 'Kernel', width: 140, cell: (r) => <span title={r.kernel}>{r.kernel}</span> },
  { id: 'runtime', header: 'Runtime', width: 150, cell: (r) => <span title={r.runtime}>{r.runtime}</span> },
  {
    id: 'cpu',
    header: 'CPU',
    width: 190,
    cell: (r) => <UsageBar label={`CPU of ${r.name}`} requests={r.cpu.requests} allocatable={r.cpu.allocatable} usage={r.cpu.usage} format={formatCpu} />,
  },
  {
    id: 'memory',
    header: 'Memory',
    width: 190,
    cell: (r) => <UsageBar label={`Memory of ${r.name}`} requests={r.memory.requests} allocatable={r.memory.allocatable} usage={r.memory.usage} format={formatBytes} />,
  },
];
