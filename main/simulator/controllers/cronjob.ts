import type { ICronJob } from 'kubernetes-models/batch/v1/CronJob';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { Writer } from '../api/writes';
import { rfc3339, type KObj } from '../objects';
import { RESOURCE_TYPES } from '../resources';
import { objectKey, type Store, type StoreEvent } from '../store';
import { lastScheduleBetween, parseCron } from './cron';
import type { Controller, Queue } from './loop';
import type { OwnerIndex } from './owner-index';
import { ownerRef } from './pods';
import type { Recorder } from './recorder';

// CronJobs on the simulated clock (which runs `speed` times faster than the wall clock):
// a Job named "<cronjob>-<minutes since epoch>" per scheduled minute, history limits, suspend.
// https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/

const NAME = 'cronjob';
const JOB_TYPE = RESOURCE_TYPES.find((t) => t.resource === 'jobs')!;

export class CronJobController implements Controller {
  readonly name = NAME;
  readonly watches = ['batch/cronjobs', 'batch/jobs'];
  private readonly lastSim = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly writer: Writer,
    private readonly owners: OwnerIndex,
    private readonly recorder: Recorder,
    private readonly simNow: () => number,
  ) {}

  resync(q: Queue): void {
    for (const c of this.store.list('batch/cronjobs')) q.add(NAME, objectKey(c.metadata.namespace, c.metadata.name));
  }

  onEvent(e: StoreEvent, q: Queue): void {
    if (e.key === 'batch/cronjobs' && e.type !== 'DELETED') q.add(NAME, objectKey(e.object.metadata.namespace, e.object.metadata.name));
    const ref = e.object.metadata.ownerReferences?.find((r) => r.kind === 'CronJob');
    if (e.key === 'batch/jobs' && ref) q.add(NAME, objectKey(e.object.metadata.namespace, ref.name));
  }

  reconcile(key: string, q: Queue): void {
    const [ns, name] = key.split('/') as [string, string];
    const cj = this.store.get<ICronJob>('batch/cronjobs', ns, name);
    if (!cj || cj.metadata.deletionTimestamp) return;
    let schedule;
    try {
      schedule = parseCron(cj.spec?.schedule ?? '');
    } catch {
      return;
    }
    const now = this.simNow();
    const jobs = this.owners.objects<IJob>(cj.metadata.uid, 'batch/jobs');
    const finished = (j: IJob, type: string): boolean => j.status?.conditions?.some((c) => c.type === type && c.status === 'True') ?? false;
    const activeJobs = jobs.filter((j) => !finished(j, 'Complete') && !finished(j, 'Failed'));
    // Scheduling runs on the simulated clock; the status keeps real timestamps (a simulated
    // time ahead of the wall clock would print as "<invalid>" ages).
    const lastMs = this.lastSim.get(cj.metadata.uid) ?? now - 1;
    const due = cj.spec?.suspend ? undefined : lastScheduleBetween(schedule, lastMs, now);
    if (due !== undefined) this.lastSim.set(cj.metadata.uid, due);
    const status: Record<string, unknown> = { ...(cj.status ?? {}) };
    if (due !== undefined && !(cj.spec?.concurrencyPolicy === 'Forbid' && activeJobs.length)) {
      if (cj.spec?.concurrencyPolicy === 'Replace') for (const j of activeJobs) this.writer.delete(JOB_TYPE, ns, j.metadata!.name!, { propagationPolicy: 'Background' });
      const jobName = `${name}-${Math.floor(due / 60_000)}`;
      if (!this.store.get('batch/jobs', ns, jobName)) {
        const tpl = structuredClone(cj.spec?.jobTemplate ?? {});
        const job = this.writer.create(JOB_TYPE, ns, {
          apiVersion: 'batch/v1',
          kind: 'Job',
          metadata: { name: jobName, labels: tpl.metadata?.labels ?? {}, annotations: { 'batch.kubernetes.io/cronjob-scheduled-timestamp': rfc3339() }, ownerReferences: [ownerRef(cj)] },
          spec: tpl.spec ?? { template: { spec: { containers: [] } } },
        });
        this.recorder.record(cj, 'Normal', 'SuccessfulCreate', `Created job ${job.metadata.name}`, { component: 'cronjob-controller' });
      }
      status.lastScheduleTime = rfc3339();
    }
    const nowJobs = this.owners.objects<IJob>(cj.metadata.uid, 'batch/jobs');
    status.active = nowJobs.filter((j) => !finished(j, 'Complete') && !finished(j, 'Failed')).map((j) => ({ kind: 'Job', namespace: ns, name: j.metadata!.name, uid: j.metadata!.uid, apiVersion: 'batch/v1', resourceVersion: j.metadata!.resourceVersion }));
    if ((status.active as unknown[]).length === 0) delete status.active;
    const succeeded = nowJobs.filter((j) => finished(j, 'Complete')).sort((a, b) => (a.metadata!.name! < b.metadata!.name! ? -1 : 1));
    if (succeeded.length) status.lastSuccessfulTime = succeeded[succeeded.length - 1]!.status?.completionTime;
    const prune = (list: IJob[], keep: number): void => {
      for (const j of list.slice(0, Math.max(0, list.length - keep))) this.writer.delete(JOB_TYPE, ns, j.metadata!.name!, { propagationPolicy: 'Background' });
    };
    prune(succeeded, cj.spec?.successfulJobsHistoryLimit ?? 3);
    prune(nowJobs.filter((j) => finished(j, 'Failed')), cj.spec?.failedJobsHistoryLimit ?? 1);
    const cur = this.store.get('batch/cronjobs', ns, name);
    if (cur && JSON.stringify(status) !== JSON.stringify(cur.status ?? {})) this.store.update('batch/cronjobs', { ...cur, status } as KObj);
    // Look again at the next simulated minute boundary.
    q.add(NAME, key, 60_000 - (now % 60_000) + 10);
  }
}
