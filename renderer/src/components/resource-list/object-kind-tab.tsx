import type { ReactNode } from 'react';
import type { ObjectKind, ObjectUpdate, Row } from '../../../../main/contract';
import type { Column } from '../data-table/data-table';
import { ObjectDetail } from '../detail-pane/object-detail';
import type { KindTab } from '../kind-tabs/kind-tabs';
import { ResourceList } from './resource-list';

export interface ObjectKindTabOptions<R extends Row & { kind: ObjectKind }> {
  kind: R['kind'];
  /** Tab and list title, e.g. "PersistentVolumeClaims". */
  title: string;
  /** As Kubernetes names one: "PersistentVolumeClaim". */
  kindLabel: string;
  noun: string;
  namespaced: boolean;
  columns: readonly Column<R>[];
  searchHint: string;
  rowClass?: (row: R) => string | undefined;
  facts: (row: R) => [string, ReactNode][];
  /** The kind's own sections in the detail (rules, selected pods...). */
  sections?: (row: R, update: ObjectUpdate | null) => ReactNode;
}

/** A tab with a live list of one kind and its read-only detail: the shape of the Storage and Network screens. */
export function objectKindTab<R extends Row & { kind: ObjectKind }>(o: ObjectKindTabOptions<R>): KindTab {
  const { sections } = o;
  return {
    kind: o.kind,
    label: o.title,
    render: () => (
      <ResourceList<R>
        kind={o.kind}
        title={o.title}
        noun={o.noun}
        namespaced={o.namespaced}
        columns={() => o.columns}
        searchHint={o.searchHint}
        rowClass={o.rowClass}
        renderDetail={(row, helpers) => (
          <ObjectDetail key={row.uid} kind={o.kind} kindLabel={o.kindLabel} row={row} helpers={helpers} facts={() => o.facts(row)}>
            {sections ? (update) => sections(row, update) : undefined}
          </ObjectDetail>
        )}
      />
    ),
  };
}
