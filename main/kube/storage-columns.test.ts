import { describe, expect, it } from 'vitest';
import { accessModesText, isDefaultStorageClass, persistentVolumeCells, persistentVolumeClaimCells, storageClassCells } from './storage-columns';

// Objects as microk8s' hostpath provisioner and `kubectl get -o yaml` show them.

const pv = {
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name: 'pvc-3f1c2b9e-8a4d-4c1e-9f0a-6d2b7e5c4a31', annotations: { 'hostPathProvisionerIdentity': 'ubuntu', 'pv.kubernetes.io/provisioned-by': 'microk8s.io/hostpath' }, finalizers: ['kubernetes.io/pv-protection'] },
  spec: {
    accessModes: ['ReadWriteOnce'],
    capacity: { storage: '1Gi' },
    claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: 'data-db-0', namespace: 'shop' },
    hostPath: { path: '/var/snap/microk8s/common/default-storage/shop-data-db-0-pvc-3f1c2b9e', type: 'DirectOrCreate' },
    persistentVolumeReclaimPolicy: 'Delete',
    storageClassName: 'microk8s-hostpath',
    volumeMode: 'Filesystem',
  },
  status: { phase: 'Bound', lastPhaseTransitionTime: '2025-03-14T21:20:00Z' },
};

describe('storage columns', () => {
  it('prints a bound hostpath PV as kubectl get pv -o wide', () => {
    expect(persistentVolumeCells(pv)).toEqual({
      capacity: '1Gi',
      accessModes: 'RWO',
      reclaimPolicy: 'Delete',
      status: 'Bound',
      claim: 'shop/data-db-0',
      storageClass: 'microk8s-hostpath',
      volumeAttributesClass: '<unset>',
      reason: '',
      volumeMode: 'Filesystem',
    });
    expect(persistentVolumeCells({ ...pv, metadata: { ...pv.metadata, deletionTimestamp: '2025-03-14T21:30:00Z' } }).status).toBe('Terminating');
    expect(persistentVolumeCells({ metadata: { name: 'x' }, spec: {}, status: { phase: 'Failed', reason: 'VolumeFailedRecycle' } })).toMatchObject({ claim: '', status: 'Failed', reason: 'VolumeFailedRecycle', volumeMode: '<unset>' });
  });

  it('orders access modes as kubectl does', () => {
    expect(accessModesText(['ReadWriteMany', 'ReadWriteOncePod', 'ReadOnlyMany', 'ReadWriteOnce'])).toBe('RWO,ROX,RWX,RWOP');
    expect(accessModesText(undefined)).toBe('');
  });

  it('shows capacity and access modes of a claim only once it is bound', () => {
    const bound = {
      metadata: { name: 'data-db-0', namespace: 'shop' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'microk8s-hostpath', volumeMode: 'Filesystem', volumeName: pv.metadata.name },
      status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } },
    };
    expect(persistentVolumeClaimCells(bound)).toEqual({ status: 'Bound', volume: pv.metadata.name, capacity: '1Gi', accessModes: 'RWO', storageClass: 'microk8s-hostpath', volumeAttributesClass: '<unset>', volumeMode: 'Filesystem' });
    const pending = { metadata: { name: 'logs' }, spec: { accessModes: ['ReadWriteMany'], resources: { requests: { storage: '5Gi' } }, storageClassName: 'nfs' }, status: { phase: 'Pending' } };
    expect(persistentVolumeClaimCells(pending)).toEqual({ status: 'Pending', volume: '', capacity: '', accessModes: '', storageClass: 'nfs', volumeAttributesClass: '<unset>', volumeMode: '<unset>' });
  });

  it('marks the default storage class and fills the API defaults', () => {
    const hostpath = {
      metadata: { name: 'microk8s-hostpath', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
      provisioner: 'microk8s.io/hostpath',
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'WaitForFirstConsumer',
    };
    expect(isDefaultStorageClass(hostpath)).toBe(true);
    expect(storageClassCells(hostpath)).toEqual({ name: 'microk8s-hostpath (default)', provisioner: 'microk8s.io/hostpath', reclaimPolicy: 'Delete', volumeBindingMode: 'WaitForFirstConsumer', allowVolumeExpansion: 'false' });
    const beta = { metadata: { name: 'old', annotations: { 'storageclass.beta.kubernetes.io/is-default-class': 'true' } }, provisioner: 'x' };
    expect(isDefaultStorageClass(beta)).toBe(true);
    expect(storageClassCells({ metadata: { name: 'fast' }, provisioner: 'ebs.csi.aws.com', allowVolumeExpansion: true })).toMatchObject({ name: 'fast', reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate', allowVolumeExpansion: 'true' });
  });
});
