import { pathToFileURL } from 'node:url';
import type * as Electron from 'electron';
import type { Backend } from '../app/backend';
import { connectAhead } from '../app/connect-ahead';
import { launchBackend } from '../app/launch-backend';
import { builtPaths } from '../app/paths';
import { serveContractOverIpc } from './ipc-bridge';
import { guardCloseDuringInstall } from './close-guard';
import { menuTemplate } from './menu';
import { applySecurityPolicy, isWebUrl } from './security';
import { secureWebPreferences } from './web-preferences';

type ElectronModule = Pick<typeof Electron, 'app' | 'BrowserWindow' | 'dialog' | 'ipcMain' | 'Menu' | 'session' | 'shell'>;

export interface ShellOptions {
  demo: boolean;
  kubeconfig?: string | undefined;
  context?: string | undefined;
}

/**
 * The desktop app: everything Electron-specific lives here and stays thin. Tests run it against a
 * stand-in `electron` module; the services behind it run in plain Node.
 */
export async function runDesktopShell(electron: ElectronModule, options: ShellOptions): Promise<{ backend: Backend } | null> {
  const { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } = electron;
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  const appUrl = pathToFileURL(builtPaths.rendererIndex).href;
  let window: Electron.BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  const openExternal = async (url: string) => {
    if (!isWebUrl(url)) return false;
    await shell.openExternal(url);
    return true;
  };
  applySecurityPolicy({ app, session: session.defaultSession, shell, appUrl });
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, app.getName(), (url) => void openExternal(url))));

  const backend = await launchBackend({
    transport: 'electron',
    dataDir: app.getPath('userData'),
    demo: options.demo,
    openExternal,
    kubeconfig: options.kubeconfig,
    context: options.context,
  });
  serveContractOverIpc(ipcMain, backend, appUrl);
  // The cluster connection is made while the window loads, so the first view waits only for its list.
  void connectAhead(backend);

  window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Berth',
    show: false,
    backgroundColor: '#14161a',
    webPreferences: secureWebPreferences(builtPaths.preload),
  });
  window.once('ready-to-show', () => window?.show());
  guardCloseDuringInstall({ window, dialog, isBusy: () => backend.isInstallerBusy() });
  window.on('closed', () => {
    window = null;
  });
  await window.loadURL(appUrl);
  app.on('before-quit', () => void backend.dispose());
  return { backend };
}
