import { useCallback, useEffect, useState } from 'react';
import type { CheckupState } from '../../../../main/contract';
import { api } from '../../api';
import { useApiEvent } from '../../app/use-api-event';
import { errorText } from '../../components/dialog/confirm-dialog';
import { useOnReconnect } from '../../components/live-view/use-on-reconnect';

/** The live check-up while the screen is open: main re-runs it on an interval and on request. */
export function useCheckup(): { state: CheckupState | null; callError: string | null; runNow: () => void } {
  const [state, setState] = useState<CheckupState | null>(null);
  const [callError, setCallError] = useState<string | null>(null);

  const open = useCallback(() => {
    api.checkup.open({}).then(
      (s) => {
        setState(s);
        setCallError(null);
      },
      (e: unknown) => setCallError(errorText(e)),
    );
  }, []);
  useOnReconnect(open);
  useEffect(() => {
    open();
    return () => {
      api.checkup.close({}).catch(() => undefined);
    };
  }, [open]);
  useApiEvent('checkup.state', (s) => {
    setState(s);
    setCallError(null);
  });

  const runNow = useCallback(() => {
    setState((s) => (s ? { ...s, running: true } : s));
    api.checkup.run({}).then(setState, (e: unknown) => setCallError(errorText(e)));
  }, []);
  return { state, callError, runNow };
}
