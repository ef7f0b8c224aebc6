import { useEffect, useId, useRef, useState } from 'react';
import { api } from '../../api';
import { errorText, stopEscape } from '../../components/dialog/confirm-dialog';
import '../../components/dialog/dialog.css';
import { checkRunPodForm, type FieldErrors, type RunPodForm } from './run-pod-check';

export interface RunPodDialogProps {
  defaultNamespace: string;
  onClose: () => void;
  onStarted: (name: string, namespace: string) => void;
}

const FIELDS: { key: keyof RunPodForm; label: string; help: string; placeholder: string }[] = [
  { key: 'name', label: 'Name', help: 'Lower-case letters, digits and "-" (a DNS-1123 name).', placeholder: 'web-1' },
  { key: 'image', label: 'Image', help: 'REPOSITORY[:TAG], e.g. nginx:1.27.', placeholder: 'nginx:1.27' },
  { key: 'namespace', label: 'Namespace', help: 'Must already exist.', placeholder: 'default' },
  { key: 'labels', label: 'Labels', help: 'key=value pairs, separated by commas. Optional.', placeholder: 'app=web, tier=frontend' },
  { key: 'command', label: 'Command', help: 'Replaces the image’s entrypoint; quotes group words. Optional.', placeholder: 'sleep 3600' },
];

/** "Run a pod", like `kubectl run`: checked field by field before anything is sent. */
export function RunPodDialog({ defaultNamespace, onClose, onStarted }: RunPodDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [form, setForm] = useState<RunPodForm>({ name: '', image: '', namespace: defaultNamespace, labels: '', command: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const change = (key: keyof RunPodForm, value: string) => {
    const next = { ...form, [key]: value };
    setForm(next);
    // After the first attempt, messages follow the typing so the person sees them clear.
    if (submitted) {
      const result = checkRunPodForm(next);
      setErrors('errors' in result ? result.errors : {});
    }
  };

  const submit = async () => {
    setSubmitted(true);
    setRefused(null);
    const result = checkRunPodForm(form);
    if ('errors' in result) {
      setErrors(result.errors);
      const first = FIELDS.find((f) => result.errors[f.key]);
      if (first) document.getElementById(`${id}-${first.key}`)?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const started = await api.cluster.runPod(result.request);
      onStarted(started.name, started.namespace);
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
        <h2 id={`${id}-title`}>Run a pod</h2>
        {FIELDS.map((f) => (
          <div key={f.key} className="form-field">
            <label htmlFor={`${id}-${f.key}`}>{f.label}</label>
            <input
              id={`${id}-${f.key}`}
              name={f.key}
              value={form[f.key]}
              placeholder={f.placeholder}
              spellCheck={false}
              autoComplete="off"
              autoFocus={f.key === 'name'}
              aria-invalid={errors[f.key] ? true : undefined}
              aria-describedby={`${id}-${f.key}-help`}
              onChange={(e) => change(f.key, e.target.value)}
            />
            <span id={`${id}-${f.key}-help`} className={errors[f.key] ? 'field-error' : 'field-help'}>
              {errors[f.key] ?? f.help}
            </span>
          </div>
        ))}
        {refused && (
          <p role="alert" className="error">
            The cluster refused to run the pod: {refused}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Starting…' : 'Run pod'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
