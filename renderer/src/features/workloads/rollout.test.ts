import { describe, expect, it } from 'vitest';
import type { DeploymentReplicaSet } from '../../../../main/contract';
import { previousRevision, revisionList, rolloutProgress } from './rollout';

const rs = (revision: number, current: boolean, desired: number, ready = desired, extra: Partial<DeploymentReplicaSet> = {}): DeploymentReplicaSet => ({
  name: `web-${revision}`,
  uid: `u${revision}`,
  revision,
  changeCause: revision ? `kubectl set image deployment/web web=nginx:1.${revision}` : '',
  current,
  desired,
  ready,
  available: ready,
  images: `nginx:1.${revision}`,
  ...extra,
});
const replicas = (desired: number, updated: number, unavailable: number) => ({ desired, current: desired, updated, ready: desired - unavailable, available: desired - unavailable, unavailable });

describe('revisionList', () => {
  it('lists newest first, marks the current one and offers rollback to the others', () => {
    const list = revisionList([rs(1, false, 0), rs(3, true, 3), rs(2, false, 0)]);
    expect(list.map((e) => [e.revision, e.current, e.canRollBack])).toEqual([
      [3, true, false],
      [2, false, true],
      [1, false, true],
    ]);
    expect(list[1]!.changeCause).toBe('kubectl set image deployment/web web=nginx:1.2');
  });

  it('never offers rollback to a ReplicaSet without a revision number', () => {
    expect(revisionList([rs(0, false, 0), rs(1, true, 1)]).map((e) => e.canRollBack)).toEqual([false, false]);
  });

  it('previous revision is the newest one before the current (kubectl rollout undo)', () => {
    expect(previousRevision(revisionList([rs(1, false, 0), rs(2, false, 0), rs(3, true, 3)]))).toBe(2);
    // After a rollback to 1, revision 1 became 4: the previous is then 3.
    expect(previousRevision(revisionList([rs(2, false, 0), rs(3, false, 0), rs(4, true, 3)]))).toBe(3);
    expect(previousRevision(revisionList([rs(1, true, 3)]))).toBeUndefined();
  });
});

describe('rolloutProgress', () => {
  const base = { paused: false, rolloutStuck: false };

  it('is complete when every desired pod is new and available and no old pods remain', () => {
    const p = rolloutProgress({ ...base, replicas: replicas(3, 3, 0), replicaSets: [rs(2, true, 3), rs(1, false, 0)] });
    expect(p.state).toBe('complete');
    expect(p.text).toBe('Up to date: 3 pods on revision 2, all available.');
  });

  it('counts new pods coming up and old pods going away while it runs', () => {
    const p = rolloutProgress({ ...base, replicas: replicas(3, 2, 1), replicaSets: [rs(2, true, 2, 1), rs(1, false, 2)] });
    expect(p).toMatchObject({ state: 'progressing', ready: 1, desired: 3, oldPods: 2 });
    expect(p.text).toBe('Rolling out revision 2: 1 of 3 new pods available; 2 old pods still running.');
  });

  it('says stuck before anything else, and paused before progressing', () => {
    const sets = [rs(2, true, 1, 0), rs(1, false, 2)];
    expect(rolloutProgress({ ...base, rolloutStuck: true, paused: true, replicas: replicas(2, 1, 1), replicaSets: sets }).state).toBe('stuck');
    const paused = rolloutProgress({ ...base, paused: true, replicas: replicas(2, 1, 1), replicaSets: sets });
    expect(paused.state).toBe('paused');
    expect(paused.text).toBe('Rollout paused: 0 of 2 new pods available; 2 old pods still running.');
  });

  it('a scaled-to-zero deployment with no old pods is complete', () => {
    expect(rolloutProgress({ ...base, replicas: replicas(0, 0, 0), replicaSets: [rs(1, true, 0)] }).state).toBe('complete');
  });
});
