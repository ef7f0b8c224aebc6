import { useEffect, useId, useRef, type ReactNode } from 'react';
import './detail-pane.css';

export interface DetailPaneProps {
  /** e.g. "Pod web-1" */
  title: string;
  subtitle?: string;
  actions?: ReactNode;
  onClose: () => void;
  children: ReactNode;
}

/** The side pane for one object. Escape inside it closes it and gives focus back to the list. */
export function DetailPane({ title, subtitle, actions, onClose, children }: DetailPaneProps) {
  const ref = useRef<HTMLElement>(null);
  const returnTo = useRef<Element | null>(null);
  useEffect(() => {
    returnTo.current = document.activeElement;
    return () => {
      if (returnTo.current instanceof HTMLElement && document.contains(returnTo.current)) returnTo.current.focus();
    };
  }, []);
  return (
    <aside
      ref={ref}
      className="detail-pane"
      aria-label={title}
      data-testid="detail-pane"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <header className="detail-header">
        <div>
          <h2>{title}</h2>
          {subtitle && <p className="muted detail-subtitle">{subtitle}</p>}
        </div>
        <button type="button" className="button secondary detail-close" onClick={onClose} aria-label={`Close ${title}`}>
          ✕
        </button>
      </header>
      {actions && <div className="detail-actions">{actions}</div>}
      <div className="detail-body">{children}</div>
    </aside>
  );
}

export function DetailSection({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="detail-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

/** Key/value facts as a description list. */
export function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="detail-facts">
      {items.map(([k, v]) => (
        <div key={k} className="detail-fact">
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The object as YAML: monospace, scrollable, selectable. */
export function YamlView({ yaml }: { yaml: string }) {
  return (
    <pre className="yaml-view" tabIndex={0} aria-label="YAML">
      {yaml}
    </pre>
  );
}
