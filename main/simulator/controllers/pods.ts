import type { IPod } from 'kubernetes-models/v1/Pod';
import type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import type { Writer } from '../api/writes';
import { randSuffix, type KObj, type OwnerRef } from '../objects';
import { RESOURCE_TYPES } from '../resources';
import type { Recorder } from './recorder';

// Helpers the workload controllers share: making a pod from a template for an owner, and the
// pod states they count (active, ready, available).

const POD_TYPE = RESOURCE_TYPES.find((t) => t.resource === 'pods' && t.group === '')!;

export function ownerRef(owner: KObj): OwnerRef {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true };
}

export interface PodOptions {
  name?: string;
  generateName?: string;
  labels?: Record<string, string>;
  nodeName?: string;
  hostname?: string;
  subdomain?: string;
}

/** Creates a pod from a template through the same path a client's create takes (defaults, validation). */
export function createPodFromTemplate(writer: Writer, owner: KObj, template: IPodTemplateSpec | undefined, opts: PodOptions): IPod & KObj {
  const md = template?.metadata ?? {};
  const spec = structuredClone(template?.spec ?? { containers: [] }) as unknown as Record<string, unknown>;
  if (opts.nodeName) spec.nodeName = opts.nodeName;
  if (opts.hostname) spec.hostname = opts.hostname;
  if (opts.subdomain) spec.subdomain = opts.subdomain;
  const metadata: Record<string, unknown> = {
    namespace: owner.metadata.namespace,
    labels: { ...(md.labels ?? {}), ...(opts.labels ?? {}) },
    ownerReferences: [ownerRef(owner)],
  };
  if (md.annotations) metadata.annotations = { ...md.annotations };
  if (opts.name) metadata.name = opts.name;
  else metadata.generateName = opts.generateName ?? `${owner.metadata.name}-`;
  if (!opts.name) metadata.name = `${metadata.generateName as string}${randSuffix(5)}`;
  return writer.create(POD_TYPE, owner.metadata.namespace, { apiVersion: 'v1', kind: 'Pod', metadata, spec }) as IPod & KObj;
}

export const isTerminal = (p: IPod): boolean => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
export const isActive = (p: IPod & KObj): boolean => !isTerminal(p) && !p.metadata.deletionTimestamp;
export const isReady = (p: IPod): boolean => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;

/** Ready for at least minReadySeconds (simulated), i.e. available. */
export function isAvailable(p: IPod, minReadySeconds: number, realMs: (simMs: number) => number): boolean {
  if (!isReady(p)) return false;
  if (minReadySeconds <= 0) return true;
  const since = Date.parse(p.status?.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime ?? '');
  return Date.now() - since >= realMs(minReadySeconds * 1000);
}

/** Controller-managed pods die youngest / least ready first (controller.ActivePodsWithRanks, simplified). */
export function deletionOrder(pods: (IPod & KObj)[]): (IPod & KObj)[] {
  const rank = (p: IPod): number => (!p.spec?.nodeName ? 0 : p.status?.phase === 'Pending' ? 1 : !isReady(p) ? 2 : 3);
  return [...pods].sort((a, b) => rank(a) - rank(b) || (b.metadata.creationTimestamp > a.metadata.creationTimestamp ? 1 : -1));
}

export interface PodToCreate {
  template: IPodTemplateSpec | undefined;
  opts: PodOptions;
  /** The SuccessfulCreate event's message, from the new pod's name. */
  message(podName: string): string;
}

export interface SlotCreator {
  writer: Writer;
  recorder: Recorder;
  /** The event source, e.g. "daemonset-controller". */
  component: string;
}

/**
 * The pod-creation pass the DaemonSet and StatefulSet controllers share: walk the slots (nodes,
 * ordinals) in order; `plan` says what a slot needs: a pod to create, nothing ('filled'), or
 * stop here ('wait': an OrderedReady StatefulSet waits for the previous pod). With `oneAtATime`
 * the pass ends after the first creation. Returns how many pods were created.
 */
export function createMissingPods<S>(c: SlotCreator, owner: KObj, slots: Iterable<S>, plan: (slot: S) => PodToCreate | 'filled' | 'wait', oneAtATime = false): number {
  let created = 0;
  for (const slot of slots) {
    const next = plan(slot);
    if (next === 'wait') break;
    if (next === 'filled') continue;
    const pod = createPodFromTemplate(c.writer, owner, next.template, next.opts);
    c.recorder.record(owner, 'Normal', 'SuccessfulCreate', next.message(pod.metadata.name), { component: c.component });
    created++;
    if (oneAtATime) break;
  }
  return created;
}

/** Counts a revisioned controller reports: live pods, ready, at the current revision (label value), available. */
export function revisionCounts(pods: (IPod & KObj)[], revisionLabel: string, revision: string, minReadySeconds: number, realMs: (simMs: number) => number): { live: number; ready: number; updated: number; available: number } {
  const live = pods.filter(isActive);
  return {
    live: live.length,
    ready: live.filter(isReady).length,
    updated: live.filter((p) => p.metadata.labels?.[revisionLabel] === revision).length,
    available: live.filter((p) => isAvailable(p, minReadySeconds, realMs)).length,
  };
}
