import './label-chips.css';

export interface LabelChipsProps {
  labels: Record<string, string>;
  /** Clicking a chip adds `key=value` to the label selector. */
  onPick?: ((key: string, value: string) => void) | undefined;
  /** In table rows the chips are a mouse shortcut; keyboard users use the detail pane's chips. */
  focusable?: boolean;
}

/** Labels as chips, as many as fit (the container clips the rest). */
export function LabelChips({ labels, onPick, focusable = true }: LabelChipsProps) {
  const entries = Object.entries(labels).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <span className="muted">none</span>;
  return (
    <span className="label-chips">
      {entries.map(([key, value]) =>
        onPick ? (
          <button
            key={key}
            type="button"
            className="label-chip"
            tabIndex={focusable ? undefined : -1}
            title={`Filter by ${key}=${value}`}
            onClick={(event) => {
              event.stopPropagation();
              onPick(key, value);
            }}
          >
            {key}={value}
          </button>
        ) : (
          <span key={key} className="label-chip">
            {key}={value}
          </span>
        ),
      )}
    </span>
  );
}
