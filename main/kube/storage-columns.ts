import type { KubeObject, Timestamp } from './types';

// Cells for PersistentVolumes, PersistentVolumeClaims and StorageClasses, ported from
// printPersistentVolume, printPersistentVolumeClaim and printStorageClass in
// kubernetes/pkg/printers/internalversion/printers.go (1.32).

export interface PersistentVolume extends KubeObject {
  spec?: {
    capacity?: Record<string, string>;
    accessModes?: string[];
    persistentVolumeReclaimPolicy?: string;
    claimRef?: { namespace?: string; name?: string };
    storageClassName?: string;
    volumeAttributesClassName?: string;
    volumeMode?: string;
  };
  status?: { phase?: string; reason?: string };
}

export interface PersistentVolumeClaim extends KubeObject {
  spec?: {
    volumeName?: string;
    storageClassName?: string;
    volumeAttributesClassName?: string;
    volumeMode?: string;
    accessModes?: string[];
    resources?: { requests?: Record<string, string> };
  };
  status?: { phase?: string; accessModes?: string[]; capacity?: Record<string, string>; lastTransitionTime?: Timestamp };
}

export interface StorageClass extends KubeObject {
  provisioner?: string;
  reclaimPolicy?: string;
  volumeBindingMode?: string;
  allowVolumeExpansion?: boolean;
}

/** helper.GetAccessModesAsString: RWO, ROX, RWX, RWOP in that order, comma-joined. */
export function accessModesText(modes: string[] | undefined): string {
  const short: Array<[string, string]> = [
    ['ReadWriteOnce', 'RWO'],
    ['ReadOnlyMany', 'ROX'],
    ['ReadWriteMany', 'RWX'],
    ['ReadWriteOncePod', 'RWOP'],
  ];
  return short
    .filter(([m]) => (modes ?? []).includes(m))
    .map(([, s]) => s)
    .join(',');
}

export interface PersistentVolumeCells {
  capacity: string;
  accessModes: string;
  reclaimPolicy: string;
  status: string;
  claim: string;
  storageClass: string;
  volumeAttributesClass: string;
  reason: string;
  volumeMode: string;
}

export function persistentVolumeCells(pv: PersistentVolume): PersistentVolumeCells {
  const s = pv.spec ?? {};
  const claim = s.claimRef ? `${s.claimRef.namespace ?? ''}/${s.claimRef.name ?? ''}` : '';
  return {
    capacity: s.capacity?.storage ?? '',
    accessModes: accessModesText(s.accessModes),
    reclaimPolicy: s.persistentVolumeReclaimPolicy ?? '',
    status: pv.metadata?.deletionTimestamp ? 'Terminating' : (pv.status?.phase ?? ''),
    claim,
    storageClass: s.storageClassName ?? '',
    volumeAttributesClass: s.volumeAttributesClassName ?? '<unset>',
    reason: pv.status?.reason ?? '',
    volumeMode: s.volumeMode ?? '<unset>',
  };
}

export interface PersistentVolumeClaimCells {
  status: string;
  volume: string;
  capacity: string;
  accessModes: string;
  storageClass: string;
  volumeAttributesClass: string;
  volumeMode: string;
}

export function persistentVolumeClaimCells(pvc: PersistentVolumeClaim): PersistentVolumeClaimCells {
  const s = pvc.spec ?? {};
  // Capacity and access modes come from status, and only once a volume is bound.
  const bound = Boolean(s.volumeName);
  return {
    status: pvc.metadata?.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? ''),
    volume: s.volumeName ?? '',
    capacity: bound ? (pvc.status?.capacity?.storage ?? '') : '',
    accessModes: bound ? accessModesText(pvc.status?.accessModes) : '',
    storageClass: s.storageClassName ?? '',
    volumeAttributesClass: s.volumeAttributesClassName ?? '<unset>',
    volumeMode: s.volumeMode ?? '<unset>',
  };
}

const DEFAULT_CLASS = ['storageclass.kubernetes.io/is-default-class', 'storageclass.beta.kubernetes.io/is-default-class'];

/** storageutil.IsDefaultAnnotation: either annotation set to "true". */
export function isDefaultStorageClass(sc: StorageClass): boolean {
  return DEFAULT_CLASS.some((a) => sc.metadata?.annotations?.[a] === 'true');
}

export function storageClassCells(sc: StorageClass): { name: string; provisioner: string; reclaimPolicy: string; volumeBindingMode: string; allowVolumeExpansion: string } {
  const name = sc.metadata?.name ?? '';
  return {
    name: isDefaultStorageClass(sc) ? `${name} (default)` : name,
    provisioner: sc.provisioner ?? '',
    reclaimPolicy: sc.reclaimPolicy ?? 'Delete',
    volumeBindingMode: sc.volumeBindingMode ?? 'Immediate',
    allowVolumeExpansion: String(sc.allowVolumeExpansion === true),
  };
}
