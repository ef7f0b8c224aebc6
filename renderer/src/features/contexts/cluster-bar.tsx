import { useEffect, useId, useState } from 'react';
import type { CallResponse, ConnectionStatus } from '../../../../main/contract';
import { api } from '../../api';
import { useApiEvent } from '../../app/use-api-event';
import { errorText } from '../../components/dialog/confirm-dialog';
import { useNow } from '../../components/live-view/use-now';
import { contextWarnings, describeConnection } from './connection-text';
import './cluster-bar.css';

type Contexts = CallResponse<'cluster.contexts'>;

/** Always on top of the content: which context, whether Berth is connected to it, and why not. */
export function ClusterBar() {
  const id = useId();
  const [contexts, setContexts] = useState<Contexts | null>(null);
  const [status, setStatus] = useState<ConnectionStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const now = useNow(1000);

  useEffect(() => {
    api.cluster.contexts({}).then(setContexts, (e: unknown) => setError(errorText(e)));
    api.cluster.status({}).then(setStatus, (e: unknown) => setError(errorText(e)));
  }, []);
  useApiEvent('cluster.connection', (next) => {
    setStatus(next);
    // A context Berth did not list yet (e.g. the installer just merged microk8s' kubeconfig).
    if (next.context && contexts && !contexts.contexts.some((c) => c.name === next.context)) {
      api.cluster.contexts({}).then(setContexts, (e: unknown) => setError(errorText(e)));
    }
  });

  const connect = (context: string) => {
    setError(null);
    api.cluster.connect({ context }).then(setStatus, (e: unknown) => setError(errorText(e)));
  };

  const current = status?.context ?? contexts?.current ?? null;
  const info = contexts?.contexts.find((c) => c.name === current);
  const warnings = info ? contextWarnings(info) : [];
  const text = status ? describeConnection(status, now) : null;

  return (
    <div className="cluster-bar" role="region" aria-label="Cluster connection">
      {contexts && contexts.contexts.length === 0 ? (
        <span className="muted" data-testid="no-contexts">
          No kubeconfig contexts found{contexts.sources.length ? ` in ${contexts.sources.join(', ')}` : ''}. Install microk8s from Welcome, or start Berth with --kubeconfig FILE.
        </span>
      ) : (
        <label className="cluster-context" htmlFor={`${id}-context`}>
          Context
          <select id={`${id}-context`} value={current ?? ''} onChange={(e) => connect(e.target.value)} disabled={!contexts} data-testid="context-select">
            {current === null && <option value="">Choose a context…</option>}
            {/* The connection can name its context before the list arrives (or before it lists a
                context just merged in): show it rather than a blank box. */}
            {current !== null && !contexts?.contexts.some((c) => c.name === current) && <option value={current}>{current}</option>}
            {contexts?.contexts.map((c) => (
              <option key={c.name} value={c.name}>
                {c.name}
                {contextWarnings(c).length ? ' ⚠' : ''}
              </option>
            ))}
          </select>
        </label>
      )}
      {text && (
        <span className={`cluster-state tone-${text.tone}`} data-testid="cluster-state" role="status" aria-live="polite">
          <span className="cluster-dot" aria-hidden="true" />
          {text.label}
          {info && <span className="muted"> · {info.server}</span>}
          {status?.serverVersion && <span className="muted"> · {status.serverVersion}</span>}
          {text.synced && <span className="muted"> · {text.synced}</span>}
        </span>
      )}
      {text?.detail && (
        <span className="cluster-detail" data-testid="cluster-detail">
          {text.detail}
        </span>
      )}
      {warnings.map((w) => (
        <span key={w} className="cluster-warning" role="note">
          ⚠ {w}
        </span>
      ))}
      {contexts?.problems.map((p) => (
        <span key={p} className="cluster-warning" role="note">
          ⚠ {p}
        </span>
      ))}
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </div>
  );
}
