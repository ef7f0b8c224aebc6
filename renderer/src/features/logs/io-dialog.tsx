import { useEffect, useId, useRef, type ReactNode, type Ref } from 'react';
import './logs.css';

export interface IoDialogProps {
  title: string;
  subtitle?: string;
  children: ReactNode;
  onClose: () => void;
  /** Escape closes unless the content needs it (a terminal does). */
  escapeCloses?: boolean;
  closeRef?: Ref<HTMLButtonElement>;
}

/**
 * A large modal for a pod's logs or shell. Closing it unmounts the content, which ends the log
 * stream or the exec session. Native <dialog>: focus stays inside while it is open.
 */
export function IoDialog({ title, subtitle, children, onClose, escapeCloses = true, closeRef }: IoDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="berth-dialog io-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (escapeCloses) onClose();
      }}
      onKeyDown={(e) => {
        // Escape closes this dialog only, not the detail pane behind it.
        if (e.key === 'Escape') e.stopPropagation();
      }}
    >
      <div className="io-dialog-header">
        <h2 id={titleId} title={title}>
          {title}
        </h2>
        {subtitle && <span className="muted">{subtitle}</span>}
        <button ref={closeRef} type="button" className="button secondary" onClick={onClose}>
          Close
        </button>
      </div>
      <div className="io-dialog-body">{children}</div>
    </dialog>
  );
}
