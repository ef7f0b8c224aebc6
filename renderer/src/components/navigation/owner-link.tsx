import '../selector-box/filters.css';
import { listKindOf, openObject } from './object-navigation';

export interface ObjectLinkProps {
  /** The Kubernetes kind ("ReplicaSet") and name of the object linked to. */
  owner: { kind: string; name: string };
  /** The namespace of the object linked to (an owner shares its dependent's namespace). */
  namespace?: string | undefined;
}

/**
 * "ReplicaSet web-7d9f": a link that opens the object in its list screen with its detail, or
 * plain text for kinds Berth has no list of.
 */
export function OwnerLink({ owner, namespace }: ObjectLinkProps) {
  const kind = listKindOf(owner.kind);
  if (!kind) {
    return (
      <span>
        {owner.kind} <strong>{owner.name}</strong>
      </span>
    );
  }
  return (
    <button type="button" className="link-button object-link" onClick={() => openObject({ kind, name: owner.name, ...(namespace ? { namespace } : {}) })} title={`Open ${owner.kind} ${owner.name}`}>
      {owner.kind} <strong>{owner.name}</strong>
    </button>
  );
}
