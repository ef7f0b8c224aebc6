import { useId } from 'react';
import { checkSelector } from './selector-check';

export interface SelectorBoxProps {
  value: string;
  onChange: (text: string) => void;
  /** The selector in effect (the last valid one), shown when what is typed is not valid. */
  applied: string;
}

/** The label-selector box: validated as the person types; only valid selectors reach main. */
export function SelectorBox({ value, onChange, applied }: SelectorBoxProps) {
  const id = useId();
  const check = checkSelector(value);
  return (
    <div className="filter-field selector-box">
      <label htmlFor={id}>Label selector</label>
      <input
        id={id}
        type="text"
        value={value}
        spellCheck={false}
        autoComplete="off"
        placeholder="e.g. tier=frontend,release!=canary"
        aria-invalid={!check.ok}
        aria-describedby={check.ok ? undefined : `${id}-error`}
        onChange={(e) => onChange(e.target.value)}
      />
      {!check.ok && (
        <p id={`${id}-error`} className="field-error" role="alert" data-testid="selector-error">
          {check.message}
          {` Still showing ${applied ? `“${applied}”` : 'everything'}.`}
        </p>
      )}
    </div>
  );
}
