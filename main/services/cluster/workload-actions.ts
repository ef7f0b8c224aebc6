import type { ObjectRef, PropagationPolicy, RestartableKind, ScalableKind } from '../../contract/cluster';
import { revisionOf, type KubeObject, type Workload } from '../../kube';
import { KubeApiError } from './kube-errors';
import type { KubeTransport } from './kube-http';
import { sameTemplateIgnoringHash } from './object-detail';
import { InvalidInput } from './actions';
import { isNamespaced, objectPath } from './object-paths';
import { controllerOwner } from './workload-rows';

// Day-two operations on workloads, each sending what kubectl sends for the same command, so the
// API server (and its admission) sees nothing unusual. A refusal keeps the server's message and
// gains a line on what to do next.

const KIND_WORDS: Record<string, string> = {
  deployments: 'deployment',
  replicasets: 'ReplicaSet',
  statefulsets: 'StatefulSet',
  replicationcontrollers: 'ReplicationController',
  daemonsets: 'DaemonSet',
  cronjobs: 'CronJob',
  jobs: 'Job',
};

/** The server's error, with a hint that fits the operation when the generic one would not. */
async function explained<T>(what: string, run: () => Promise<T>, hints: Partial<Record<KubeApiError['code'], string>> = {}): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof KubeApiError)) throw error;
    const hint =
      hints[error.code] ??
      (error.code === 'not-found' ? `It may have been deleted meanwhile; the list updates by itself.` : error.code === 'conflict' ? 'It changed meanwhile; try again.' : error.hint);
    throw new KubeApiError(error.code, `${what}: ${error.message}`, error.status, error.retryAfterSeconds, hint);
  }
}

const MERGE = 'application/merge-patch+json';
const STRATEGIC = 'application/strategic-merge-patch+json';
const JSON_PATCH = 'application/json-patch+json';

/** `kubectl scale --replicas=N`: a merge patch on the scale subresource. */
export async function scale(transport: KubeTransport, kind: ScalableKind, namespace: string, name: string, replicas: number): Promise<{ replicas: number }> {
  const result = await explained(`Scaling ${KIND_WORDS[kind]} ${namespace}/${name} to ${replicas} was refused`, () =>
    transport.request<{ spec?: { replicas?: number } }>({ method: 'PATCH', path: objectPath(kind, namespace, name, 'scale'), body: { spec: { replicas } }, contentType: MERGE }),
  );
  return { replicas: result.spec?.replicas ?? replicas };
}

/**
 * `kubectl rollout restart`: a strategic merge patch stamping the pod template with
 * kubectl.kubernetes.io/restartedAt (RFC 3339), which makes the controller roll every pod.
 * kubectl refuses a paused deployment; so do we, with its advice.
 */
export async function restartRollout(transport: KubeTransport, kind: RestartableKind, namespace: string, name: string, now: Date = new Date()): Promise<{ restartedAt: string }> {
  const what = `Restarting ${KIND_WORDS[kind]} ${namespace}/${name} failed`;
  if (kind === 'deployments') {
    const d = await explained(what, () => transport.request<Workload>({ path: objectPath(kind, namespace, name) }));
    if (d.spec?.paused) throw new KubeApiError('invalid', `Cannot restart deployment ${namespace}/${name}: it is paused.`, undefined, undefined, 'Resume the rollout first, then restart.');
  }
  const restartedAt = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  await explained(what, () =>
    transport.request({
      method: 'PATCH',
      path: objectPath(kind, namespace, name),
      body: { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } } } } },
      contentType: STRATEGIC,
    }),
  );
  return { restartedAt };
}

// Annotations a rollback keeps from the deployment rather than copying from the ReplicaSet
// (kubectl/pkg/polymorphichelpers/rollback.go annotationsToSkip).
const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

/** The ReplicaSet `toRevision` names (0: the one before the newest), as rollback.go picks it. */
export function pickRevision(replicaSets: Workload[], toRevision: number): Workload | undefined {
  if (toRevision > 0) return replicaSets.find((rs) => revisionOf(rs) === toRevision);
  const sorted = [...replicaSets].sort((a, b) => revisionOf(b) - revisionOf(a));
  return sorted[1];
}

/** The JSON patch `kubectl rollout undo` sends: the revision's template (minus pod-template-hash) and annotations. */
export function rollbackPatch(deployment: Workload, rs: Workload): unknown[] {
  const template = structuredClone(rs.spec?.template ?? {}) as { metadata?: { labels?: Record<string, string> } };
  if (template.metadata?.labels) delete template.metadata.labels['pod-template-hash'];
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(deployment.metadata?.annotations ?? {})) if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(rs.metadata?.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  return [
    { op: 'replace', path: '/spec/template', value: template },
    { op: 'replace', path: '/metadata/annotations', value: annotations },
  ];
}

/** `kubectl rollout undo deployment/NAME --to-revision=N`. */
export async function rollback(transport: KubeTransport, namespace: string, name: string, toRevision: number): Promise<{ revision: number; unchanged: boolean }> {
  const what = `Rolling back deployment ${namespace}/${name} failed`;
  const d = await explained(what, () => transport.request<Workload>({ path: objectPath('deployments', namespace, name) }));
  if (d.spec?.paused) {
    throw new KubeApiError('invalid', `Cannot roll back deployment ${namespace}/${name}: it is paused.`, undefined, undefined, 'Resume the rollout first, then roll back.');
  }
  const list = await explained(what, () => transport.request<{ items?: Workload[] }>({ path: `/apis/apps/v1/namespaces/${encodeURIComponent(namespace)}/replicasets` }));
  const owned = (list.items ?? []).filter((rs) => controllerOwner(rs as KubeObject)?.uid === d.metadata?.uid);
  const target = pickRevision(owned, toRevision);
  if (!target) {
    const known = owned.map(revisionOf).filter((r) => r > 0).sort((a, b) => b - a);
    const message = toRevision > 0 ? `Revision ${toRevision} of deployment ${namespace}/${name} is not in its history.` : `Deployment ${namespace}/${name} has no previous revision to roll back to.`;
    throw new KubeApiError('not-found', message, undefined, undefined, known.length ? `Revisions kept: ${known.join(', ')} (older ones were cleaned up per revisionHistoryLimit).` : 'Nothing to roll back to yet.');
  }
  const revision = revisionOf(target);
  // rollback.go: "skipped rollback (current template already matches revision N)".
  if (sameTemplateIgnoringHash(target.spec?.template, d.spec?.template)) return { revision, unchanged: true };
  await explained(what, () =>
    transport.request({
      method: 'PATCH',
      path: objectPath('deployments', namespace, name),
      body: rollbackPatch(d, target),
      contentType: JSON_PATCH,
    }),
  );
  return { revision, unchanged: false };
}

/** `kubectl rollout pause` / `resume`: spec.paused (cleared rather than false: it is omitempty). */
export async function setPaused(transport: KubeTransport, namespace: string, name: string, paused: boolean): Promise<void> {
  await explained(`${paused ? 'Pausing' : 'Resuming'} deployment ${namespace}/${name} failed`, () =>
    transport.request({ method: 'PATCH', path: objectPath('deployments', namespace, name), body: { spec: { paused: paused ? true : null } }, contentType: MERGE }),
  );
}

/** Suspends or resumes a CronJob (`kubectl patch cronjob NAME -p '{"spec":{"suspend":true}}'`). */
export async function setSuspended(transport: KubeTransport, namespace: string, name: string, suspended: boolean): Promise<void> {
  await explained(`${suspended ? 'Suspending' : 'Resuming'} CronJob ${namespace}/${name} failed`, () =>
    transport.request({ method: 'PATCH', path: objectPath('cronjobs', namespace, name), body: { spec: { suspend: suspended } }, contentType: MERGE }),
  );
}

interface CronJob extends KubeObject {
  spec?: { jobTemplate?: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: Record<string, unknown> } };
}

/** The Job `kubectl create job NAME --from=cronjob/CRON` creates (create_job.go generateJobFromCronJob). */
export function jobFromCronJob(cj: CronJob, jobName: string): Record<string, unknown> {
  const tpl = cj.spec?.jobTemplate ?? {};
  const metadata: Record<string, unknown> = {
    name: jobName,
    namespace: cj.metadata?.namespace,
    annotations: { 'cronjob.kubernetes.io/instantiate': 'manual', ...(tpl.metadata?.annotations ?? {}) },
    // Not metav1.NewControllerRef: blockOwnerDeletion would need the cronjobs/finalizers permission.
    ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cj.metadata?.name ?? '', uid: cj.metadata?.uid ?? '', controller: true }],
  };
  if (tpl.metadata?.labels) metadata.labels = tpl.metadata.labels;
  return { apiVersion: 'batch/v1', kind: 'Job', metadata, spec: structuredClone(tpl.spec ?? {}) };
}

/** NAME-manual-xxxxx, within the 63 characters a Job name may have (its pods carry it as a label). */
export function manualJobName(cronJob: string, random: () => number = Math.random): string {
  const suffix = Array.from({ length: 5 }, () => 'bcdfghjklmnpqrstvwxz2456789'[Math.floor(random() * 27)]).join('');
  const base = cronJob.slice(0, 63 - '-manual-'.length - suffix.length).replace(/[-.]+$/, '');
  return `${base}-manual-${suffix}`;
}

export async function triggerCronJob(transport: KubeTransport, namespace: string, name: string, jobName?: string): Promise<{ namespace: string; name: string }> {
  const what = `Starting a Job from CronJob ${namespace}/${name} failed`;
  const cj = await explained(what, () => transport.request<CronJob>({ path: objectPath('cronjobs', namespace, name) }));
  const job = jobFromCronJob(cj, jobName ?? manualJobName(name));
  const created = await explained(what, () => transport.request<KubeObject>({ method: 'POST', path: `/apis/batch/v1/namespaces/${encodeURIComponent(namespace)}/jobs`, body: job }), {
    conflict: 'A Job with that name exists already: pick another name.',
  });
  return { namespace, name: created.metadata?.name ?? String((job.metadata as { name: string }).name) };
}

/** `kubectl delete KIND NAME --cascade=background|foreground|orphan`. */
export async function deleteObject(transport: KubeTransport, ref: ObjectRef, propagationPolicy: PropagationPolicy): Promise<void> {
  if (isNamespaced(ref.kind) && !ref.namespace) throw new InvalidInput(`Deleting ${ref.kind}/${ref.name} needs its namespace.`, 'Open the object from its list and delete it from there.');
  const label = `${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
  await explained(`Deleting ${KIND_WORDS[ref.kind] ?? ref.kind.replace(/s$/, '')} ${label} failed`, () =>
    transport.request({ method: 'DELETE', path: objectPath(ref.kind, ref.namespace, ref.name), body: { apiVersion: 'v1', kind: 'DeleteOptions', propagationPolicy } }),
  );
}
