import { useId, useState } from 'react';
import type { ObjectRef, PropagationPolicy } from '../../../../main/contract';
import { api } from '../../api';
import { ConfirmDialog } from './confirm-dialog';

export interface DeleteDialogProps {
  target: ObjectRef;
  /** "Deployment", "Job"... */
  kindLabel: string;
  /** What the object's dependents are called, e.g. "ReplicaSets and pods"; absent: no cascade choice. */
  dependents?: string | undefined;
  onClose: () => void;
  onDeleted: () => void;
}

const CHOICES: { value: PropagationPolicy; label: string; help: (dependents: string) => string }[] = [
  { value: 'Background', label: 'Delete it and its dependents (in the background)', help: (d) => `The object goes at once; the cluster then removes its ${d}.` },
  { value: 'Foreground', label: 'Delete its dependents first, then it', help: (d) => `The object stays, marked for deletion, until its ${d} are gone.` },
  { value: 'Orphan', label: 'Delete only it; keep its dependents', help: (d) => `Its ${d} keep running, with no controller (kubectl delete --cascade=orphan).` },
];

/** Delete any object, with the choice `kubectl delete --cascade=background|foreground|orphan` offers. */
export function DeleteDialog({ target, kindLabel, dependents, onClose, onDeleted }: DeleteDialogProps) {
  const id = useId();
  const [policy, setPolicy] = useState<PropagationPolicy>('Background');
  return (
    <ConfirmDialog
      title={`Delete ${kindLabel} ${target.name}?`}
      confirmLabel={`Delete ${kindLabel}`}
      destructive
      onClose={onClose}
      onConfirm={async () => {
        await api.cluster.deleteObject({ ref: target, propagationPolicy: policy });
        onDeleted();
      }}
    >
      <p>
        {kindLabel} <strong>{target.name}</strong>
        {target.namespace ? (
          <>
            {' '}
            in namespace <strong>{target.namespace}</strong>
          </>
        ) : null}{' '}
        is removed from the cluster. This cannot be undone.
      </p>
      {dependents && (
        <fieldset className="cascade-choice">
          <legend>What happens to its {dependents}</legend>
          {CHOICES.map((c) => (
            <label key={c.value} className="cascade-option">
              <input type="radio" name={`${id}-cascade`} value={c.value} checked={policy === c.value} onChange={() => setPolicy(c.value)} />
              <span>
                {c.label}
                <span className="field-help">{c.help(dependents)}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
    </ConfirmDialog>
  );
}
