import { useId, useState, type ReactNode } from 'react';
import type { EventRow } from '../../../../main/contract';
import { age } from '../../../../main/kube';
import { DetailTable } from '../../components/detail-pane/detail-table';
import { useLiveView, type ViewFilters } from '../../components/live-view/use-live-view';
import { useNow } from '../../components/live-view/use-now';
import { EventObject, EventType } from './event-columns';
import { groupEvents } from './group-events';

// Grouping happens in the page over the newest events; the list view shows them all.
const NEWEST = 1000;
const FILTERS: ViewFilters = { namespaces: [], labelSelector: '', search: '', sort: { column: 'lastSeen', direction: 'desc' } };

/** Events grouped by type, reason and kind of object, warnings first, with counts and last seen; each group opens to its events. */
export function EventGroups({ toolbar }: { toolbar: ReactNode }) {
  const titleId = useId();
  const now = useNow(1000);
  const [warningsOnly, setWarningsOnly] = useState(false);
  const { state, callError } = useLiveView<EventRow>('events', FILTERS, { offset: 0, limit: NEWEST });
  const groups = groupEvents(state.rows).filter((g) => !warningsOnly || g.type === 'Warning');
  return (
    <section className="resource-page" aria-labelledby={titleId}>
      <header className="resource-header">
        <h1 id={titleId}>Events</h1>
        <p className="muted resource-count" data-testid="list-count">
          {state.loading ? 'Listing events…' : `${groups.length} groups from the ${state.rows.length === state.total ? '' : `newest ${state.rows.length} of `}${state.total} events`}
        </p>
        <div className="resource-toolbar">
          <label className="inline-check">
            <input type="checkbox" checked={warningsOnly} onChange={(e) => setWarningsOnly(e.target.checked)} /> Warnings only
          </label>
          {toolbar}
        </div>
      </header>
      {callError && (
        <p role="alert" className="error list-error">
          {callError}
        </p>
      )}
      <div className="event-groups" data-testid="event-groups">
        {groups.length === 0 && !state.loading && <p className="muted">No events{warningsOnly ? ' are warnings' : ''}.</p>}
        {groups.map((g) => (
          <details key={g.key} className={`event-group${g.type === 'Warning' ? ' row-problem' : ''}`}>
            <summary>
              <EventType type={g.type} /> <strong>{g.reason}</strong> <span className="muted">on {g.objectKind || 'objects'}</span>
              <span className="event-group-counts">
                ×{g.count} · {g.objects} {g.objects === 1 ? 'object' : 'objects'} · last seen {age(g.lastSeen, now)} ago
              </span>
              <span className="event-group-message muted">{g.message}</span>
            </summary>
            <DetailTable headers={['Object', 'Namespace', 'Count', 'Last seen', 'Message']}>
              {g.events.map((e) => (
                <tr key={e.uid}>
                  <td>
                    <EventObject row={e} />
                  </td>
                  <td>{e.namespace ?? ''}</td>
                  <td>{e.count}</td>
                  <td className="nowrap">{age(e.lastSeen ?? e.createdAt, now)}</td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </DetailTable>
          </details>
        ))}
      </div>
    </section>
  );
}
