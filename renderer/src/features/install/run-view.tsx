import { useEffect, useRef, useState } from 'react';
import type { InstallRun } from '../../../../main/contract';
import { api } from '../../api';
import { TerminalView, type TerminalHandle } from '../../components/terminal/terminal-view';
import { ConfirmDialog } from './confirm-dialog';
import { describeError, type ShownError } from './describe-error';
import { LogDialog } from './log-dialog';
import { RunOutcome } from './run-outcome';
import { runAnnouncement } from './run-announcement';
import { RUN_KIND, runHeading } from './run-kind';
import { runProgress } from './run-progress';
import { inspectionStep } from './inspection-step';
import { ErrorNote } from './setup-view';
import { StepList } from './step-list';
import { useNow } from './use-now';
import { appendTail, waitsForInput } from './waits-for-input';

interface RunViewProps {
  run: InstallRun;
  onRunChanged(run: InstallRun): void;
  /** Back to the setup (after a run ended). */
  onDone(): void;
  /** Opens the cluster view, when that screen exists. */
  openClusterView: (() => void) | undefined;
}

/** A run in progress or just ended: steps, progress, the shown step's terminal, and what to do next. */
export function RunView({ run, onRunChanged, onDone, openClusterView }: RunViewProps) {
  const [pickedStepId, setPickedStepId] = useState<string | null>(null);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [logRunId, setLogRunId] = useState<string | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [tail, setTail] = useState({ sessionId: '', text: '' });
  const terminalRef = useRef<TerminalHandle>(null);

  const running = run.state === 'running';
  // Whether this page watched the run end (then the outcome takes focus; not on a reload).
  const [sawRunning, setSawRunning] = useState(running);
  if (running && !sawRunning) setSawRunning(true);
  const endedHere = sawRunning && !running;
  const now = useNow(running);
  const inspection = inspectionStep(run);
  const listed = inspection ? [...run.steps, inspection] : run.steps;
  const runningStep = listed.find((s) => s.state === 'running');
  const failedStep = run.steps.find((s) => s.state === 'failed');
  // Follow the running step (or inspection) unless the person picked one.
  const shownStep =
    listed.find((s) => s.id === pickedStepId) ?? runningStep ?? failedStep ?? [...listed].reverse().find((s) => s.sessionId !== undefined);
  const shownSession = shownStep?.sessionId;
  const waiting = shownStep?.state === 'running' && tail.sessionId === shownSession && waitsForInput(tail.text);

  // A prompt (sudo's password) needs the keyboard in the terminal.
  useEffect(() => {
    if (waiting) terminalRef.current?.focus();
  }, [waiting]);

  // Closing the tab mid-run asks first; the run itself goes on in main either way.
  useEffect(() => {
    if (!running) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [running]);

  const act = (call: Promise<InstallRun>) => {
    setError(null);
    call.then(onRunChanged, (e: unknown) => setError(describeError(e)));
  };

  const progress = runProgress(run);
  const kind = RUN_KIND[run.kind];
  return (
    <section aria-labelledby="run-title" className="run">
      <div className="run-header">
        <h2 id="run-title">{runHeading(run)}</h2>
        {running && (
          <button type="button" className="button secondary" onClick={() => setConfirmCancel(true)}>
            Cancel
          </button>
        )}
      </div>
      <div className="progress-row">
        <div
          className="progress"
          role="progressbar"
          aria-label="Progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={progress.percent}
          aria-valuetext={`${progress.percent}%, ${progress.label}`}
        >
          <div className={`progress-fill progress-${run.state}`} style={{ width: `${progress.percent}%` }} />
        </div>
        <span className="muted">{progress.label}</span>
      </div>
      <p role="status" aria-live="polite" className="run-status" data-testid="run-status">
        {runAnnouncement(run)}
      </p>

      {error && <ErrorNote error={error} />}
      <RunOutcome
        run={run}
        failedStep={failedStep}
        onRetry={() => act(api.installer.retry({ runId: run.runId }))}
        onInspect={() => {
          setPickedStepId(null);
          act(api.installer.inspect({ runId: run.runId }));
        }}
        onOpenLog={() => setLogRunId(run.runId)}
        onDone={onDone}
        focusOnShow={endedHere}
        openClusterView={openClusterView}
      />

      <div className="run-body">
        <StepList
          steps={listed}
          shownStepId={shownStep?.id}
          now={now}
          onShow={(id) => setPickedStepId(id === runningStep?.id ? null : id)}
        />
        <div className="run-terminal">
          <h3 className="terminal-heading">
            {shownStep ? (
              <>
                {shownStep.title} <code className="command">$ {shownStep.command}</code>
              </>
            ) : (
              'Output'
            )}
          </h3>
          {waiting && (
            <p className="panel prompt-notice" role="alert" data-testid="password-notice">
              Type your password in the terminal and press Enter. Berth never stores it.
            </p>
          )}
          {shownStep && !shownSession && (
            <p className="muted">{shownStep.state === 'skipped' ? `Skipped: ${shownStep.reason ?? 'not needed.'}` : 'This step has not run yet.'}</p>
          )}
          <TerminalView
            ref={terminalRef}
            sessionId={shownSession}
            label={shownStep ? `Output of ${shownStep.title}` : 'Output'}
            onOutput={(data) => setTail((prev) => ({ sessionId: shownSession ?? '', text: appendTail(prev.sessionId === shownSession ? prev.text : '', data) }))}
          />
        </div>
      </div>

      <ConfirmDialog
        open={confirmCancel}
        title={`Cancel the ${kind.noun}?`}
        confirmLabel={`Cancel the ${kind.noun}`}
        danger
        onCancel={() => setConfirmCancel(false)}
        onConfirm={() => {
          setConfirmCancel(false);
          act(api.installer.cancel({ runId: run.runId }));
        }}
      >
        <p>Berth stops the running step and everything it started. Steps that already finished are not undone; you can start again later.</p>
      </ConfirmDialog>
      <LogDialog runId={logRunId} onClose={() => setLogRunId(null)} />
    </section>
  );
}
