import type { BerthBridge } from '../../../preload/index';
import type { Transport } from './transport';

declare global {
  interface Window {
    berthBridge?: BerthBridge;
  }
}

/** The desktop app's transport: the preload's contextBridge API. Always open while the window is. */
export function ipcTransport(bridge: BerthBridge): Transport {
  return {
    kind: 'electron',
    call: (channel, payload) => bridge.call(channel, payload),
    on: (event, listener) => bridge.on(event, listener),
    onState: (listener) => {
      listener('open');
      return () => undefined;
    },
  };
}
