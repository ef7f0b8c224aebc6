import { stripTerminalCodes } from './strip-terminal-codes';
import type { ShownError } from './describe-error';

/** A saved log in a scrollable, focusable monospace box (arrow keys scroll it). */
export function LogText({ text, error }: { text: string | null; error: ShownError | null }) {
  if (error) {
    return (
      <p role="alert" className="error">
        Could not read the log: {error.message}
        {error.hint ? ` ${error.hint}` : ''}
      </p>
    );
  }
  if (text === null) return <p role="status">Loading the log…</p>;
  return (
    <pre className="log-text" tabIndex={0} aria-label="Log text" data-testid="log-text">
      {text === '' ? '(the log is empty)' : stripTerminalCodes(text)}
    </pre>
  );
}
