import { useId, useState } from 'react';
import type { ScalableKind } from '../../../../main/contract';
import { api } from '../../api';
import { errorText } from '../../components/dialog/confirm-dialog';
import { FormDialog } from '../../components/dialog/form-dialog';
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
  const id = useId();
  const [text, setText] = useState(String(current));
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
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
    <FormDialog
      title={`Scale ${kindLabel} ${name}`}
      submitLabel="Scale"
      busyLabel="Scaling…"
      busy={busy}
      canSubmit={check.ok && check.replicas !== current}
      refused={refused && `The cluster refused to scale ${name}: ${refused}`}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
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
    </FormDialog>
  );
}

function describeChange(from: number, to: number, namespace: string): string {
  if (to === from) return `Runs ${from} now in ${namespace}.`;
  if (to === 0) return `Stops all ${from} pods in ${namespace}; the object stays, ready to scale up again.`;
  return to > from ? `Starts ${to - from} more (from ${from} to ${to}).` : `Stops ${from - to} of ${from} pods (to ${to}).`;
}
