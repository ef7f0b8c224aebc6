import { useEffect, useState } from 'react';
import { transport } from '../api';
import type { ConnectionState } from '../api/transport';

/** Whether the page can reach Berth's main side right now. */
export function useConnectionState(): ConnectionState {
  const [state, setState] = useState<ConnectionState>('connecting');
  useEffect(() => transport.onState(setState), []);
  return state;
}
