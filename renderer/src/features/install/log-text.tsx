import { useLayoutEffect, useRef } from 'react';
import { formatBytes } from '../../components/usage-bar/format-amount';
import type { RunLogView } from './use-run-log';

/**
 * A saved log in a scrollable, focusable monospace box (arrow keys scroll it), from its end; a long
 * log says how much of it shows and offers the part before, which goes above what the person is
 * reading without moving it.
 */
export function LogText({ log }: { log: RunLogView }) {
  const pre = useRef<HTMLPreElement>(null);
  // Where the box was scrolled when an earlier part was asked for, from its bottom.
  const fromBottom = useRef<number | null>(null);

  useLayoutEffect(() => {
    const box = pre.current;
    if (!box || fromBottom.current === null) return;
    box.scrollTop = box.scrollHeight - fromBottom.current;
    fromBottom.current = null;
  }, [log.notLoaded]);

  if (log.error) {
    return (
      <p role="alert" className="error">
        Could not read the log: {log.error.message}
        {log.error.hint ? ` ${log.error.hint}` : ''}
      </p>
    );
  }
  if (log.text === null) return <p role="status">Loading the log…</p>;
  const showEarlier = () => {
    if (pre.current) fromBottom.current = pre.current.scrollHeight - pre.current.scrollTop;
    log.loadEarlier();
  };
  return (
    <>
      {log.notLoaded > 0 && (
        <p className="log-earlier">
          <span>
            Showing the last {formatBytes(log.size - log.notLoaded)} of {formatBytes(log.size)}.
          </span>
          <button type="button" className="button secondary small" onClick={showEarlier} disabled={log.loadingEarlier}>
            {log.loadingEarlier ? 'Loading…' : 'Show earlier'}
          </button>
          {log.earlierError && (
            <span role="alert" className="error">
              Could not read the earlier part: {log.earlierError.message}
            </span>
          )}
        </p>
      )}
      <pre ref={pre} className="log-text" tabIndex={0} aria-label="Log text" data-testid="log-text">
        {log.text === '' ? '(the log is empty)' : log.text}
      </pre>
    </>
  );
}
