import type { DeploymentDetail, DeploymentReplicaSet } from '../../../../main/contract';

/** One line of a deployment's revision history, as the detail lists it. */
export interface RevisionEntry {
  revision: number;
  name: string;
  changeCause: string;
  images: string;
  current: boolean;
  /** Pods this ReplicaSet runs now (old ones keep some while a rollout moves away from them). */
  pods: number;
  ready: number;
  /** Rolling back to it is possible: an earlier revision with a number, not the current one. */
  canRollBack: boolean;
}

/**
 * The revisions of a deployment, newest first, as `kubectl rollout history` lists them. A
 * ReplicaSet without a revision annotation (0) cannot be rolled back to by number.
 */
export function revisionList(replicaSets: readonly DeploymentReplicaSet[]): RevisionEntry[] {
  return [...replicaSets]
    .sort((a, b) => b.revision - a.revision || a.name.localeCompare(b.name))
    .map((rs) => ({
      revision: rs.revision,
      name: rs.name,
      changeCause: rs.changeCause,
      images: rs.images,
      current: rs.current,
      pods: rs.desired,
      ready: rs.ready,
      canRollBack: !rs.current && rs.revision > 0,
    }));
}

/** The revision `kubectl rollout undo` (no --to-revision) goes back to: the newest one before the current. */
export function previousRevision(entries: readonly RevisionEntry[]): number | undefined {
  const current = entries.find((e) => e.current)?.revision;
  return entries.find((e) => e.canRollBack && (current === undefined || e.revision < current))?.revision;
}

export type RolloutState = 'complete' | 'progressing' | 'stuck' | 'paused';

export interface RolloutProgress {
  state: RolloutState;
  /** One sentence: where the rollout is, e.g. "2 of 3 new pods ready; 1 old pod still running." */
  text: string;
  /** New pods ready out of desired: for a progress bar. */
  ready: number;
  desired: number;
  /** Pods still run by older ReplicaSets. */
  oldPods: number;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Where a deployment's rollout stands, from its ReplicaSets: new pods coming up on the current
 * one, old pods going away on the others. Stuck (Progressing=False, ProgressDeadlineExceeded)
 * and paused come first, because they need the person to act.
 */
export function rolloutProgress(d: Pick<DeploymentDetail, 'paused' | 'rolloutStuck' | 'replicas' | 'replicaSets'>): RolloutProgress {
  const current = d.replicaSets.find((rs) => rs.current);
  const desired = d.replicas.desired;
  const ready = current ? Math.min(current.available, desired) : 0;
  const oldPods = d.replicaSets.filter((rs) => !rs.current).reduce((sum, rs) => sum + rs.desired, 0);
  const where = `${ready} of ${plural(desired, 'new pod')} available${oldPods > 0 ? `; ${plural(oldPods, 'old pod')} still running` : ''}.`;
  if (d.rolloutStuck) return { state: 'stuck', text: `Rollout stuck: ${where}`, ready, desired, oldPods };
  if (d.paused) return { state: 'paused', text: `Rollout paused: ${where}`, ready, desired, oldPods };
  const done = ready >= desired && oldPods === 0 && d.replicas.updated >= desired && d.replicas.unavailable === 0;
  if (done) return { state: 'complete', text: `Up to date: ${plural(desired, 'pod')} on revision ${current?.revision ?? '?'}, all available.`, ready, desired, oldPods };
  return { state: 'progressing', text: `Rolling out revision ${current?.revision ?? '?'}: ${where}`, ready, desired, oldPods };
}
