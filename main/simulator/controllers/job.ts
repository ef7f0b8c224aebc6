import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { Writer } from '../api/writes';
import { controllerOf, rfc3339, type KObj } from '../objects';
import { objectKey, type Store, type StoreEvent } from '../store';
import type { Controller, Queue } from './loop';
import type { OwnerIndex } from './owner-index';
import { createPodFromTemplate, isActive, isReady } from './pods';
import type { Recorder } from './recorder';

// Jobs: run pods (up to parallelism) until `completions` succeed, fail after backoffLimit
// failures; conditions SuccessCriteriaMet + Complete, or FailureTarget + Failed, as 1.32 sets them.
// https://kubernetes.io/docs/concepts/workloads/controllers/job/

const NAME = 'job';

export class JobController implements Controller {
  readonly name = NAME;
  readonly watches = ['batch/jobs', 'pods'];

  constructor(
    private readonly store: Store,
    private readonly writer: Writer,
    private readonly owners: OwnerIndex,
    private readonly recorder: Recorder,
  ) {}

  resync(q: Queue): void {
    for (const j of this.store.list('batch/jobs')) q.add(NAME, objectKey(j.metadata.namespace, j.metadata.name));
  }

  onEvent(e: StoreEvent, q: Queue): void {
    if (e.key === 'batch/jobs') {
      if (e.type !== 'DELETED') q.add(NAME, objectKey(e.object.metadata.namespace, e.object.metadata.name));
      return;
    }
    const ref = controllerOf(e.object);
    if (ref?.kind === 'Job') q.add(NAME, objectKey(e.object.metadata.namespace, ref.name));
  }

  reconcile(key: string): void {
    const [ns, name] = key.split('/') as [string, string];
    const job = this.store.get<IJob>('batch/jobs', ns, name);
    if (!job || job.metadata.deletionTimestamp) return;
    const done = job.status?.conditions?.some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
    if (done) return;
    const pods = this.owners.objects<IPod>(job.metadata.uid, 'pods');
    const succeeded = pods.filter((p) => p.status?.phase === 'Succeeded').length;
    const failed = pods.filter((p) => p.status?.phase === 'Failed').length;
    const active = pods.filter(isActive);
    const completions = job.spec?.completions ?? 1;
    const parallelism = job.spec?.parallelism ?? 1;
    const backoffLimit = job.spec?.backoffLimit ?? 6;
    const suspended = job.spec?.suspend === true;
    const now = rfc3339();
    const status: Record<string, unknown> = { ...(job.status ?? {}) };
    if (!status.startTime && !suspended) status.startTime = now;
    let conditions = [...(job.status?.conditions ?? [])] as unknown as Record<string, unknown>[];
    const cond = (type: string, reason: string, message: string): Record<string, unknown> => ({ type, status: 'True', lastProbeTime: now, lastTransitionTime: now, reason, message });
    if (succeeded >= completions) {
      conditions = [...conditions, cond('SuccessCriteriaMet', 'CompletionsReached', 'Reached expected number of succeeded pods'), cond('Complete', 'CompletionsReached', 'Reached expected number of succeeded pods')];
      status.completionTime = now;
      this.recorder.record(job, 'Normal', 'Completed', 'Job completed', { component: 'job-controller' });
    } else if (failed > backoffLimit) {
      conditions = [...conditions, cond('FailureTarget', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'), cond('Failed', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit')];
      for (const p of active) this.writer.delete({ group: '', version: 'v1', resource: 'pods', singular: 'pod', kind: 'Pod', namespaced: true }, ns, p.metadata.name, {});
      this.recorder.record(job, 'Warning', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', { component: 'job-controller' });
    } else if (!suspended) {
      const want = Math.min(parallelism, completions - succeeded) - active.length;
      for (let i = 0; i < want; i++) {
        const pod = createPodFromTemplate(this.writer, job, job.spec?.template, { generateName: `${name}-` });
        this.recorder.record(job, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, { component: 'job-controller' });
      }
    }
    const live = this.owners.objects<IPod>(job.metadata.uid, 'pods').filter(isActive);
    Object.assign(status, { active: live.length, ready: live.filter(isReady).length, succeeded, failed, terminating: 0, uncountedTerminatedPods: {} });
    for (const k of ['active', 'succeeded', 'failed']) if (status[k] === 0) delete status[k];
    if (conditions.length) status.conditions = conditions;
    const cur = this.store.get('batch/jobs', ns, name);
    if (cur && JSON.stringify(status) !== JSON.stringify(cur.status ?? {})) this.store.update('batch/jobs', { ...cur, status } as KObj);
  }
}
