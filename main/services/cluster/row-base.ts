import type { KubeObject } from '../../kube';

export interface RowBase {
  uid: string;
  name: string;
  namespace?: string;
  createdAt?: string;
  labels: Record<string, string>;
}

/** The fields every row carries: identity, creation time (AGE ticks in the page) and labels. */
export function rowBase(obj: KubeObject): RowBase {
  const m = obj.metadata ?? {};
  const out: RowBase = {
    uid: m.uid ?? `${m.namespace ?? ''}/${m.name ?? ''}`,
    name: m.name ?? '',
    labels: m.labels ?? {},
  };
  if (m.namespace) out.namespace = m.namespace;
  const created = m.creationTimestamp;
  if (created) out.createdAt = created instanceof Date ? created.toISOString() : created;
  return out;
}
