import type { Envelope } from '../../../main/contract/errors';
import type { ServerFrame } from '../../../main/contract/wire';
import { decodeTerminalOutput } from './terminal-frame';
import type { ConnectionState, Transport } from './transport';

const RECONNECT_DELAYS_MS = [250, 500, 1000, 2000, 5000];

/**
 * The web host's transport: one WebSocket to `/api`, reconnecting with backoff if the host
 * restarts. Calls made while it is down wait for the next connection.
 */
export function websocketTransport(url: string): Transport {
  let socket: WebSocket | undefined;
  let state: ConnectionState = 'connecting';
  let nextId = 1;
  let attempt = 0;
  const pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  const queued: string[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const stateListeners = new Set<(state: ConnectionState) => void>();

  const setState = (next: ConnectionState) => {
    state = next;
    for (const listener of stateListeners) listener(next);
  };

  const connect = () => {
    socket = new WebSocket(url);
    // Terminal output comes in binary frames (see terminal-frame.ts); an ArrayBuffer is read in place.
    socket.binaryType = 'arraybuffer';
    socket.onopen = () => {
      attempt = 0;
      setState('open');
      for (const frame of queued.splice(0)) socket?.send(frame);
    };
    socket.onmessage = (message: MessageEvent<string | ArrayBuffer>) => {
      if (typeof message.data !== 'string') {
        const output = decodeTerminalOutput(message.data);
        if (output) for (const listener of listeners.get('terminal.output') ?? []) listener(output);
        else console.error('Berth: ignored a binary frame that is not terminal output');
        return;
      }
      const frame = JSON.parse(message.data) as ServerFrame;
      if (frame.type === 'result') {
        pending.get(frame.id)?.(frame.envelope);
        pending.delete(frame.id);
      } else {
        for (const listener of listeners.get(frame.event) ?? []) listener(frame.payload);
      }
    };
    socket.onclose = () => {
      setState('closed');
      // Calls in flight will never be answered by this connection.
      for (const [id, resolve] of pending) {
        resolve({ ok: false, error: { name: 'Disconnected', code: 'disconnected', message: 'The connection to Berth was lost. Try again.' } });
        pending.delete(id);
      }
      const delay = RECONNECT_DELAYS_MS[Math.min(attempt++, RECONNECT_DELAYS_MS.length - 1)];
      setTimeout(() => {
        setState('connecting');
        connect();
      }, delay);
    };
  };
  connect();

  return {
    kind: 'web',
    call(channel, payload) {
      const id = nextId++;
      const frame = JSON.stringify({ type: 'call', id, channel, payload });
      return new Promise((resolve) => {
        pending.set(id, resolve);
        if (state === 'open' && socket?.readyState === WebSocket.OPEN) socket.send(frame);
        else queued.push(frame);
      });
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    onState(listener) {
      stateListeners.add(listener);
      listener(state);
      return () => stateListeners.delete(listener);
    },
  };
}
