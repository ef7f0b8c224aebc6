import type { Envelope } from '../../../main/contract/errors';

export type ConnectionState = 'connecting' | 'open' | 'closed';

/** How the renderer reaches main; the rest of the renderer never knows which one it has. */
export interface Transport {
  readonly kind: 'electron' | 'web';
  call(channel: string, payload: unknown): Promise<Envelope<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  onState(listener: (state: ConnectionState) => void): () => void;
}
