import { useCallback, useEffect, useId, useState } from 'react';
import type { Overview } from '../../../../main/contract';
import { api } from '../../api';
import { useApiEvent } from '../../app/use-api-event';
import { EventsSection } from '../../components/detail-pane/object-meta';
import { errorText } from '../../components/dialog/confirm-dialog';
import { useNow } from '../../components/live-view/use-now';
import { useOnReconnect } from '../../components/live-view/use-on-reconnect';
import { summariseHealth } from './health-summary';
import './overview.css';

const PROBLEM_STATUSES = /Error|CrashLoopBackOff|BackOff|Failed|Evicted|Unknown|OOMKilled|Err/;

function Counts({ title, counts, testId }: { title: string; counts: Record<string, number>; testId: string }) {
  const entries = Object.entries(counts).sort(([, a], [, b]) => b - a);
  const total = entries.reduce((s, [, n]) => s + n, 0);
  return (
    <section className="overview-card" aria-label={title} data-testid={testId}>
      <h2>{title}</h2>
      <p className="overview-big">{total}</p>
      <ul className="plain-list overview-counts">
        {entries.map(([k, n]) => (
          <li key={k} className={PROBLEM_STATUSES.test(k) ? 'status-problem' : undefined}>
            <span>{PROBLEM_STATUSES.test(k) ? `⚠ ${k}` : k}</span>
            <span>{n}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The cluster at a glance: version, nodes, pods by status, services by type, warnings, health. */
export function OverviewPage() {
  const titleId = useId();
  const [overview, setOverview] = useState<Overview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const now = useNow(1000);

  const open = useCallback(() => {
    api.cluster.openOverview({}).then(setOverview, (e: unknown) => setError(errorText(e)));
  }, []);
  useOnReconnect(open);
  useEffect(() => {
    open();
    return () => {
      api.cluster.closeOverview({}).catch(() => undefined);
    };
  }, [open]);
  useApiEvent('cluster.overview', (o) => {
    setOverview(o);
    setError(null);
  });

  return (
    <section className="page overview-page" aria-labelledby={titleId}>
      <h1 id={titleId}>Overview</h1>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!overview && !error && <p className="muted">Reading the cluster…</p>}
      {overview && (
        <>
          <div className="overview-grid">
            <section className="overview-card" aria-label="Kubernetes version">
              <h2>Kubernetes</h2>
              <p className="overview-big" data-testid="overview-version">
                {overview.serverVersion ?? 'unknown'}
              </p>
            </section>
            <section className="overview-card" aria-label="Nodes ready" data-testid="overview-nodes">
              <h2>Nodes ready</h2>
              <p className={`overview-big${overview.nodes.ready < overview.nodes.total ? ' status-problem' : ''}`}>
                {overview.nodes.ready < overview.nodes.total ? '⚠ ' : ''}
                {overview.nodes.ready} / {overview.nodes.total}
              </p>
            </section>
            <Counts title="Pods by status" counts={overview.podsByStatus} testId="overview-pods" />
            <Counts title="Services by type" counts={overview.servicesByType} testId="overview-services" />
            {overview.health && (
              <section className="overview-card" aria-label="Control plane health" data-testid="overview-health">
                <h2>Control plane</h2>
                <ul className="plain-list overview-counts">
                  {summariseHealth(overview.health).map((g) => (
                    <li key={g.endpoint} className={g.failing.length === 0 ? 'status-ok' : 'status-problem'}>
                      <span>/{g.endpoint}</span>
                      <span>
                        {g.failing.length === 0 ? '✓' : '⚠'} {g.passing} of {g.total} checks pass
                      </span>
                    </li>
                  ))}
                </ul>
                {summariseHealth(overview.health)
                  .flatMap((g) => g.failing.map((name) => `${g.endpoint}: ${name}`))
                  .map((failing) => (
                    <p key={failing} className="status-problem overview-failing">
                      ⚠ {failing} is failing
                    </p>
                  ))}
                <details className="overview-health-details">
                  <summary>All checks</summary>
                  <ul className="plain-list">
                    {overview.health.map((h) => (
                      <li key={h.check} className={h.ok ? 'status-ok' : 'status-problem'}>
                        {h.ok ? '✓' : '⚠'} {h.check}
                      </li>
                    ))}
                  </ul>
                </details>
              </section>
            )}
          </div>
          <EventsSection title="Recent warnings" events={overview.warnings} now={now} showObject />
        </>
      )}
    </section>
  );
}
