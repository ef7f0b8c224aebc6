import type { BrowserWindow, Dialog } from 'electron';

export interface CloseGuardDeps {
  window: Pick<BrowserWindow, 'on' | 'close'>;
  dialog: Pick<Dialog, 'showMessageBox'>;
  /** True while an install step is running. */
  isBusy: () => boolean;
}

/**
 * Closing the window mid-install asks first: quitting cancels the running step (its whole
 * process tree), which the person may not want while snap is halfway through a download.
 */
export function guardCloseDuringInstall(deps: CloseGuardDeps): void {
  let confirmed = false;
  deps.window.on('close', (event) => {
    if (confirmed || !deps.isBusy()) return;
    event.preventDefault();
    void deps.dialog
      .showMessageBox(deps.window as BrowserWindow, {
        type: 'warning',
        buttons: ['Keep installing', 'Cancel the install and close'],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
        message: 'An install is still running.',
        detail: 'Closing Berth now cancels the running step. You can run the wizard again later; finished steps are skipped.',
      })
      .then(({ response }) => {
        if (response !== 1) return;
        confirmed = true;
        deps.window.close();
      });
  });
}
