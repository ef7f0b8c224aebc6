import { useEffect, useId, useRef, useState } from 'react';
import type { ScalableKind } from '../../../../main/contract';
import { api } from '../../api';
import { errorText, stopEscape } from '../../components/dialog/confirm-dialog';
import '../../components/dialog/dialog.css';
import { checkReplicas } from './check-replicas';

export interface ScaleDialogProps {
  kind: ScalableKind;
  /** "Deployment", "StatefulSet"... */
  kindLabel: string;
  namespace: string;
  name: string;
  current: number;
  onClose: () => void;
  onScaled: (replicas: number) => void;
}

/** Scale, like `kubectl scale --replicas=N`: the new count is checked, then confirmed by the button. */
export function ScaleDialog({ kind, kindLabel, namespace, name, current, onClose, onScaled }: ScaleDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [text, setText] = useState(String(current));
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const check = checkReplicas(text);

  const submit = async () => {
    if (!check.ok) return;
    setBusy(true);
    setRefused(null);
    try {
      const result = await api.cluster.scale({ kind, namespace, name, replicas: check.replicas });
      onScaled(result.replicas);
      onClose();
    } catch (e) {
      setRefused(errorText(e));
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} className="berth-dialog" aria-labelledby={`${id}-title`} onCancel={onClose} onClose={onClose} onKeyDown={stopEscape}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2 id={`${id}-title`}>
          Scale {kindLabel} {name}
        </h2>
        <div className="form-field">
          <label htmlFor={`${id}-replicas`}>Replicas</label>
          <input
            id={`${id}-replicas`}
            type="number"
            min={0}
            inputMode="numeric"
            value={text}
            autoFocus
            aria-invalid={check.ok ? undefined : true}
            aria-describedby={`${id}-help`}
            onChange={(e) => setText(e.target.value)}
          />
          <span id={`${id}-help`} className={check.ok ? 'field-help' : 'field-error'}>
            {check.ok ? describeChange(current, check.replicas, namespace) : check.message}
          </span>
        </div>
        {refused && (
          <p role="alert" className="error">
            The cluster refused to scale {name}: {refused}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button" disabled={busy || !check.ok || check.replicas === current}>
            {busy ? 'Scaling…' : 'Scale'}
          </button>
        </div>
      </form>
    </dialog>
  );
}

function describeChange(from: number, to: number, namespace: string): string {
  if (to === from) return `Runs ${from} now in ${namespace}.`;
  if (to === 0) return `Stops all ${from} pods in ${namespace}; the object stays, ready to scale up again.`;
  return to > from ? `Starts ${to - from} more (from ${from} to ${to}).` : `Stops ${from - to} of ${from} pods (to ${to}).`;
}
