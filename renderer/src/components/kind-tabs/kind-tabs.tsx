import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ListKind } from '../../../../main/contract';
import { onObjectRequested, peekObjectTarget } from '../navigation/object-navigation';
import { nextTab } from './next-tab';
import './kind-tabs.css';

export interface KindTab {
  kind: ListKind;
  label: string;
  render: () => ReactNode;
}

export interface KindTabsProps {
  /** Accessible name of the tab list, e.g. "Workload kinds". */
  label: string;
  tabs: readonly KindTab[];
}

/**
 * One screen for several kinds (Deployments, ReplicaSets, ...): a WAI-ARIA tab list
 * (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/) with arrow keys, Home and End; only the
 * chosen kind's list is mounted, so only its watch runs. A link to an object of one of these
 * kinds selects its tab (the list then takes the link's target and opens it).
 */
export function KindTabs({ label, tabs }: KindTabsProps) {
  const id = useId();
  const [selected, setSelected] = useState<ListKind>(() => {
    const target = peekObjectTarget();
    return tabs.find((t) => t.kind === target?.kind)?.kind ?? tabs[0]!.kind;
  });
  const buttons = useRef(new Map<ListKind, HTMLButtonElement>());
  const kindsKey = tabs.map((t) => t.kind).join(',');
  useEffect(() => {
    const kinds = kindsKey.split(',');
    return onObjectRequested((target) => {
      if (kinds.includes(target.kind)) setSelected(target.kind);
    });
  }, [kindsKey]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((t) => t.kind === selected);
    const next = nextTab(event.key, index, tabs.length);
    if (next === null) return;
    event.preventDefault();
    const kind = tabs[next]!.kind;
    setSelected(kind);
    buttons.current.get(kind)?.focus();
  };
  const current = tabs.find((t) => t.kind === selected) ?? tabs[0]!;

  return (
    <div className="kind-tabs-page">
      <div role="tablist" aria-label={label} className="kind-tabs" onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.kind}
            ref={(el) => {
              if (el) buttons.current.set(t.kind, el);
              else buttons.current.delete(t.kind);
            }}
            type="button"
            role="tab"
            id={`${id}-${t.kind}`}
            aria-selected={t.kind === current.kind}
            aria-controls={`${id}-panel`}
            tabIndex={t.kind === current.kind ? 0 : -1}
            className="kind-tab"
            onClick={() => setSelected(t.kind)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${current.kind}`} className="kind-tab-panel">
        <KindPanel key={current.kind}>{current.render()}</KindPanel>
      </div>
    </div>
  );
}

/** Keyed by kind, so switching tabs remounts the list (new view, filters start plain). */
function KindPanel({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
