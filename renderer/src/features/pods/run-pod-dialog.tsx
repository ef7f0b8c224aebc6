import { useId, useState } from 'react';
import { api } from '../../api';
import { errorText } from '../../components/dialog/confirm-dialog';
import { FormDialog } from '../../components/dialog/form-dialog';
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
  const id = useId();
  const [form, setForm] = useState<RunPodForm>({ name: '', image: '', namespace: defaultNamespace, labels: '', command: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);

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
    <FormDialog title="Run a pod" submitLabel="Run pod" busyLabel="Starting…" busy={busy} refused={refused && `The cluster refused to run the pod: ${refused}`} onSubmit={() => void submit()} onClose={onClose}>
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
    </FormDialog>
  );
}
