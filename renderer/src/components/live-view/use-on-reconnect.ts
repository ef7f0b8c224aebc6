import { useEffect, useEffectEvent } from 'react';
import { transport } from '../../api';

/**
 * Runs `callback` when the link to Berth's main side comes back after dropping (the web host
 * restarted or the socket closed): main forgot this page's views then, so they must be reopened.
 */
export function useOnReconnect(callback: () => void): void {
  const onReconnect = useEffectEvent(callback);
  useEffect(() => {
    let dropped = false;
    return transport.onState((state) => {
      if (state === 'closed') dropped = true;
      else if (state === 'open' && dropped) {
        dropped = false;
        onReconnect();
      }
    });
  }, []);
}
