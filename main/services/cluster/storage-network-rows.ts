import type { IngressRow, NetworkPolicyRow, PersistentVolumeClaimRow, PersistentVolumeRow, StorageClassRow } from '../../contract/cluster';
import {
  describeNetworkPolicy,
  ingressBackendText,
  ingressCells,
  ingressRules,
  isDefaultStorageClass,
  persistentVolumeCells,
  persistentVolumeClaimCells,
  storageClassCells,
  type Ingress,
  type NetworkPolicy,
  type PersistentVolume,
  type PersistentVolumeClaim,
  type StorageClass,
} from '../../kube';
import { rowBase } from './row-base';

// Rows of the storage and networking kinds, with kubectl's `-o wide` cells from main/kube.

export function persistentVolumeRow(pv: PersistentVolume): PersistentVolumeRow {
  return { kind: 'persistentvolumes', ...rowBase(pv), ...persistentVolumeCells(pv) };
}

export function persistentVolumeClaimRow(pvc: PersistentVolumeClaim): PersistentVolumeClaimRow {
  return { kind: 'persistentvolumeclaims', ...rowBase(pvc), ...persistentVolumeClaimCells(pvc), requested: pvc.spec?.resources?.requests?.storage ?? '' };
}

export function storageClassRow(sc: StorageClass): StorageClassRow {
  const { name: _printed, ...cells } = storageClassCells(sc);
  return { kind: 'storageclasses', ...rowBase(sc), isDefault: isDefaultStorageClass(sc), ...cells };
}

export function ingressRow(ing: Ingress): IngressRow {
  return {
    kind: 'ingresses',
    ...rowBase(ing),
    ...ingressCells(ing),
    rules: ingressRules(ing),
    defaultBackend: ingressBackendText(ing.spec?.defaultBackend),
    tls: (ing.spec?.tls ?? []).map((t) => ({ hosts: t.hosts ?? [], secretName: t.secretName ?? '' })),
  };
}

export function networkPolicyRow(np: NetworkPolicy): NetworkPolicyRow {
  return { kind: 'networkpolicies', ...rowBase(np), ...describeNetworkPolicy(np) };
}
