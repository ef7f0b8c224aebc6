import { describe, expect, it } from 'vitest';
import { createFakeElectron } from './fake-electron';
import { CALL_CHANNEL } from './ipc-bridge';
import { runDesktopShell } from './shell';

type ElectronArg = Parameters<typeof runDesktopShell>[0];

async function startShell(options: { gotLock?: boolean } = {}) {
  const fake = createFakeElectron(options);
  const result = await runDesktopShell(fake.module as unknown as ElectronArg, { demo: false });
  return { fake, result };
}

describe('desktop shell (against a stand-in electron module)', () => {
  it('opens one window with the security checklist in webPreferences', async () => {
    const { fake, result } = await startShell();
    expect(fake.windows).toHaveLength(1);
    const prefs = fake.windows[0]!.options.webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(String(prefs.preload)).toMatch(/out\/preload\/index\.js$/);
    expect(fake.windows[0]!.loadedUrl).toMatch(/^file:\/\/.*\/out\/renderer\/index\.html$/);
    await result?.backend.dispose();
  });

  it('quits at once when another instance holds the single-instance lock', async () => {
    const { fake, result } = await startShell({ gotLock: false });
    expect(result).toBeNull();
    expect(fake.app.quitCalls).toBe(1);
    expect(fake.windows).toHaveLength(0);
  });

  it('blocks navigation away from the app and opens only http(s) links outside', async () => {
    const { fake, result } = await startShell();
    const contents = fake.windows[0]!.webContents;
    const appUrl = fake.windows[0]!.loadedUrl!;
    expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.fire('will-navigate', appUrl)).toBe(false);
    expect(contents.fire('will-attach-webview')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://kubernetes.io/docs/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(fake.opened).toEqual(['https://kubernetes.io/docs/']);
    await result?.backend.dispose();
  });

  it('denies every permission request and check', async () => {
    const { fake, result } = await startShell();
    expect(fake.permissionRequestHandlers).toHaveLength(1);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      let granted: boolean | undefined;
      fake.permissionRequestHandlers[0]!({}, permission, (g) => (granted = g));
      expect(granted).toBe(false);
    }
    expect(fake.permissionCheckHandlers[0]!()).toBe(false);
    await result?.backend.dispose();
  });

  it('installs the usual application menu built from roles', async () => {
    const { fake, result } = await startShell();
    const roles = fake.menu().map((item) => item.role);
    expect(roles).toEqual(expect.arrayContaining(['fileMenu', 'editMenu', 'viewMenu', 'windowMenu', 'help']));
    await result?.backend.dispose();
  });

  it('answers contract calls from its own main frame only', async () => {
    const { fake, result } = await startShell();
    const window = fake.windows[0]!;
    const handler = fake.handlers.get(CALL_CHANNEL)!;
    const ownFrame = { parent: null, url: window.loadedUrl };
    const call = (frame: unknown, channel: unknown, payload: unknown) =>
      handler({ senderFrame: frame, sender: window.webContents }, channel, payload) as Promise<{ ok: boolean; value?: unknown; error?: { code?: string } }>;

    const ok = await call(ownFrame, 'app.info', {});
    expect(ok).toMatchObject({ ok: true, value: { name: 'Berth', transport: 'electron' } });
    expect((await call({ parent: ownFrame, url: window.loadedUrl }, 'app.info', {})).error?.code).toBe('forbidden');
    expect((await call({ parent: null, url: 'https://evil.example/' }, 'app.info', {})).error?.code).toBe('forbidden');
    expect((await call(null, 'app.info', {})).error?.code).toBe('forbidden');
    expect((await call(ownFrame, 'app.info', { extra: 1 })).error?.code).toBe('invalid-request');
    await result?.backend.dispose();
  });

  it('asks before closing the window while an install runs, and closes only when told to', async () => {
    const { fake, result } = await startShell();
    const window = fake.windows[0]!;
    let busy = true;
    result!.backend.isInstallerBusy = () => busy;
    fake.dialogAnswers.push(0); // "Keep installing"
    window.close();
    await new Promise((r) => setTimeout(r, 0));
    expect(window.closed).toBe(false);
    expect(fake.dialogsShown[0]?.message).toBe('An install is still running.');
    fake.dialogAnswers.push(1); // "Cancel the install and close"
    window.close();
    await new Promise((r) => setTimeout(r, 0));
    expect(window.closed).toBe(true);
    // Not busy: closes without asking.
    const second = await startShell();
    busy = false;
    second.result!.backend.isInstallerBusy = () => busy;
    second.fake.windows[0]!.close();
    expect(second.fake.windows[0]!.closed).toBe(true);
    expect(second.fake.dialogsShown).toHaveLength(0);
    await result?.backend.dispose();
    await second.result?.backend.dispose();
  });
});
