import { randomUUID } from 'node:crypto';
import type { EventName, EventPayload } from '../contract';
import type { Client } from './router';

export type Send = (event: EventName, payload: unknown) => void;

/** The renderers connected right now, whatever their transport. */
export class ClientHub {
  private readonly clients = new Map<string, { client: Client; cleanups: Array<() => void> }>();

  /** Registers a client; the transport calls the returned `close` when the connection ends. */
  connect(send: Send): { client: Client; close: () => void } {
    const id = randomUUID();
    const cleanups: Array<() => void> = [];
    const client: Client = {
      id,
      emit: (event, payload) => send(event, payload),
      onClose: (cleanup) => cleanups.push(cleanup),
    };
    this.clients.set(id, { client, cleanups });
    const close = () => {
      const entry = this.clients.get(id);
      if (!entry) return;
      this.clients.delete(id);
      for (const cleanup of entry.cleanups.splice(0)) {
        try {
          cleanup();
        } catch (error) {
          console.error('client cleanup failed:', error);
        }
      }
    };
    return { client, close };
  }

  broadcast<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const { client } of this.clients.values()) client.emit(event, payload);
  }

  get size(): number {
    return this.clients.size;
  }
}
