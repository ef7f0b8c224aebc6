import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import type { Pod } from '../../../../main/kube';
import { useConnectionState } from '../../app/use-connection-state';
import { IoDialog } from '../logs/io-dialog';
import type { TerminalHandle } from '../../components/terminal/xterm-view';
import { podShellSource } from './shell-source';
import './shell.css';

// xterm is most of the renderer's code: fetched when a shell is first opened, not with the Pods screen.
const XtermView = lazy(() => import('../../components/terminal/xterm-view').then((m) => ({ default: m.XtermView })));

export interface PodShellButtonProps {
  namespace: string;
  name: string;
  pod: Pod | null;
}

export type Phase = { kind: 'connecting' } | { kind: 'open'; shell: string } | { kind: 'failed'; message: string; hint?: string } | { kind: 'ended'; text: string };

/** "Shell" in a pod's detail: a terminal in a chosen running container; closing it ends the session. */
export function PodShellButton({ namespace, name, pod }: PodShellButtonProps) {
  const [open, setOpen] = useState(false);
  const running = (pod?.status?.containerStatuses ?? []).filter((s) => s.state?.running).map((s) => s.name);
  const containers = (pod?.spec?.containers ?? []).map((c) => c.name);
  const [container, setContainer] = useState('');
  const chosen = container && containers.includes(container) ? container : (running[0] ?? containers[0] ?? '');
  const [attempt, setAttempt] = useState(0);
  const [phase, setPhase] = useState<Phase>({ kind: 'connecting' });
  const closeRef = useRef<HTMLButtonElement>(null);
  // Main ends a page's sessions when its connection goes; after a reconnect a new shell starts.
  const connected = useConnectionState() === 'open';
  const reason = !pod ? undefined : running.length === 0 ? 'No container of this pod is running.' : undefined;

  const openWith = (): void => {
    setPhase({ kind: 'connecting' });
    setOpen(true);
  };
  const restart = (next: string): void => {
    setContainer(next);
    setPhase({ kind: 'connecting' });
    setAttempt((n) => n + 1);
  };

  return (
    <>
      <button type="button" className="button secondary" onClick={openWith} disabled={!pod || running.length === 0} title={reason}>
        Shell
      </button>
      {open && pod && (
        <IoDialog title={`Shell in pod ${name}`} subtitle={namespace} onClose={() => setOpen(false)} escapeCloses={false} closeRef={closeRef}>
          <div className="shell-panel">
            <div className="shell-controls">
              {containers.length > 1 && (
                <label>
                  Container{' '}
                  <select value={chosen} onChange={(e) => restart(e.target.value)}>
                    {containers.map((c) => (
                      <option key={c} value={c} disabled={!running.includes(c)}>
                        {c}
                        {running.includes(c) ? '' : ' (not running)'}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <span className="muted" role="status">
                {phase.kind === 'connecting' ? 'Connecting…' : phase.kind === 'open' ? `${phase.shell} in ${chosen}` : phase.kind === 'ended' ? phase.text : 'Could not start a shell'}
              </span>
              {(phase.kind === 'ended' || phase.kind === 'failed') && (
                <button type="button" className="button secondary" onClick={() => restart(chosen)}>
                  Reconnect
                </button>
              )}
              <span className="muted">Ctrl+] leaves the terminal · Tab and Escape go to the shell</span>
            </div>
            {phase.kind === 'failed' && (
              <div role="alert" className="error shell-problem">
                {phase.message}
                {phase.hint ? <p className="muted">{phase.hint}</p> : null}
              </div>
            )}
            {!connected && <p className="muted">Waiting for the connection to Berth…</p>}
            {connected && <ShellView namespace={namespace} pod={name} container={chosen} attempt={attempt} open={phase.kind === 'open'} onPhase={setPhase} onLeave={() => closeRef.current?.focus()} />}
          </div>
        </IoDialog>
      )}
    </>
  );
}

interface ShellViewProps {
  namespace: string;
  pod: string;
  container: string;
  attempt: number;
  /** The shell has started: the terminal takes focus. */
  open: boolean;
  onPhase: (phase: Phase) => void;
  onLeave: () => void;
}

/** The terminal over one session: a source per container and attempt, opened by the view (starting the session) and closed when it changes or goes. */
function ShellView({ namespace, pod, container, attempt, open, onPhase, onLeave }: ShellViewProps) {
  const termRef = useRef<TerminalHandle>(null);
  const source = useMemo(
    () =>
      podShellSource({ namespace, pod, container }, attempt, {
        started: (shell) => onPhase({ kind: 'open', shell }),
        failed: (message, hint) => onPhase({ kind: 'failed', message, ...(hint ? { hint } : {}) }),
        exited: (e) => onPhase({ kind: 'ended', text: e.exitCode !== null ? `The shell exited (code ${e.exitCode}).` : (e.message ?? 'The session ended.') }),
      }),
    [namespace, pod, container, attempt, onPhase],
  );
  useEffect(() => {
    if (open) termRef.current?.focus();
  }, [open]);
  return (
    <div
      className="shell-terminal"
      onKeyDown={(e) => {
        // Ctrl+] (telnet's escape key) leaves the terminal; everything else, Tab included, is the shell's.
        if (e.ctrlKey && e.key === ']') {
          e.preventDefault();
          onLeave();
        }
      }}
    >
      <Suspense fallback={<p className="muted">Loading the terminal…</p>}>
        <XtermView ref={termRef} source={source} label={`Shell in ${pod}, container ${container}`} takesKey={(e) => !(e.ctrlKey && e.key === ']')} />
      </Suspense>
    </div>
  );
}
