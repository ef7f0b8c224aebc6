import type { ObjectKind } from '../../contract/cluster';
import { resourceSpecs } from './cluster-session';

// The REST path of one object (and its subresources) from the kind Berth lists it as: the
// collection path of the informer's resource with the namespace segment put in.

const CLUSTER_SCOPED = new Set<ObjectKind>(['nodes', 'namespaces', 'persistentvolumes', 'storageclasses']);

export function isNamespaced(kind: ObjectKind): boolean {
  return !CLUSTER_SCOPED.has(kind);
}

const seg = encodeURIComponent;

/** e.g. ('deployments', 'shop', 'web') -> /apis/apps/v1/namespaces/shop/deployments/web */
export function objectPath(kind: ObjectKind, namespace: string | undefined, name: string, subresource?: string): string {
  const collection = resourceSpecs[kind].path; // /api/v1/pods, /apis/apps/v1/deployments
  const cut = collection.lastIndexOf('/');
  const prefix = collection.slice(0, cut);
  const resource = collection.slice(cut + 1);
  const ns = isNamespaced(kind) ? `/namespaces/${seg(namespace ?? 'default')}` : '';
  return `${prefix}${ns}/${resource}/${seg(name)}${subresource ? `/${subresource}` : ''}`;
}
