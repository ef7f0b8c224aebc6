import { useId } from 'react';
import type { NamespaceRow } from '../../../../main/contract';
import { useLiveView, type ViewFilters } from '../live-view/use-live-view';

export interface NamespaceFilterProps {
  /** All namespaces in the cluster, by name. */
  available: string[];
  selected: string[];
  onChange: (selected: string[]) => void;
}

/** Several namespaces at once; none ticked means all namespaces. */
export function NamespaceFilter({ available, selected, onChange }: NamespaceFilterProps) {
  const id = useId();
  const summary = selected.length === 0 ? 'All namespaces' : selected.length <= 2 ? selected.join(', ') : `${selected.length} namespaces`;
  const toggle = (name: string, on: boolean) => onChange(on ? [...selected, name].sort() : selected.filter((n) => n !== name));
  const names = [...new Set([...available, ...selected])].sort();
  return (
    <details
      className="filter-field namespace-filter"
      onKeyDown={(e) => {
        // Escape closes the list and returns to its summary, as a menu would.
        if (e.key === 'Escape' && e.currentTarget.open) {
          e.preventDefault();
          e.stopPropagation();
          e.currentTarget.open = false;
          e.currentTarget.querySelector('summary')?.focus();
        }
      }}
    >
      <summary aria-describedby={`${id}-label`}>
        <span id={`${id}-label`} className="filter-caption">
          Namespaces
        </span>
        <span className="namespace-summary">{summary}</span>
      </summary>
      <fieldset className="namespace-list">
        <legend className="visually-hidden">Show these namespaces</legend>
        <button type="button" className="link-button" onClick={() => onChange([])} disabled={selected.length === 0}>
          Show all
        </button>
        {names.length === 0 && <p className="muted">No namespaces listed yet.</p>}
        {names.map((name) => (
          <label key={name} className="namespace-option">
            <input type="checkbox" checked={selected.includes(name)} onChange={(e) => toggle(name, e.target.checked)} />
            {name}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

const ALL: ViewFilters = { namespaces: [], labelSelector: '', search: '', sort: { column: 'name', direction: 'asc' } };
const FIRST_THOUSAND = { offset: 0, limit: 1000 };

/** The namespace filter fed by a live list of the cluster's namespaces. */
export function LiveNamespaceFilter({ selected, onChange }: Omit<NamespaceFilterProps, 'available'>) {
  const { state } = useLiveView<NamespaceRow>('namespaces', ALL, FIRST_THOUSAND);
  return <NamespaceFilter available={state.rows.map((r) => r.name)} selected={selected} onChange={onChange} />;
}
