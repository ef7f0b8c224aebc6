import { useEffect, useId, useRef } from 'react';
import { LogText } from './log-text';
import { useRunLog } from './use-run-log';

/** One run's saved log in a modal dialog (Escape or Close returns to where the person was). */
export function LogDialog({ runId, onClose }: { runId: string | null; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const log = useRunLog(runId);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (runId && !dialog.open) dialog.showModal();
    if (!runId && dialog.open) dialog.close();
  }, [runId]);

  // The log is read again at the next opening (runId goes null and back): it may have grown.
  const close = () => onClose();
  return (
    <dialog
      ref={ref}
      className="log-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      <h2 id={titleId}>Log of this run</h2>
      <LogText log={log} />
      <div className="actions">
        <button type="button" className="button" onClick={close}>
          Close
        </button>
      </div>
    </dialog>
  );
}
