import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { InstallRun, InstallStep } from '../../../../main/contract';
import { api } from '../../api';
import { CopyButton } from './copy-button';
import { describeError, type ShownError } from './describe-error';
import { formatElapsed } from './elapsed';
import { WAIT_READY_STEP_ID } from './inspection-step';
import { RUN_KIND } from './run-kind';
import { STEP_STATE_LABEL } from './step-state-label';

interface RunOutcomeProps {
  run: InstallRun;
  failedStep: InstallStep | undefined;
  onRetry(): void;
  /** `installer.inspect`, offered when the wait for readiness failed. */
  onInspect(): void;
  onOpenLog(): void;
  onDone(): void;
  openClusterView: (() => void) | undefined;
  /** Move focus to the outcome's heading when it appears (the run ended while watched). */
  focusOnShow?: boolean;
}

/** A heading that takes focus when it first appears, so keyboard and screen reader users land on the outcome. */
function OutcomeHeading({ id, focus, children }: { id: string; focus: boolean; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <h3 id={id} ref={ref} tabIndex={-1}>
      {children}
    </h3>
  );
}

/** What happened and what to do next, once a run has ended (nothing while it runs). */
export function RunOutcome({ run, failedStep, onRetry, onInspect, onOpenLog, onDone, openClusterView, focusOnShow = false }: RunOutcomeProps) {
  const kind = RUN_KIND[run.kind];
  if (run.state === 'running') return null;
  if (run.state === 'failed') {
    return (
      <div className="panel bad outcome" data-testid="run-failed" aria-labelledby="failed-title" role="group">
        <OutcomeHeading id="failed-title" focus={focusOnShow}>
          {failedStep ? `"${failedStep.title}" failed` : `The ${kind.noun} failed`}
        </OutcomeHeading>
        {failedStep?.reason && <p>{failedStep.reason}</p>}
        {failedStep?.hint && <p>What to do: {failedStep.hint}</p>}
        {failedStep && failedStep.exitCode !== undefined && failedStep.exitCode !== null && <p className="muted">Exit code {failedStep.exitCode}.</p>}
        <p className="muted">The step&apos;s output stays in the terminal below. Retry runs the failed step again, then the rest.</p>
        {run.inspection && <InspectionResult inspection={run.inspection} />}
        <div className="actions">
          <button type="button" className="button" onClick={onRetry}>
            Retry
          </button>
          {failedStep?.id === WAIT_READY_STEP_ID && (
            <button type="button" className="button secondary" onClick={onInspect} disabled={run.inspection?.state === 'running'}>
              {run.inspection ? 'Run microk8s inspect again' : 'Run microk8s inspect'}
            </button>
          )}
          <button type="button" className="button secondary" onClick={onOpenLog}>
            Open log
          </button>
          <button type="button" className="button secondary" onClick={onDone}>
            Start over
          </button>
        </div>
      </div>
    );
  }
  if (run.state === 'cancelled') {
    return (
      <div className="panel outcome" data-testid="run-cancelled" aria-labelledby="cancelled-title" role="group">
        <OutcomeHeading id="cancelled-title" focus={focusOnShow}>
          Cancelled
        </OutcomeHeading>
        <p>The {kind.noun} was cancelled. Steps that had finished stay done; nothing after them ran.</p>
        <div className="actions">
          <button type="button" className="button" onClick={onDone}>
            Start over
          </button>
          <button type="button" className="button secondary" onClick={onOpenLog}>
            Open log
          </button>
        </div>
      </div>
    );
  }
  return <Finished run={run} onOpenLog={onOpenLog} onDone={onDone} openClusterView={openClusterView} focusOnShow={focusOnShow} />;
}

function InspectionResult({ inspection }: { inspection: NonNullable<InstallRun['inspection']> }) {
  const label = STEP_STATE_LABEL[inspection.state];
  return (
    <p data-testid="inspection" role="status">
      <strong>
        microk8s inspect:{' '}
        <span aria-hidden="true" className="icon">
          {label.icon}
        </span>{' '}
        {label.text}.
      </strong>{' '}
      {inspection.state === 'running' ? 'Its output is in the terminal below.' : (inspection.reason ?? '')}
      {inspection.reportPath && !inspection.reason?.includes(inspection.reportPath) && (
        <>
          {' '}
          Report: <code>{inspection.reportPath}</code>
        </>
      )}
    </p>
  );
}

function Finished({ run, onOpenLog, onDone, openClusterView, focusOnShow = false }: Omit<RunOutcomeProps, 'failedStep' | 'onRetry' | 'onInspect'>) {
  const done = run.steps.filter((s) => s.state === 'succeeded').length;
  const skipped = run.steps.filter((s) => s.state === 'skipped').length;
  return (
    <div className="panel ok outcome" data-testid="run-succeeded" aria-labelledby="finished-title" role="group">
      <OutcomeHeading id="finished-title" focus={focusOnShow}>
        {RUN_KIND[run.kind].succeeded}
      </OutcomeHeading>
      <p>
        {done} step{done === 1 ? '' : 's'} done{skipped > 0 ? `, ${skipped} not needed` : ''}
        {run.endedAt ? ` in ${formatElapsed(run.endedAt - run.startedAt)}` : ''}.
        {run.context && (
          <>
            {' '}
            Berth is connected through the kubeconfig context <code>{run.context}</code>.
          </>
        )}
      </p>
      {run.notices.length > 0 && (
        <div className="notice" data-testid="run-notices">
          {run.notices.map((notice) => (
            <p key={notice}>{notice}</p>
          ))}
        </div>
      )}
      {run.joinCommands && run.joinCommands.length > 0 && <JoinCommands commands={run.joinCommands} />}
      {run.dashboard && <Dashboard runId={run.runId} url={run.dashboard.url} token={run.dashboard.token} />}
      <div className="actions">
        {run.context && openClusterView && (
          <button type="button" className="button" onClick={openClusterView}>
            Open cluster view
          </button>
        )}
        <button type="button" className="button secondary" onClick={onOpenLog}>
          Open log
        </button>
        <button type="button" className="button secondary" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}

function JoinCommands({ commands }: { commands: string[] }) {
  return (
    <div className="join-commands">
      <h4>On the other machine, run one of these</h4>
      <p className="help">The token works once and expires; run Add a node again for each machine. Add --worker to join without the control plane.</p>
      <ul>
        {commands.map((command, i) => (
          <li key={command}>
            <code data-testid="join-command">{command}</code>
            <CopyButton text={command} label={`Copy join command ${i + 1}`} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function Dashboard({ runId, url, token }: { runId: string; url: string; token: string }) {
  const [showToken, setShowToken] = useState(false);
  const [stopped, setStopped] = useState<boolean | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const stop = () => {
    setError(null);
    api.installer.stopDashboardProxy({ runId }).then(
      (result) => setStopped(result.stopped),
      (e: unknown) => setError(describeError(e)),
    );
  };
  return (
    <div className="dashboard" aria-labelledby="dashboard-title" role="group">
      <h4 id="dashboard-title">Kubernetes dashboard</h4>
      {stopped ? (
        <p role="status">The dashboard proxy is stopped.</p>
      ) : (
        <>
          <p className="help">Your browser will warn about the dashboard&apos;s self-signed certificate; that is expected for this local address.</p>
          <dl className="facts">
            <dt>Address</dt>
            <dd>
              <a href={url} target="_blank" rel="noreferrer">
                {url}
              </a>{' '}
              <CopyButton text={url} label="Copy dashboard address" />
            </dd>
            <dt>Login token</dt>
            <dd>
              <code className="token" data-testid="dashboard-token">
                {showToken ? token : '•'.repeat(24)}
              </code>{' '}
              <button type="button" className="button secondary small" aria-pressed={showToken} onClick={() => setShowToken(!showToken)}>
                {showToken ? 'Hide' : 'Show'}
              </button>
              <CopyButton text={token} label="Copy dashboard token" />
            </dd>
          </dl>
          <button type="button" className="button secondary" onClick={stop}>
            Stop dashboard proxy
          </button>
          {stopped === false && <p role="status">The dashboard proxy was not running.</p>}
        </>
      )}
      {error && (
        <p role="alert" className="error">
          {error.message}
          {error.hint ? ` ${error.hint}` : ''}
        </p>
      )}
    </div>
  );
}
