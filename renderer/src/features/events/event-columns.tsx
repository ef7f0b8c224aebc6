import type { EventRow } from '../../../../main/contract';
import { age } from '../../../../main/kube';
import type { Column } from '../../components/data-table/data-table';
import { listKindOf, openObject } from '../../components/navigation/object-navigation';

/** Warning in words with a mark, never colour alone. */
export function EventType({ type }: { type: string }) {
  return type === 'Warning' ? <span className="status-text status-problem">⚠ Warning</span> : <span className="status-text">{type}</span>;
}

/** OBJECT as kubectl prints it ("pod/web-1"), a link when Berth lists that kind. */
export function EventObject({ row }: { row: EventRow }) {
  const kind = row.involved ? listKindOf(row.involved.kind) : undefined;
  if (!kind || !row.involved) return <span title={row.object}>{row.object}</span>;
  const { name, namespace } = row.involved;
  return (
    <button
      type="button"
      className="link-button object-link"
      title={`Open ${row.involved.kind} ${name}`}
      onClick={(e) => {
        // The row would open the event's own detail too.
        e.stopPropagation();
        openObject({ kind, name, namespace });
      }}
    >
      {row.object}
    </button>
  );
}

export const eventColumns: Column<EventRow>[] = [
  { id: 'lastSeen', header: 'Last seen', width: 90, cell: (r, now) => age(r.lastSeen ?? r.createdAt, now) },
  { id: 'type', header: 'Type', width: 100, cell: (r) => <EventType type={r.type} /> },
  { id: 'reason', header: 'Reason', width: 150, cell: (r) => <span title={r.reason}>{r.reason}</span> },
  { id: 'object', header: 'Object', width: 220, cell: (r) => <EventObject row={r} /> },
  { id: 'message', header: 'Message', width: 260, grow: 3, sortable: false, cell: (r) => <span title={r.message}>{r.message}</span> },
  { id: 'namespace', header: 'Namespace', width: 110, cell: (r) => r.namespace ?? '' },
  { id: 'count', header: 'Count', width: 72, align: 'end', cell: (r) => r.count },
  { id: 'firstSeen', header: 'First seen', width: 90, cell: (r, now) => (r.firstSeen ? age(r.firstSeen, now) : '') },
  { id: 'source', header: 'Source', width: 160, cell: (r) => <span title={r.source}>{r.source ?? ''}</span> },
];
