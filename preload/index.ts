import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { contract } from '../main/contract';
import type { Envelope } from '../main/contract/errors';

const CALL_CHANNEL = 'berth:call';
const EVENT_CHANNEL = 'berth:event';
const callNames = new Set(Object.keys(contract.calls));
const eventNames = new Set(Object.keys(contract.events));

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

// One IPC listener for all events; the page's callbacks never see Electron's event object.
ipcRenderer.on(EVENT_CHANNEL, (_event: IpcRendererEvent, name: string, payload: unknown) => {
  for (const listener of listeners.get(name) ?? []) listener(payload);
});

/**
 * The bridge, and nothing else: calls and events named in the contract. The renderer builds its
 * purpose-named API (`api.app.info(...)`) over this, the same way it does over the web host's
 * WebSocket. Envelopes (not thrown errors) cross, because contextBridge drops an Error's fields.
 */
const bridge = {
  call(channel: string, payload: unknown): Promise<Envelope<unknown>> {
    if (!callNames.has(channel)) {
      return Promise.resolve({ ok: false, error: { name: 'UnknownCall', code: 'unknown-call', message: `Unknown call: ${channel}` } });
    }
    return ipcRenderer.invoke(CALL_CHANNEL, channel, payload) as Promise<Envelope<unknown>>;
  },
  on(event: string, listener: Listener): () => void {
    if (!eventNames.has(event)) throw new Error(`Unknown event: ${event}`);
    const set = listeners.get(event) ?? new Set<Listener>();
    listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  },
};

export type BerthBridge = typeof bridge;
contextBridge.exposeInMainWorld('berthBridge', bridge);
