import { useEffect, useId, useRef, useState } from 'react';
import { api } from '../../api';
import { describeError, type ShownError } from './describe-error';
import { LogText } from './log-text';

/** One run's saved log in a modal dialog (Escape or Close returns to where the person was). */
export function LogDialog({ runId, onClose }: { runId: string | null; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // The answer for one run; a stale one (another run) reads as still loading.
  const [answer, setAnswer] = useState<{ runId: string; text: string | null; error: ShownError | null } | null>(null);
  const current = answer && answer.runId === runId ? answer : null;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (runId && !dialog.open) dialog.showModal();
    if (!runId && dialog.open) dialog.close();
    if (!runId) return;
    let cancelled = false;
    api.installer.readLog({ runId }).then(
      (result) => !cancelled && setAnswer({ runId, text: result.text, error: null }),
      (e: unknown) => !cancelled && setAnswer({ runId, text: null, error: describeError(e) }),
    );
    return () => {
      cancelled = true;
    };
  }, [runId]);

  // Forget the text on close: the same run's log may have grown by the next opening.
  const close = () => {
    setAnswer(null);
    onClose();
  };
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
      <LogText text={current?.text ?? null} error={current?.error ?? null} />
      <div className="actions">
        <button type="button" className="button" onClick={close}>
          Close
        </button>
      </div>
    </dialog>
  );
}
