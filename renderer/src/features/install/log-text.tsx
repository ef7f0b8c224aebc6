import { formatBytes } from '../../components/usage-bar/format-amount';
import type { RunLogView } from './use-run-log';

/**
 * A saved log in a scrollable, focusable monospace box (arrow keys scroll it), from its end; a long
 * log says how much of it shows and offers the part before.
 */
export function LogText({ log }: { log: RunLogView }) {
  if (log.error) {
    return (
      <p role="alert" className="error">
        Could not read the log: {log.error.message}
        {log.error.hint ? ` ${log.error.hint}` : ''}
      </p>
    );
  }
  if (log.text === null) return <p role="status">Loading the log…</p>;
  return (
    <>
      {log.notLoaded > 0 && (
        <p className="log-earlier">
          <span>
            Showing the last {formatBytes(log.size - log.notLoaded)} of {formatBytes(log.size)}.
          </span>
          <button type="button" className="button secondary small" onClick={log.loadEarlier} disabled={log.loadingEarlier}>
            {log.loadingEarlier ? 'Loading…' : 'Show earlier'}
          </button>
          {log.earlierError && (
            <span role="alert" className="error">
              Could not read the earlier part: {log.earlierError.message}
            </span>
          )}
        </p>
      )}
      <pre className="log-text" tabIndex={0} aria-label="Log text" data-testid="log-text">
        {log.text === '' ? '(the log is empty)' : log.text}
      </pre>
    </>
  );
}
