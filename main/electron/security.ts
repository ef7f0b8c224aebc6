import type { App, Session, Shell, WebContents } from 'electron';

export interface SecurityDeps {
  app: Pick<App, 'on'>;
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;
  shell: Pick<Shell, 'openExternal'>;
  /** The one URL our windows may show. */
  appUrl: string;
}

export const isWebUrl = (url: string): boolean => {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
};

/**
 * Locks down every web contents Berth creates: no navigation away from the app, no new windows
 * (http/https links go to the system browser instead), no <webview>, every permission refused.
 * https://www.electronjs.org/docs/latest/tutorial/security#13-disable-or-limit-navigation
 */
export function applySecurityPolicy(deps: SecurityDeps): void {
  deps.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  deps.session.setPermissionCheckHandler(() => false);
  deps.app.on('web-contents-created', (_event: unknown, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (url !== deps.appUrl) event.preventDefault();
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isWebUrl(url)) void deps.shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}
