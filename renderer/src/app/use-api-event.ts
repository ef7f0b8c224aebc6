import { useEffect, useEffectEvent } from 'react';
import type { EventName, EventPayload } from '../../../main/contract';
import { api } from '../api';

/** Subscribes to one of the contract's event streams for the life of the component. */
export function useApiEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): void {
  const onEvent = useEffectEvent(listener);
  useEffect(() => api.on(event, (payload) => onEvent(payload)), [event]);
}
