import { useState } from 'react';
import type { DrainProgress } from '../../../../main/contract';
import { api } from '../../api';
import { DetailSection } from '../../components/detail-pane/detail-pane';
import { DetailTable } from '../../components/detail-pane/detail-table';
import { errorText } from '../../components/dialog/confirm-dialog';
import { podStateText, summariseDrain } from './drain-summary';

/** A drain as it runs: a line per pod, budgets that block it explained, cancellable until it ends. */
export function DrainProgressView({ progress }: { progress: DrainProgress }) {
  const summary = summariseDrain(progress);
  const [cancelError, setCancelError] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const bad = progress.phase === 'failed' || progress.phase === 'timeout';
  return (
    <DetailSection title="Drain">
      <div data-testid="drain-progress" data-phase={progress.phase}>
        <p className={bad ? 'status-problem' : progress.phase === 'done' ? 'status-ok' : undefined} role="status" aria-live="polite">
          {summary.headline}
        </p>
        {summary.counts.blocked > 0 && !summary.finished && (
          <p className="banner banner-warn">
            A PodDisruptionBudget allows no more disruptions of the blocked pods right now: the cluster must keep that many of them running. Berth retries until the budget allows it
            (when replacements are ready elsewhere), or until the drain times out. To go faster, scale the workload up or relax the budget.
          </p>
        )}
        {progress.message && <p className={bad ? 'error' : 'muted'}>{progress.message}</p>}
        {progress.hint && <p className="muted">{progress.hint}</p>}
        {!summary.finished && (
          <button
            type="button"
            className="button secondary"
            disabled={cancelling}
            onClick={() => {
              setCancelling(true);
              api.cluster.cancelDrain({ drainId: progress.drainId }).then(
                () => setCancelling(false),
                (e: unknown) => {
                  setCancelError(errorText(e));
                  setCancelling(false);
                },
              );
            }}
          >
            {cancelling ? 'Cancelling…' : 'Cancel drain'}
          </button>
        )}
        {cancelError && (
          <p role="alert" className="error">
            Could not cancel: {cancelError}
          </p>
        )}
        {progress.pods.length > 0 && (
          <DetailTable headers={['Pod', 'State']} testId="drain-pods">
            {progress.pods.map((p) => (
              <tr key={`${p.namespace}/${p.name}`} data-state={p.state}>
                <td>
                  {p.namespace}/{p.name}
                </td>
                <td className={p.state === 'failed' ? 'status-problem' : p.state === 'blocked' ? 'status-terminating' : p.state === 'gone' ? 'status-ok' : undefined}>
                  {podStateText(p.state, p.attempts)}
                  {p.message && p.state !== 'gone' ? <span className="muted"> · {p.message}</span> : null}
                </td>
              </tr>
            ))}
          </DetailTable>
        )}
        {progress.skipped.length > 0 && (
          <details>
            <summary>{progress.skipped.length} left alone</summary>
            <ul className="plain-list">
              {progress.skipped.map((s) => (
                <li key={`${s.namespace}/${s.name}`}>
                  {s.namespace}/{s.name}: {s.reason}
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
    </DetailSection>
  );
}
