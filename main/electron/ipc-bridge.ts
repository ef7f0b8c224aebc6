import type { IpcMain, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import type { Backend } from '../app/backend';
import type { Envelope } from '../contract/errors';

export const CALL_CHANNEL = 'berth:call';
export const EVENT_CHANNEL = 'berth:event';

/** Only our own page's main frame may call: not a subframe, not a page we navigated to by mistake. */
export function isTrustedSender(frame: WebFrameMain | null, appUrl: string): boolean {
  return frame !== null && frame.parent === null && frame.url === appUrl;
}

/** Serves the contract over ipcMain: one client per web contents, events sent back to it alone. */
export function serveContractOverIpc(ipcMain: Pick<IpcMain, 'handle'>, backend: Backend, appUrl: string): void {
  const clients = new Map<number, ReturnType<Backend['hub']['connect']>>();

  const clientFor = (contents: WebContents) => {
    let entry = clients.get(contents.id);
    if (!entry) {
      entry = backend.hub.connect((event, payload) => {
        if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event, payload);
      });
      clients.set(contents.id, entry);
      const release = () => {
        clients.get(contents.id)?.close();
        clients.delete(contents.id);
      };
      contents.once('destroyed', release);
      // A reload starts a new page: what the old one subscribed to must go.
      contents.on('did-start-navigation', (details) => {
        if (details.isMainFrame && !details.isSameDocument) release();
      });
    }
    return entry.client;
  };

  ipcMain.handle(CALL_CHANNEL, async (event: IpcMainInvokeEvent, channel: unknown, payload: unknown): Promise<Envelope<unknown>> => {
    if (!isTrustedSender(event.senderFrame, appUrl)) {
      return { ok: false, error: { name: 'Forbidden', code: 'forbidden', message: 'Calls are only accepted from the Berth window.' } };
    }
    return backend.router.dispatch(channel, payload, { client: clientFor(event.sender) });
  });
}
