import type { OwnerLink as Owner } from '../../../../main/contract';
import { OwnerLink } from './owner-link';

/** The owner chain upwards, nearest first, each a link: "ReplicaSet web-7d9f ← Deployment web". */
export function OwnerChain({ owners, namespace }: { owners: readonly Pick<Owner, 'kind' | 'name' | 'namespace'>[]; namespace: string }) {
  if (owners.length === 0) return <span className="muted">nothing (not controlled by another object)</span>;
  return (
    <span className="owner-chain" data-testid="owner-chain">
      {owners.map((o, i) => (
        <span key={`${o.kind}/${o.name}`}>
          {i > 0 && <span aria-label="controlled by"> ← </span>}
          <OwnerLink owner={o} namespace={o.namespace ?? namespace} />
        </span>
      ))}
    </span>
  );
}
