import { useState } from 'react';
import type { HostStatus } from '../../../main/contract';
import { useApiEvent } from './use-api-event';
import { useConnectionState } from './use-connection-state';

const LABELS = { connecting: 'Connecting to Berth…', open: 'Connected to Berth', closed: 'Disconnected from Berth, reconnecting…' };

export function StatusBar() {
  const state = useConnectionState();
  const [host, setHost] = useState<HostStatus | null>(null);
  useApiEvent('app.hostStatus', setHost);
  return (
    <footer className="status-bar" role="status" aria-live="polite">
      <span className={`dot dot-${state}`} aria-hidden="true" />
      <span data-testid="connection-state">{LABELS[state]}</span>
      {host && (
        <span className="muted" data-testid="host-status">
          · host up {host.uptimeSeconds}s · {host.clients} window{host.clients === 1 ? '' : 's'}
        </span>
      )}
    </footer>
  );
}
