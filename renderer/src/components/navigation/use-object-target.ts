import { useEffect, useEffectEvent } from 'react';
import type { ListKind } from '../../../../main/contract';
import { onObjectRequested, takeObjectTarget, type ObjectTarget } from './object-navigation';

/**
 * The object a link asked this list to show, if any: taken when the list mounts (the link
 * switched screens) and whenever a new request for one of `kinds` arrives while it is shown.
 * `onTarget` lets the list adjust its filters so the object is in view, and open it.
 */
export function useObjectTarget(kinds: readonly ListKind[], onTarget: (target: ObjectTarget) => void): void {
  const kindsKey = kinds.join(',');
  const handle = useEffectEvent(onTarget);
  useEffect(() => {
    const wanted = kindsKey.split(',') as ListKind[];
    const initial = takeObjectTarget(wanted);
    if (initial) handle(initial);
    return onObjectRequested((target) => {
      const taken = wanted.includes(target.kind) ? takeObjectTarget(wanted) : null;
      if (taken) handle(taken);
    });
  }, [kindsKey]);
}
