import { EventEmitter } from 'node:events';

/**
 * A stand-in for the `electron` module, enough to run the shell in plain Node and observe what
 * it asks of Electron. Only tests import this file.
 */
export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | undefined;
  sent: Array<[string, ...unknown[]]> = [];
  destroyed = false;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]) {
    this.sent.push([channel, ...args]);
  }
  isDestroyed() {
    return this.destroyed;
  }
  /** Emits an event Electron would, returning whether a handler called preventDefault(). */
  fire(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}

export function createFakeElectron(options: { gotLock?: boolean } = {}) {
  const app = Object.assign(new EventEmitter(), {
    quitCalls: 0,
    requestSingleInstanceLock: () => options.gotLock ?? true,
    quit() {
      app.quitCalls++;
    },
    exit: () => undefined,
    whenReady: () => Promise.resolve(),
    getName: () => 'Berth',
    getPath: (_name: string) => '/tmp/berth-fake-user-data',
  });
  const permissionRequestHandlers: Array<(wc: unknown, permission: string, callback: (granted: boolean) => void) => void> = [];
  const permissionCheckHandlers: Array<() => boolean> = [];
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (h: (typeof permissionRequestHandlers)[number]) => permissionRequestHandlers.push(h),
      setPermissionCheckHandler: (h: () => boolean) => permissionCheckHandlers.push(h),
    },
  };
  const opened: string[] = [];
  const shell = { openExternal: async (url: string) => void opened.push(url) };
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const ipcMain = { handle: (channel: string, handler: (...args: unknown[]) => unknown) => handlers.set(channel, handler) };
  const windows: FakeBrowserWindow[] = [];
  class FakeBrowserWindow extends EventEmitter {
    readonly webContents = new FakeWebContents();
    loadedUrl: string | undefined;
    constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
      super();
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    closed = false;
    async loadURL(url: string) {
      this.loadedUrl = url;
    }
    /** Like BrowserWindow.close(): emits 'close', which a handler may prevent. */
    close() {
      let prevented = false;
      this.emit('close', { preventDefault: () => (prevented = true) });
      if (!prevented) this.closed = true;
    }
    isMinimized = () => false;
    restore = () => undefined;
    focus = () => undefined;
    show = () => undefined;
  }
  const dialogAnswers: number[] = [];
  const dialogsShown: Array<{ message: string; buttons: string[] }> = [];
  const dialog = {
    showMessageBox: async (_window: unknown, options: { message: string; buttons: string[] }) => {
      dialogsShown.push(options);
      return { response: dialogAnswers.shift() ?? 0, checkboxChecked: false };
    },
  };
  let menuTemplate: unknown;
  const Menu = {
    buildFromTemplate: (template: unknown) => template,
    setApplicationMenu: (menu: unknown) => {
      menuTemplate = menu;
    },
  };
  return {
    module: { app, session, shell, ipcMain, dialog, BrowserWindow: FakeBrowserWindow, Menu },
    /** Queue the button index the next message box answers with. */
    dialogAnswers,
    dialogsShown,
    app,
    opened,
    handlers,
    windows,
    permissionRequestHandlers,
    permissionCheckHandlers,
    menu: () => menuTemplate as Array<{ role?: string; submenu?: unknown }>,
  };
}
