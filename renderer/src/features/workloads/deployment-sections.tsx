import type { DeploymentDetail } from '../../../../main/contract';
import { age } from '../../../../main/kube';
import { DetailSection, Facts } from '../../components/detail-pane/detail-pane';
import { DetailTable } from '../../components/detail-pane/detail-table';
import { openObject } from '../../components/navigation/object-navigation';
import { previousRevision, revisionList, rolloutProgress } from './rollout';

export interface DeploymentSectionsProps {
  namespace: string;
  deployment: DeploymentDetail;
  now: number;
  /** Opens the rollback confirmation for this revision. */
  onRollBack: (revision: number) => void;
  onResume: () => void;
}

function strategyText(s: DeploymentDetail['strategy']): string {
  if (s.type !== 'RollingUpdate') return s.type === 'Recreate' ? 'Recreate (all old pods stop before new ones start)' : s.type;
  return `RollingUpdate (max surge ${s.maxSurge ?? '25%'}, max unavailable ${s.maxUnavailable ?? '25%'})`;
}

/** A deployment's rollout: stuck/paused banners, live progress, replica counts, strategy and revisions. */
export function DeploymentSections({ namespace, deployment: d, now, onRollBack, onResume }: DeploymentSectionsProps) {
  const revisions = revisionList(d.replicaSets);
  const previous = previousRevision(revisions);
  const progress = rolloutProgress(d);
  return (
    <>
      {d.rolloutStuck && (
        <div className="banner banner-bad" role="alert" data-testid="rollout-stuck">
          <strong>⚠ Rollout stuck.</strong> {d.stuckMessage ?? 'The deployment made no progress.'}
          <p>
            The new pods did not become available within {d.progressDeadlineSeconds} s (progressDeadlineSeconds). Look at the new pods below for why (an image that cannot be pulled, a crash
            loop, a failing readiness probe, not enough CPU or memory), then fix the template{previous !== undefined ? ' or roll back' : ''}. Kubernetes keeps trying meanwhile; old pods keep
            serving.
          </p>
          {previous !== undefined && (
            <button type="button" className="button" onClick={() => onRollBack(previous)}>
              Roll back to revision {previous}…
            </button>
          )}
        </div>
      )}
      {d.paused && (
        <div className="banner banner-warn" role="status" data-testid="rollout-paused">
          <strong>⏸ Rollout paused.</strong> Changes to the pod template are recorded but not rolled out until you resume.{' '}
          <button type="button" className="button secondary" onClick={onResume}>
            Resume rollout…
          </button>
        </div>
      )}
      <DetailSection title="Rollout">
        <p data-testid="rollout-progress" className={progress.state === 'stuck' ? 'status-problem' : progress.state === 'complete' ? 'status-ok' : undefined} aria-live="polite">
          {progress.text}
        </p>
        <progress className="rollout-bar" max={Math.max(progress.desired, 1)} value={progress.desired === 0 ? 1 : progress.ready} aria-label="New pods available" />
        <Facts
          items={[
            ['Desired', d.replicas.desired],
            ['Updated', d.replicas.updated],
            ['Ready', d.replicas.ready],
            ['Available', d.replicas.available],
            ['Unavailable', d.replicas.unavailable],
            ['Strategy', strategyText(d.strategy)],
            ['Min ready', `${d.minReadySeconds} s`],
            ['Progress deadline', `${d.progressDeadlineSeconds} s`],
            ['History kept', `${d.revisionHistoryLimit} old ReplicaSets (revisionHistoryLimit); older ones are deleted by the cluster`],
          ]}
        />
      </DetailSection>
      <DetailSection title="Revisions">
        {revisions.length === 0 ? (
          <span className="muted">No ReplicaSets yet.</span>
        ) : (
          <DetailTable headers={['Revision', 'ReplicaSet', 'Pods', 'Images', 'Change cause', '']} testId="revisions">
            {revisions.map((r) => (
              <tr key={r.name} className={r.current ? 'revision-current' : undefined} data-revision={r.revision}>
                <td className="nowrap">
                  {r.revision || '–'}
                  {r.current ? <span className="muted"> (current)</span> : null}
                </td>
                <td>
                  <button type="button" className="link-button object-link" onClick={() => openObject({ kind: 'replicasets', namespace, name: r.name })} title={`Open ReplicaSet ${r.name}`}>
                    {r.name}
                  </button>
                </td>
                <td className="nowrap">
                  {r.ready}/{r.pods}
                </td>
                <td className="code-inline">{r.images}</td>
                <td>{r.changeCause || <span className="muted">none recorded</span>}</td>
                <td>
                  {r.canRollBack && (
                    <button type="button" className="button secondary small" onClick={() => onRollBack(r.revision)} aria-label={`Roll back to revision ${r.revision}`}>
                      Roll back…
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </DetailTable>
        )}
        {d.replicaSets.length > 0 && d.replicaSets[0]?.createdAt && <p className="muted">Newest ReplicaSet created {age(d.replicaSets[0].createdAt, now)} ago.</p>}
      </DetailSection>
    </>
  );
}
