import { useCallback, useEffect, useState } from 'react';
import type { LogEntry } from '../../../../main/contract';
import { api } from '../../api';
import { describeError, type ShownError } from './describe-error';
import { LogText } from './log-text';
import { useRunLog } from './use-run-log';
import { RUN_KIND } from './run-kind';

/** Past runs (newest first) and the text of the one picked. */
export function LogsSection({ refreshKey }: { refreshKey: string }) {
  const [logs, setLogs] = useState<{ logs: LogEntry[]; folder: string } | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  // Each View reads the log afresh (a run in progress grows it).
  const [picked, setPicked] = useState<{ runId: string; reading: number } | null>(null);
  const runLog = useRunLog(picked?.runId ?? null, picked?.reading);

  const load = useCallback(() => {
    api.installer.logs({}).then(
      (result) => {
        setLogs({ folder: result.folder, logs: [...result.logs].sort((a, b) => b.startedAt - a.startedAt) });
        setError(null);
      },
      (e: unknown) => setError(describeError(e)),
    );
  }, []);
  // Reload when a run starts or ends (refreshKey changes), so the list is current.
  useEffect(load, [load, refreshKey]);

  const open = (runId: string) => setPicked((last) => ({ runId, reading: (last?.reading ?? 0) + 1 }));

  return (
    <section aria-labelledby="logs-title" className="logs">
      <h2 id="logs-title">Install logs</h2>
      {error && (
        <p role="alert" className="error">
          Could not list the logs: {error.message}
        </p>
      )}
      {logs && logs.logs.length === 0 && <p className="muted">No runs yet. Each install, join or removal saves its full output here.</p>}
      {logs && logs.logs.length > 0 && (
        <>
          <p className="help">
            Saved in <code>{logs.folder}</code>
          </p>
          <table className="log-table">
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">What</th>
                <th scope="col">Result</th>
                <th scope="col">
                  <span className="visually-hidden">Open</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {logs.logs.map((log) => (
                <tr key={log.runId} aria-selected={picked?.runId === log.runId}>
                  <td>{new Date(log.startedAt).toLocaleString()}</td>
                  <td>{RUN_KIND[log.kind as keyof typeof RUN_KIND]?.noun ?? log.kind}</td>
                  <td>{log.state}</td>
                  <td>
                    <button type="button" className="button secondary small" onClick={() => open(log.runId)}>
                      View<span className="visually-hidden"> the log from {new Date(log.startedAt).toLocaleString()}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {picked && <LogText log={runLog} />}
    </section>
  );
}
