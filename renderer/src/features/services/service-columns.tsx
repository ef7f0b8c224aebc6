import type { ServiceRow } from '../../../../main/contract';
import { age } from '../../../../main/kube';
import type { Column } from '../../components/data-table/data-table';

export const serviceColumns: Column<ServiceRow>[] = [
  { id: 'name', header: 'Name', width: 200, grow: 1, cell: (r) => <span title={r.name}>{r.name}</span> },
  { id: 'namespace', header: 'Namespace', width: 130, cell: (r) => r.namespace ?? '' },
  { id: 'type', header: 'Type', width: 110, cell: (r) => r.type },
  { id: 'clusterIP', header: 'Cluster-IP(s)', width: 140, cell: (r) => <span title={r.clusterIPs.join(', ')}>{r.clusterIPs.join(', ') || '<none>'}</span> },
  { id: 'externalIP', header: 'External-IP', width: 120, cell: (r) => r.externalIP },
  { id: 'ports', header: 'Port(s)', width: 150, cell: (r) => <span title={r.ports}>{r.ports}</span> },
  { id: 'selector', header: 'Selector', width: 180, grow: 1, cell: (r) => <span title={r.selector}>{r.selector}</span> },
  { id: 'age', header: 'Age', width: 64, cell: (r, now) => age(r.createdAt, now) },
];
