import type { ReactNode } from 'react';
import type { ObjectKind, ObjectUpdate } from '../../../../main/contract';
import { age } from '../../../../main/kube';
import { useLiveObject } from '../live-view/use-live-object';
import { useNow } from '../live-view/use-now';
import type { ListHelpers } from '../resource-list/resource-list';
import { DetailPane, Facts } from './detail-pane';
import { EventsSection, MetaSections, ObjectState, YamlSection } from './object-meta';

export interface ObjectDetailProps {
  kind: ObjectKind;
  /** "PersistentVolumeClaim" */
  kindLabel: string;
  row: { name: string; namespace?: string | undefined; createdAt?: string | undefined };
  helpers: ListHelpers;
  facts: (update: ObjectUpdate | null, now: number) => [string, ReactNode][];
  /** Sections between the facts and the labels (rules, selected pods...). */
  children?: (update: ObjectUpdate | null, now: number) => ReactNode;
}

/** The detail pane of an object without operations: live facts, the kind's own sections, labels, events and YAML. */
export function ObjectDetail({ kind, kindLabel, row, helpers, facts, children }: ObjectDetailProps) {
  const { update, error } = useLiveObject({ kind, name: row.name, ...(row.namespace ? { namespace: row.namespace } : {}) });
  const now = useNow(1000);
  return (
    <DetailPane title={`${kindLabel} ${row.name}`} subtitle={`${row.namespace ? `${row.namespace} · ` : ''}${age(row.createdAt, now)} old`} onClose={helpers.close}>
      <ObjectState update={update} error={error} />
      <Facts items={facts(update, now)} />
      {children?.(update, now)}
      <MetaSections object={update?.object ?? null} onPickLabel={helpers.pickLabel} />
      <EventsSection events={update?.events ?? []} now={now} />
      <YamlSection update={update} />
    </DetailPane>
  );
}
