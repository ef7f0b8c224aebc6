import { useState } from 'react';
import type { EventRow } from '../../../../main/contract';
import { age } from '../../../../main/kube';
import { DetailPane, Facts } from '../../components/detail-pane/detail-pane';
import { useNow } from '../../components/live-view/use-now';
import { ResourceList, type ListHelpers } from '../../components/resource-list/resource-list';
import { eventColumns, EventObject, EventType } from './event-columns';
import { EventGroups } from './event-groups';
import './events.css';

const columns = () => eventColumns;

function EventDetail({ row, helpers }: { row: EventRow; helpers: ListHelpers }) {
  const now = useNow(1000);
  return (
    <DetailPane title={`Event ${row.reason}`} subtitle={`${row.namespace ?? 'cluster'} · last seen ${age(row.lastSeen ?? row.createdAt, now)} ago`} onClose={helpers.close}>
      <Facts
        items={[
          ['Type', <EventType key="t" type={row.type} />],
          ['About', <EventObject key="o" row={row} />],
          ['Message', row.message],
          ['Count', row.count],
          ['First seen', row.firstSeen ? `${age(row.firstSeen, now)} ago` : 'unknown'],
          ['Last seen', `${age(row.lastSeen ?? row.createdAt, now)} ago`],
          ['Source', row.source ?? 'unknown'],
          ['Name', <span key="n" className="code-inline">{row.name}</span>],
        ]}
      />
    </DetailPane>
  );
}

/** The cluster's events: newest first with warnings marked, or grouped by reason with counts. */
export function EventsPage() {
  const [grouped, setGrouped] = useState(false);
  const toggle = (
    <button type="button" className="button secondary" aria-pressed={grouped} onClick={() => setGrouped((g) => !g)}>
      {grouped ? 'Show every event' : 'Group similar events'}
    </button>
  );
  if (grouped) return <EventGroups toolbar={toggle} />;
  return (
    <ResourceList<EventRow>
      kind="events"
      title="Events"
      noun="events"
      namespaced
      columns={columns}
      initialSort={{ column: 'lastSeen', direction: 'desc' }}
      searchHint="reason, object, message…"
      rowClass={(r) => (r.type === 'Warning' ? 'row-problem' : undefined)}
      toolbar={toggle}
      renderDetail={(row, helpers) => <EventDetail key={row.uid} row={row} helpers={helpers} />}
    />
  );
}
