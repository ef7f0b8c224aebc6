import { randomUUID } from 'node:crypto';

// The loose shape every stored object has. Kind-specific code narrows it with the interfaces of
// kubernetes-models (type-only imports), e.g. `store.get<IPod>(...)`.
export interface Meta {
  name: string;
  namespace?: string;
  uid: string;
  resourceVersion: string;
  creationTimestamp: string;
  generateName?: string;
  generation?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerRef[];
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  finalizers?: string[];
  [extra: string]: unknown;
}

export interface OwnerRef {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface KObj {
  apiVersion: string;
  kind: string;
  metadata: Meta;
  [field: string]: unknown;
}

/** An object as a client sends it: metadata fields the server fills in are optional. */
export interface Incoming {
  apiVersion: string;
  kind: string;
  metadata?: Partial<Meta>;
  [field: string]: unknown;
}

export const newUid = (): string => randomUUID();

/** RFC 3339 at second precision, as Kubernetes serialises metav1.Time. */
export function rfc3339(ms: number = Date.now()): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** metav1.MicroTime, used by events.k8s.io and leases. */
export function microTime(ms: number = Date.now()): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

// Pod name suffixes use this alphabet (k8s.io/apimachinery/pkg/util/rand: no vowels, no confusable digits).
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';
export function randSuffix(n = 5): string {
  let s = '';
  for (let i = 0; i < n; i++) s += ALPHANUMS[Math.floor(Math.random() * ALPHANUMS.length)];
  return s;
}

/** A structural deep copy of JSON data; stored objects are never mutated in place. */
export function clone<T>(v: T): T {
  return structuredClone(v);
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function controllerOf(obj: KObj): OwnerRef | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller);
}
