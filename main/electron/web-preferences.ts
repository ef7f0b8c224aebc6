import type { WebPreferences } from 'electron';

/**
 * Electron's security checklist, as webPreferences: the page gets no Node, runs sandboxed in an
 * isolated world, and reaches main only through the preload's bridge.
 * https://www.electronjs.org/docs/latest/tutorial/security
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}
