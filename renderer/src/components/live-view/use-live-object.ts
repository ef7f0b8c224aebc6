import { useCallback, useEffect, useId, useState } from 'react';
import type { ObjectRef, ObjectUpdate } from '../../../../main/contract';
import { api } from '../../api';
import { useApiEvent } from '../../app/use-api-event';
import { useOnReconnect } from './use-on-reconnect';

// Subscription ids are per page; a random part keeps two windows on one host apart.
const PAGE = Math.random().toString(36).slice(2, 8);

/** One object, live: `cluster.openObject` while mounted, updates as `cluster.object` events. */
export function useLiveObject(ref: ObjectRef): { update: ObjectUpdate | null; error: string | null } {
  const key = `${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;
  const instance = useId().replace(/[^\w-]/g, '');
  const subscriptionId = `obj-${PAGE}-${instance}-${key}`.slice(0, 100);
  // Held with the subscription they belong to, so switching objects never shows the old one.
  const [held, setHeld] = useState<{ id: string; update: ObjectUpdate | null; error: string | null }>({ id: '', update: null, error: null });

  const open = useCallback(() => {
    const [kind, namespace, name] = key.split('/') as [ObjectRef['kind'], string, string];
    api.cluster
      .openObject({ subscriptionId, ref: { kind, name, ...(namespace ? { namespace } : {}) } })
      .catch((e: unknown) => setHeld({ id: subscriptionId, update: null, error: e instanceof Error ? e.message : String(e) }));
  }, [key, subscriptionId]);
  useOnReconnect(open);
  useEffect(() => {
    open();
    return () => {
      api.cluster.closeObject({ subscriptionId }).catch(() => undefined);
    };
  }, [subscriptionId, open]);

  useApiEvent('cluster.object', (u) => {
    if (u.subscriptionId === subscriptionId) setHeld({ id: subscriptionId, update: u, error: null });
  });
  return held.id === subscriptionId ? { update: held.update, error: held.error } : { update: null, error: null };
}
