import type { EventRow, ObjectUpdate } from '../../../../main/contract';
import { age } from '../../../../main/kube';
import { LabelChips } from '../label-chips/label-chips';
import { listKindOf } from '../navigation/object-navigation';
import { OwnerLink } from '../navigation/owner-link';
import { DetailSection, YamlView } from './detail-pane';
import { DetailTable } from './detail-table';

interface Meta {
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: { kind: string; name: string; controller?: boolean }[];
}

export function metaOf(object: Record<string, unknown> | null | undefined): Meta {
  return ((object?.metadata as Meta | undefined) ?? {}) as Meta;
}

/**
 * Labels (chips that add to the selector), annotations and owners of any object. Details that
 * show the whole owner chain in their facts (pods, workloads) leave the owners out here.
 */
export function MetaSections({
  object,
  onPickLabel,
  showOwners = true,
}: {
  object: Record<string, unknown> | null;
  onPickLabel?: ((key: string, value: string) => void) | undefined;
  showOwners?: boolean;
}) {
  const meta = metaOf(object);
  const annotations = Object.entries(meta.annotations ?? {});
  return (
    <>
      <DetailSection title="Labels">
        <LabelChips labels={meta.labels ?? {}} onPick={onPickLabel} />
      </DetailSection>
      {showOwners && meta.ownerReferences && meta.ownerReferences.length > 0 && (
        <DetailSection title="Owner">
          <ul className="plain-list">
            {meta.ownerReferences.map((o) => (
              <li key={`${o.kind}/${o.name}`}>
                <OwnerLink owner={o} namespace={meta.namespace} />
                {o.controller ? <span className="muted"> (controller)</span> : null}
              </li>
            ))}
          </ul>
        </DetailSection>
      )}
      <DetailSection title="Annotations">
        {annotations.length === 0 ? (
          <span className="muted">none</span>
        ) : (
          <dl className="detail-facts">
            {annotations.map(([k, v]) => (
              <div key={k} className="detail-fact">
                <dt className="code-inline">{k}</dt>
                <dd className="code-inline">{v.length > 300 ? `${v.slice(0, 300)}… (${v.length} characters; full text in YAML)` : v}</dd>
              </div>
            ))}
          </dl>
        )}
      </DetailSection>
    </>
  );
}

/** Events about the object, newest first; warnings say so in words. */
export function EventsSection({ events, now, title = 'Events', showObject = false }: { events: EventRow[]; now: number; title?: string; showObject?: boolean }) {
  return (
    <DetailSection title={title}>
      {events.length === 0 ? (
        <span className="muted">No recent events.</span>
      ) : (
        <DetailTable headers={showObject ? ['Type', 'Object', 'Reason', 'Age', 'Message'] : ['Type', 'Reason', 'Age', 'Message']}>
          {events.map((e) => (
            <tr key={e.uid}>
              <td className={e.type === 'Warning' ? 'status-problem nowrap' : 'nowrap'}>{e.type === 'Warning' ? '⚠ Warning' : e.type}</td>
              {showObject && (
                <td>
                  {e.namespace ? `${e.namespace}/` : ''}
                  {e.involved && listKindOf(e.involved.kind) ? <OwnerLink owner={e.involved} namespace={e.involved.namespace} /> : e.object}
                </td>
              )}
              <td>{e.reason}</td>
              <td className="nowrap">
                {age(e.lastSeen ?? e.createdAt, now)}
                {e.count > 1 ? ` (×${e.count})` : ''}
              </td>
              <td>{e.message}</td>
            </tr>
          ))}
        </DetailTable>
      )}
    </DetailSection>
  );
}

/** Loading, gone and error states every detail pane shares, then the YAML at the end. */
export function ObjectState({ update, error }: { update: ObjectUpdate | null; error: string | null }) {
  if (error) return <p role="alert" className="error">{error}</p>;
  if (!update) return <p className="muted">Loading…</p>;
  if (!update.exists) return <p className="status-terminating" role="status">This object is gone from the cluster.</p>;
  return null;
}

export function YamlSection({ update }: { update: ObjectUpdate | null }) {
  if (!update?.yaml) return null;
  return (
    <DetailSection title="YAML">
      <YamlView yaml={update.yaml} />
    </DetailSection>
  );
}
