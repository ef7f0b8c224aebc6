import type { PersistentVolumeClaimRow, PersistentVolumeRow, StorageClassRow } from '../../../../main/contract';
import { age } from '../../../../main/kube';
import type { Column } from '../../components/data-table/data-table';
import { KindTabs, type KindTab } from '../../components/kind-tabs/kind-tabs';
import { openObject } from '../../components/navigation/object-navigation';
import { objectKindTab } from '../../components/resource-list/object-kind-tab';

// Columns in the order `kubectl get <kind> -o wide` prints them.

const ageColumn = <R extends { createdAt?: string | undefined }>(): Column<R> => ({ id: 'age', header: 'Age', width: 64, cell: (r, now) => age(r.createdAt, now) });

/** Bound is fine; Pending, Lost, Failed and Released are said with a mark. */
function VolumeStatus({ status }: { status: string }) {
  if (status === 'Bound') return <span className="status-text status-ok">Bound</span>;
  if (status === 'Available') return <span className="status-text">Available</span>;
  if (status === 'Terminating') return <span className="status-text status-terminating">⏳ Terminating</span>;
  return <span className="status-text status-problem">⚠ {status}</span>;
}

function Link({ kind, namespace, name }: { kind: 'persistentvolumes' | 'persistentvolumeclaims' | 'storageclasses'; namespace?: string | undefined; name: string }) {
  if (!name || name === '<none>') return <span className="muted">none</span>;
  return (
    <button type="button" className="link-button object-link" onClick={() => openObject({ kind, name, namespace })}>
      {namespace ? `${namespace}/` : ''}
      {name}
    </button>
  );
}

const pvColumns: Column<PersistentVolumeRow>[] = [
  { id: 'name', header: 'Name', width: 200, grow: 2, cell: (r) => <span title={r.name}>{r.name}</span> },
  { id: 'capacity', header: 'Capacity', width: 90, cell: (r) => r.capacity },
  { id: 'accessModes', header: 'Access modes', width: 110, cell: (r) => r.accessModes },
  { id: 'reclaimPolicy', header: 'Reclaim policy', width: 120, cell: (r) => r.reclaimPolicy },
  { id: 'status', header: 'Status', width: 110, cell: (r) => <VolumeStatus status={r.status} /> },
  { id: 'claim', header: 'Claim', width: 200, grow: 1, cell: (r) => <span title={r.claim}>{r.claim}</span> },
  { id: 'storageClass', header: 'Storage class', width: 140, cell: (r) => r.storageClass },
  { id: 'volumeAttributesClass', header: 'Volume attributes class', width: 170, cell: (r) => r.volumeAttributesClass },
  { id: 'reason', header: 'Reason', width: 100, cell: (r) => r.reason },
  ageColumn(),
  { id: 'volumeMode', header: 'Volume mode', width: 110, cell: (r) => r.volumeMode },
];

const pvcColumns: Column<PersistentVolumeClaimRow>[] = [
  { id: 'name', header: 'Name', width: 180, grow: 2, cell: (r) => <span title={r.name}>{r.name}</span> },
  { id: 'namespace', header: 'Namespace', width: 120, cell: (r) => r.namespace ?? '' },
  { id: 'status', header: 'Status', width: 110, cell: (r) => <VolumeStatus status={r.status} /> },
  { id: 'volume', header: 'Volume', width: 220, grow: 1, cell: (r) => <span title={r.volume}>{r.volume}</span> },
  { id: 'capacity', header: 'Capacity', width: 90, cell: (r) => r.capacity },
  { id: 'accessModes', header: 'Access modes', width: 110, cell: (r) => r.accessModes },
  { id: 'storageClass', header: 'Storage class', width: 140, cell: (r) => r.storageClass },
  { id: 'volumeAttributesClass', header: 'Volume attributes class', width: 170, cell: (r) => r.volumeAttributesClass },
  ageColumn(),
  { id: 'volumeMode', header: 'Volume mode', width: 110, cell: (r) => r.volumeMode },
];

const scColumns: Column<StorageClassRow>[] = [
  { id: 'name', header: 'Name', width: 200, grow: 2, cell: (r) => (r.isDefault ? `${r.name} (default)` : r.name) },
  { id: 'provisioner', header: 'Provisioner', width: 220, grow: 1, cell: (r) => <span title={r.provisioner}>{r.provisioner}</span> },
  { id: 'reclaimPolicy', header: 'Reclaim policy', width: 120, cell: (r) => r.reclaimPolicy },
  { id: 'volumeBindingMode', header: 'Volume binding mode', width: 170, cell: (r) => r.volumeBindingMode },
  { id: 'allowVolumeExpansion', header: 'Allow volume expansion', width: 170, cell: (r) => r.allowVolumeExpansion },
  ageColumn(),
];

function splitClaim(claim: string): { namespace?: string; name: string } {
  const [namespace, name] = claim.split('/');
  return name ? { namespace: namespace!, name } : { name: claim };
}

const TABS: KindTab[] = [
  objectKindTab<PersistentVolumeClaimRow>({
    kind: 'persistentvolumeclaims',
    title: 'PersistentVolumeClaims',
    kindLabel: 'PersistentVolumeClaim',
    noun: 'claims',
    namespaced: true,
    columns: pvcColumns,
    searchHint: 'name, volume, class…',
    rowClass: (r) => (r.status === 'Bound' ? undefined : 'row-problem'),
    facts: (row) => [
      ['Status', <VolumeStatus key="s" status={row.status} />],
      ['Volume', <Link key="v" kind="persistentvolumes" name={row.volume} />],
      ['Capacity', row.capacity || (row.status === 'Pending' ? 'not bound yet' : '')],
      ['Requested', row.requested],
      ['Access modes', row.accessModes],
      ['Storage class', <Link key="c" kind="storageclasses" name={row.storageClass} />],
      ['Volume mode', row.volumeMode],
    ],
    sections: (row) =>
      row.status === 'Pending' ? (
        <p className="banner banner-warn" role="status">
          ⚠ This claim is not bound to a volume yet: no PersistentVolume matches it, or its storage class provisions one only when a pod uses the claim (WaitForFirstConsumer).
          Its events below say which.
        </p>
      ) : null,
  }),
  objectKindTab<PersistentVolumeRow>({
    kind: 'persistentvolumes',
    title: 'PersistentVolumes',
    kindLabel: 'PersistentVolume',
    noun: 'volumes',
    namespaced: false,
    columns: pvColumns,
    searchHint: 'name, claim, class…',
    rowClass: (r) => (r.status === 'Failed' || r.status === 'Released' ? 'row-problem' : undefined),
    facts: (row) => [
      ['Status', <VolumeStatus key="s" status={row.status} />],
      ['Claim', row.claim ? <Link key="c" kind="persistentvolumeclaims" {...splitClaim(row.claim)} /> : <span className="muted">none</span>],
      ['Capacity', row.capacity],
      ['Access modes', row.accessModes],
      ['Reclaim policy', row.reclaimPolicy],
      ['Storage class', <Link key="sc" kind="storageclasses" name={row.storageClass} />],
      ['Volume mode', row.volumeMode],
      ['Reason', row.reason || 'none'],
    ],
  }),
  objectKindTab<StorageClassRow>({
    kind: 'storageclasses',
    title: 'StorageClasses',
    kindLabel: 'StorageClass',
    noun: 'storage classes',
    namespaced: false,
    columns: scColumns,
    searchHint: 'name, provisioner…',
    facts: (row) => [
      ['Default', row.isDefault ? 'yes: claims without a storage class get this one' : 'no'],
      ['Provisioner', <span key="p" className="code-inline">{row.provisioner}</span>],
      ['Reclaim policy', row.reclaimPolicy],
      ['Binding', row.volumeBindingMode === 'WaitForFirstConsumer' ? 'WaitForFirstConsumer (a volume is made when a pod first uses the claim)' : row.volumeBindingMode],
      ['Volume expansion', row.allowVolumeExpansion],
    ],
  }),
];

/** Storage: claims (bound or pending, capacity, class), volumes and storage classes, live. */
export function StoragePage() {
  return <KindTabs label="Storage kinds" tabs={TABS} />;
}
