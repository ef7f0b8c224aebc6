import { useId, useState } from 'react';
import type { InstallRun } from '../../../../main/contract';
import { api } from '../../api';
import { ConfirmDialog } from './confirm-dialog';
import { describeError, type ShownError } from './describe-error';
import { parseJoinCommand } from './join-command';
import { ErrorNote } from './setup-view';

interface MachinesSectionProps {
  /** A run is going: these would be refused until it ends. */
  busy: boolean;
  onStarted(run: InstallRun): void;
}

const REMOVE_TEXT = {
  reset: {
    title: 'Reset the cluster?',
    body: 'microk8s stays installed, but all workloads, addons and cluster data on this machine are deleted. This cannot be undone.',
    confirm: 'Reset the cluster',
  },
  remove: {
    title: 'Remove microk8s?',
    body: 'microk8s is uninstalled: all workloads, addons and cluster data on this machine are deleted. This cannot be undone.',
    confirm: 'Remove microk8s',
  },
} as const;

/** Add a node, join another cluster, reset or remove. Each starts a run shown above. */
export function MachinesSection({ busy, onStarted }: MachinesSectionProps) {
  const [error, setError] = useState<ShownError | null>(null);
  const [confirm, setConfirm] = useState<'reset' | 'remove' | null>(null);
  const begin = (call: Promise<InstallRun>) => {
    setError(null);
    call.then(onStarted, (e: unknown) => setError(describeError(e)));
  };
  return (
    <section aria-labelledby="machines-title" className="machines">
      <h2 id="machines-title">More machines</h2>
      {busy && <p className="muted">These are available once the current run has ended.</p>}
      <div className="machine-cards">
        <div className="card">
          <h3>Add a node</h3>
          <p className="help">Prints a one-time command to run on another machine with microk8s, so it joins this cluster.</p>
          <button type="button" className="button secondary" disabled={busy} onClick={() => begin(api.installer.addNode({}))}>
            Add a node
          </button>
        </div>
        <JoinForm busy={busy} onJoin={(address, worker) => begin(api.installer.join({ address, worker }))} />
        <div className="card">
          <h3>Remove</h3>
          <p className="help">Reset keeps microk8s and clears the cluster; Remove uninstalls microk8s.</p>
          <div className="actions">
            <button type="button" className="button secondary danger-text" disabled={busy} onClick={() => setConfirm('reset')}>
              Reset the cluster…
            </button>
            <button type="button" className="button secondary danger-text" disabled={busy} onClick={() => setConfirm('remove')}>
              Remove microk8s…
            </button>
          </div>
        </div>
      </div>
      {error && <ErrorNote error={error} />}
      <ConfirmDialog
        open={confirm !== null}
        title={confirm ? REMOVE_TEXT[confirm].title : ''}
        confirmLabel={confirm ? REMOVE_TEXT[confirm].confirm : ''}
        cancelLabel="Keep everything"
        danger
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          const mode = confirm;
          setConfirm(null);
          if (mode) begin(api.installer.remove({ mode, confirmed: true }));
        }}
      >
        <p>{confirm ? REMOVE_TEXT[confirm].body : ''}</p>
      </ConfirmDialog>
    </section>
  );
}

function JoinForm({ busy, onJoin }: { busy: boolean; onJoin(address: string, worker: boolean): void }) {
  const [text, setText] = useState('');
  const [worker, setWorker] = useState<boolean | null>(null);
  const messageId = useId();
  const parsed = parseJoinCommand(text);
  // The pasted command's --worker sets the box until the person changes it.
  const asWorker = worker ?? (parsed.ok && parsed.worker);
  const showProblem = text.trim() !== '' && !parsed.ok;
  return (
    <form
      className="card"
      aria-labelledby="join-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (parsed.ok) onJoin(parsed.address, asWorker);
      }}
    >
      <h3 id="join-title">Join a cluster</h3>
      <label htmlFor="join-command">Join command from the other machine</label>
      <input
        id="join-command"
        type="text"
        spellCheck={false}
        autoComplete="off"
        placeholder="microk8s join 10.0.0.241:25000/…/…"
        value={text}
        aria-invalid={showProblem}
        aria-describedby={messageId}
        onChange={(e) => setText(e.target.value)}
      />
      <p id={messageId} className={showProblem ? 'error' : 'help'} aria-live="polite">
        {showProblem && !parsed.ok ? parsed.message : parsed.ok ? `Joins ${parsed.address.split('/')[0] ?? ''}.` : 'Run Add a node on a machine of the cluster, then paste the command it prints.'}
      </p>
      <label className="checkbox-field">
        <input type="checkbox" checked={asWorker} onChange={(e) => setWorker(e.target.checked)} />
        Join as a worker (runs workloads, not the control plane)
      </label>
      <button type="submit" className="button secondary" disabled={busy || !parsed.ok}>
        Join
      </button>
    </form>
  );
}
