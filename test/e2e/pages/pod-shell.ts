import type { Locator, Page } from 'playwright-core';

/** The shell dialog of a pod (features/shell). */
export class PodShell {
  constructor(readonly page: Page) {}

  dialog(): Locator {
    return this.page.locator('dialog.io-dialog[open]');
  }

  terminal(): Locator {
    return this.dialog().getByRole('region', { name: /^Shell in / });
  }

  /** The terminal's screen as text (xterm's DOM rows). */
  async screen(): Promise<string> {
    return (await this.terminal().locator('.xterm-rows').innerText()).replace(/\u00a0/g, ' ');
  }

  status(): Locator {
    return this.dialog().getByRole('status');
  }

  problem(): Locator {
    return this.dialog().getByRole('alert');
  }

  close(): Promise<void> {
    return this.dialog().getByRole('button', { name: 'Close' }).click();
  }
}
