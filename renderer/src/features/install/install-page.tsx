import { useState } from 'react';
import { terminalFlow } from '../../components/terminal/terminal-flow';
import { LogsSection } from './logs-section';
import { MachinesSection } from './machines-section';
import { RunView } from './run-view';
import { ErrorNote, SetupView } from './setup-view';
import { useInstallRun } from './use-install-run';
import './install.css';

// Acknowledge terminal output from the moment the app loads, not only while this screen is open:
// a step that prints while the person looks at another screen must not stall (see output-flow.ts).
terminalFlow();

const DISMISSED_KEY = 'berth-install-dismissed-run';

interface InstallPageProps {
  /** Opens the cluster view; absent while that screen does not exist. */
  openClusterView?: (() => void) | undefined;
}

/** The install wizard: preflight and choices, the run with its terminal, more machines, logs. */
export function InstallPage({ openClusterView }: InstallPageProps) {
  const { run, loaded, error, show } = useInstallRun();
  // A run the person closed with Done / Start over; a reload keeps it closed.
  const [dismissed, setDismissed] = useState(() => sessionStorage.getItem(DISMISSED_KEY));
  const dismiss = (runId: string) => {
    sessionStorage.setItem(DISMISSED_KEY, runId);
    setDismissed(runId);
  };
  const running = run?.state === 'running';
  const showRun = run !== null && (running || run.runId !== dismissed);

  return (
    <div className="page install-page">
      <h1 id="install-title">Install microk8s</h1>
      <p className="lead">
        A single-node Kubernetes on this machine, installed with snap. Every step runs in the terminal below, where you can watch it and type your password
        when sudo asks.
      </p>
      {error && <ErrorNote error={error} />}
      {!loaded && !error && <p role="status">Loading the installer…</p>}
      {loaded && showRun && <RunView key={run.runId} run={run} onRunChanged={show} onDone={() => dismiss(run.runId)} openClusterView={openClusterView} />}
      {loaded && !showRun && <SetupView onStarted={show} />}
      <details className="more">
        <summary>More machines: add a node, join a cluster, reset or remove</summary>
        <MachinesSection busy={running} onStarted={show} />
      </details>
      <details className="more">
        <summary>Install logs</summary>
        <LogsSection refreshKey={`${run?.runId ?? ''}:${run?.state ?? ''}`} />
      </details>
    </div>
  );
}
