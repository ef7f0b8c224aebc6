import { createApi } from './create-api';
import { ipcTransport } from './ipc-transport';
import type { Transport } from './transport';
import { websocketTransport } from './websocket-transport';

function pickTransport(): Transport {
  if (window.berthBridge) return ipcTransport(window.berthBridge);
  // Web host: the page was opened as /?token=...; the host answered with an HttpOnly cookie that
  // the WebSocket sends along, so the token can leave the address bar (and screenshots, history).
  if (new URLSearchParams(window.location.search).has('token')) window.history.replaceState(null, '', window.location.pathname);
  return websocketTransport(`ws://${window.location.host}/api`);
}

export const transport = pickTransport();
export const api = createApi(transport);
export { ApiError } from './api-error';
