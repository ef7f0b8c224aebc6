import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import './dialog.css';

export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Runs the action; a thrown error is shown in the dialog, which stays open. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
  destructive?: boolean;
}

/**
 * Confirmation in a native modal <dialog>: focus is trapped by the browser and Escape cancels.
 * Cancel has focus first so a stray Enter never deletes anything.
 */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onClose, destructive = false }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };
  return (
    <dialog ref={ref} className="berth-dialog" aria-labelledby={titleId} onCancel={onClose} onClose={onClose} onKeyDown={stopEscape}>
      <h2 id={titleId}>{title}</h2>
      <div className="dialog-body">{children}</div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button secondary" onClick={onClose} autoFocus>
          Cancel
        </button>
        <button type="button" className={`button${destructive ? ' danger' : ''}`} onClick={() => void confirm()} disabled={busy}>
          {busy ? 'Working…' : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}

/** Escape closes the dialog only, not the pane the dialog was opened from. */
export function stopEscape(event: KeyboardEvent<HTMLDialogElement>): void {
  if (event.key === 'Escape') event.stopPropagation();
}

/** An error's message plus, when main gave one, what to do next. */
export function errorText(e: unknown): string {
  if (e instanceof Error) {
    const hint = (e as { hint?: unknown }).hint;
    return typeof hint === 'string' && hint ? `${e.message} ${hint}` : e.message;
  }
  return String(e);
}
