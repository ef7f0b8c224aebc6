import { useId, useState } from 'react';
import type { ExportFormat } from '../../../../main/contract';
import { api } from '../../api';
import { errorText } from '../../components/dialog/confirm-dialog';
import { useNow } from '../../components/live-view/use-now';
import { downloadFile } from './download-file';
import { FindingItem, StatusBadge } from './finding-item';
import { clockTime, madeAgo, untilText } from './report-time';
import { useCheckup } from './use-checkup';
import './checkup.css';

/** Scrolls to an area's findings and moves the focus there (keyboard users continue from it). */
function showArea(id: string): void {
  const heading = document.getElementById(`checkup-${id}-title`);
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus({ preventScroll: true });
}

/** The cluster check-up: a score per area and overall, findings with why, affected objects and fixes; live. */
export function CheckupPage() {
  const titleId = useId();
  const { state, callError, runNow } = useCheckup();
  const [exportError, setExportError] = useState<string | null>(null);
  const now = useNow(5000);
  const report = state?.report ?? null;
  const error = callError ?? (state?.error ? [state.error.message, state.error.hint].filter(Boolean).join(' ') : null);

  const exportAs = (format: ExportFormat) => {
    setExportError(null);
    api.checkup.export({ format }).then(downloadFile, (e: unknown) => setExportError(errorText(e)));
  };

  return (
    <section className="page checkup-page" aria-labelledby={titleId}>
      <header className="checkup-header">
        <h1 id={titleId}>Check-up</h1>
        <div className="checkup-actions">
          <button type="button" className="button" onClick={runNow} disabled={state?.running ?? true}>
            {state?.running ? 'Checking…' : 'Check again'}
          </button>
          <button type="button" className="button secondary" onClick={() => exportAs('markdown')} disabled={!report}>
            Export Markdown
          </button>
          <button type="button" className="button secondary" onClick={() => exportAs('json')} disabled={!report}>
            Export JSON
          </button>
        </div>
      </header>
      <p className="muted checkup-meta" role="status" data-testid="checkup-meta">
        {state?.running && !report && (state.progress ?? 'Checking the cluster…')}
        {report && (
          <>
            {report.context ? `Context ${report.context}` : 'No context'}
            {report.serverVersion ? `, Kubernetes ${report.serverVersion}` : ''}. Made at {clockTime(report.generatedAt)} ({madeAgo(report.generatedAt, now)}, took {(report.durationMs / 1000).toFixed(1)} s)
            {state?.running ? `; checking again: ${state.progress ?? '…'}` : state?.nextCheckAt ? `; next check ${untilText(state.nextCheckAt, now)}.` : '.'} Kubernetes release data as of {report.releaseDataAsOf}.
            <br />
            {report.scope}
          </>
        )}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {exportError && (
        <p role="alert" className="error">
          {exportError}
        </p>
      )}
      {report && (
        <>
          <section className="checkup-scores" aria-label="Scores">
            <div className={`checkup-overall checkup-${report.status}`} data-testid="checkup-overall">
              <span className="checkup-score-number">{report.score}</span>
              <span className="muted">/100 overall</span>
              <StatusBadge status={report.status} />
            </div>
            <ul className="plain-list checkup-area-scores">
              {report.areas.map((a) => (
                <li key={a.id}>
                  <button type="button" className={`checkup-area-link checkup-${a.status}`} data-testid={`area-score-${a.id}`} onClick={() => showArea(a.id)}>
                    <span>{a.title}</span>
                    <span className="checkup-area-score">{a.findings.length ? `${a.score}/100` : 'not checked'}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
          {report.notes.length > 0 && (
            <section aria-label="Not checked" className="checkup-notes">
              <h2>Not checked</h2>
              <ul>
                {report.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </section>
          )}
          {report.areas.map((a) => (
            <section key={a.id} id={`checkup-${a.id}`} className="checkup-area" aria-labelledby={`checkup-${a.id}-title`} data-testid={`area-${a.id}`}>
              <h2 id={`checkup-${a.id}-title`} tabIndex={-1}>
                {a.title} <span className="muted">{a.findings.length ? `${a.score}/100` : 'not checked'}</span>
              </h2>
              {a.findings.map((f) => (
                <FindingItem key={f.id} finding={f} />
              ))}
            </section>
          ))}
        </>
      )}
    </section>
  );
}
