import { useCallback, useEffect, useState } from 'react';
import type { InstallRun } from '../../../../main/contract';
import { api } from '../../api';
import { useApiEvent } from '../../app/use-api-event';
import { useConnectionState } from '../../app/use-connection-state';
import { describeError, type ShownError } from './describe-error';

export interface InstallRunState {
  /** The run in progress or the last one; null when there was none. */
  run: InstallRun | null;
  loaded: boolean;
  error: ShownError | null;
  /** Takes a run a call just returned (before its first event arrives). */
  show(run: InstallRun): void;
}

/**
 * The installer's run, as main has it: fetched on mount and after every reconnect (so a reloaded
 * page or a restarted host picks the run back up), then kept current by `installer.run` events.
 */
export function useInstallRun(): InstallRunState {
  const [run, setRun] = useState<InstallRun | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const connection = useConnectionState();

  useApiEvent('installer.run', (next) => setRun(next));

  useEffect(() => {
    if (connection !== 'open') return;
    let cancelled = false;
    api.installer.current({}).then(
      (result) => {
        if (cancelled) return;
        setRun(result.run);
        setLoaded(true);
        setError(null);
      },
      (e: unknown) => {
        if (cancelled) return;
        setError(describeError(e));
        setLoaded(true);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [connection]);

  // Events are the newer word on a run: a call's answer may arrive after the first event about it.
  const show = useCallback((next: InstallRun) => setRun((prev) => (prev?.runId === next.runId ? prev : next)), []);
  return { run, loaded, error, show };
}
