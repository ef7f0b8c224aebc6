import { useCallback, useEffect, useState } from 'react';
import type { InstallRun, PreflightResult } from '../../../../main/contract';
import { api } from '../../api';
import { ChoicesForm } from './choices-form';
import { ConfirmDialog } from './confirm-dialog';
import { describeError, type ShownError } from './describe-error';
import { initialChoices, toInstallChoices, type ChoiceState, type SetupMode } from './install-choices';
import { PreflightChecks } from './preflight-checks';

const EXISTING_MODES: Array<{ mode: SetupMode; label: string; help: string }> = [
  { mode: 'connect', label: 'Connect Berth to it', help: 'Changes nothing in microk8s: adds you to its group if needed and sets up the kubeconfig.' },
  { mode: 'addons', label: 'Enable more addons', help: 'Keeps everything that runs now and turns on the addons you pick.' },
  { mode: 'reinstall', label: 'Remove it and install again', help: 'Deletes all workloads, addons and cluster data on this machine first.' },
];

const START_LABEL: Record<SetupMode, string> = {
  fresh: 'Install microk8s',
  connect: 'Connect',
  addons: 'Enable addons',
  reinstall: 'Reinstall microk8s',
};

/** Preflight, then the choices, then `installer.start`. */
export function SetupView({ onStarted }: { onStarted(run: InstallRun): void }) {
  const [preflight, setPreflight] = useState<PreflightResult | null>(null);
  const [checking, setChecking] = useState(true);
  const [error, setError] = useState<ShownError | null>(null);
  const [mode, setMode] = useState<SetupMode>('fresh');
  const [choices, setChoices] = useState<ChoiceState | null>(null);
  const [starting, setStarting] = useState(false);
  const [confirmReinstall, setConfirmReinstall] = useState(false);

  // State changes only in the answer's callbacks, so the first check can run from an effect.
  const runPreflight = useCallback(() => {
    api.installer.preflight({}).then(
      (result) => {
        setPreflight(result);
        setChoices(initialChoices(result));
        setMode(result.existing.installed ? 'connect' : 'fresh');
        setChecking(false);
      },
      (e: unknown) => {
        setError(describeError(e));
        setChecking(false);
      },
    );
  }, []);
  useEffect(runPreflight, [runPreflight]);
  const check = () => {
    setChecking(true);
    setError(null);
    runPreflight();
  };

  const start = () => {
    if (!preflight || !choices) return;
    setStarting(true);
    setError(null);
    api.installer.start(toInstallChoices(mode, choices, preflight)).then(
      (run) => {
        setStarting(false);
        onStarted(run);
      },
      (e: unknown) => {
        setStarting(false);
        setError(describeError(e));
      },
    );
  };

  const existing = preflight?.existing;
  return (
    <section aria-labelledby="setup-title" className="setup">
      <h2 id="setup-title">Check this machine</h2>
      <p role="status" className="muted">
        {checking ? 'Checking this machine…' : preflight ? summary(preflight) : ''}
      </p>
      {preflight && <PreflightChecks checks={preflight.checks} />}
      <button type="button" className="button secondary" onClick={check} disabled={checking}>
        Check again
      </button>

      {preflight && !preflight.canInstall && <CannotInstall preflight={preflight} />}

      {preflight && preflight.canInstall && choices && (
        <form
          className="setup-form"
          aria-labelledby="choices-title"
          onSubmit={(e) => {
            e.preventDefault();
            if (mode === 'reinstall') setConfirmReinstall(true);
            else start();
          }}
        >
          <h2 id="choices-title">{existing?.installed ? 'microk8s is already here' : 'Choose what to install'}</h2>
          {existing?.installed && (
            <fieldset className="existing">
              <legend>
                Found microk8s {existing.version ?? ''} {existing.channel ? `on ${existing.channel}` : ''}
                {existing.running === false ? ', not running' : ''}. What should Berth do?
              </legend>
              {EXISTING_MODES.map((m) => (
                <label key={m.mode} className="radio">
                  <input type="radio" name="setup-mode" value={m.mode} checked={mode === m.mode} onChange={() => setMode(m.mode)} />
                  <span>
                    <strong>{m.label}</strong>
                    <span className="help">{m.help}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          )}
          <ChoicesForm mode={mode} preflight={preflight} state={choices} onChange={setChoices} />
          <div className="actions">
            <button type="submit" className="button" disabled={starting}>
              {starting ? 'Starting…' : START_LABEL[mode]}
            </button>
          </div>
        </form>
      )}
      {error && <ErrorNote error={error} />}
      <ConfirmDialog
        open={confirmReinstall}
        title="Remove microk8s and install it again?"
        confirmLabel="Remove and reinstall"
        cancelLabel="Don't remove"
        danger
        onCancel={() => setConfirmReinstall(false)}
        onConfirm={() => {
          setConfirmReinstall(false);
          start();
        }}
      >
        <p>This deletes all workloads, addons and cluster data on this machine before installing again. It cannot be undone.</p>
      </ConfirmDialog>
    </section>
  );
}

function summary(preflight: PreflightResult): string {
  const failed = preflight.checks.filter((c) => c.status === 'fail').length;
  const warned = preflight.checks.filter((c) => c.status === 'warn').length;
  if (!preflight.canInstall) return `Berth cannot install microk8s on this machine: ${failed} check${failed === 1 ? '' : 's'} failed.`;
  if (warned > 0) return `Ready to install, with ${warned} warning${warned === 1 ? '' : 's'} to read first.`;
  return 'This machine is ready.';
}

function CannotInstall({ preflight }: { preflight: PreflightResult }) {
  const failed = preflight.checks.filter((c) => c.status === 'fail');
  return (
    <div className="panel bad" role="alert" data-testid="cannot-install">
      <h2>Berth cannot install microk8s here</h2>
      <ul>
        {failed.map((c) => (
          <li key={c.id}>
            {c.title}: {c.detail}
            {c.fix ? ` ${c.fix}` : ''}
          </li>
        ))}
      </ul>
      <p>
        Berth installs microk8s with snap on Linux. On macOS or Windows, or where snap cannot run, use the microk8s installer for your system (it runs
        microk8s in a virtual machine):{' '}
        <a href="https://microk8s.io/docs/install-alternatives" target="_blank" rel="noreferrer">
          microk8s.io/docs/install-alternatives
        </a>
        . Then open Berth&apos;s cluster view to watch it.
      </p>
    </div>
  );
}

export function ErrorNote({ error }: { error: ShownError }) {
  return (
    <div role="alert" className="panel bad error-note">
      <p>{error.message}</p>
      {error.hint && <p>What to do: {error.hint}</p>}
    </div>
  );
}
