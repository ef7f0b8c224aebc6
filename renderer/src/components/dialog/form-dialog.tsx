import { useEffect, useId, useRef, type ReactNode } from 'react';
import { stopEscape } from './confirm-dialog';
import './dialog.css';

export interface FormDialogProps {
  title: string;
  submitLabel: string;
  /** The submit button's text while the call runs, e.g. "Scaling…". */
  busyLabel: string;
  busy: boolean;
  /** False keeps the submit button disabled (e.g. nothing would change). */
  canSubmit?: boolean;
  /** The cluster's refusal, in words; the dialog stays open so the person can fix the form. */
  refused: string | null;
  /** Enter in a field or the submit button; validation is the caller's. */
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}

/** A form in a native modal <dialog> (focus trapped, Escape cancels): Run a pod, Scale... */
export function FormDialog({ title, submitLabel, busyLabel, busy, canSubmit = true, refused, onSubmit, onClose, children }: FormDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} className="berth-dialog" aria-labelledby={`${id}-title`} onCancel={onClose} onClose={onClose} onKeyDown={stopEscape}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <h2 id={`${id}-title`}>{title}</h2>
        {children}
        {refused && (
          <p role="alert" className="error">
            {refused}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button" disabled={busy || !canSubmit}>
            {busy ? busyLabel : submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
