import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../../main/contract';
import { api } from '../../api';
import { NoClusterOffer } from '../contexts/no-cluster-offer';

export function HomePage({ onInstall }: { onInstall?: () => void } = {}) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.app.info({}).then(setInfo, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  return (
    <section aria-labelledby="home-title" className="page">
      <h1 id="home-title">Welcome to Berth</h1>
      <p className="lead">Set up Kubernetes on this machine, then watch it live: nodes, pods, services and the workloads behind them.</p>
      {info?.demo && (
        <p className="demo-note" data-testid="demo-note">
          <strong>Demo mode.</strong> Berth is showing a simulated cluster, and the install wizard drives stand-in <code>snap</code>,{' '}
          <code>microk8s</code> and <code>sudo</code> commands (the password they accept is <code>berth</code>). Nothing on this machine
          changes.
        </p>
      )}
      {/* With no cluster at all, the offer names both ways forward (install or demo); otherwise one call to action. */}
      <NoClusterOffer
        onInstall={onInstall}
        otherwise={
          onInstall && (
            <p>
              <button type="button" className="button" onClick={onInstall}>
                Install microk8s
              </button>{' '}
              <span className="muted">A guided install with a live terminal (Alt+2).</span>
            </p>
          )
        }
      />
      {error && (
        <p role="alert" className="error">
          Berth could not reach its main process: {error}
        </p>
      )}
      {info && (
        <dl className="facts" data-testid="app-info">
          <dt>Version</dt>
          <dd data-testid="app-version">{info.version}</dd>
          <dt>Platform</dt>
          <dd>
            {info.platform} / {info.arch}
          </dd>
          <dt>Running as</dt>
          <dd data-testid="app-transport">{info.transport === 'electron' ? 'Desktop app' : 'Web host (browser)'}</dd>
          <dt>Data folder</dt>
          <dd>
            <code>{info.dataDir}</code>
          </dd>
        </dl>
      )}
    </section>
  );
}
