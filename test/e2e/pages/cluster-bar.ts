import type { Page } from 'playwright-core';

/** The context switcher and connection state above every screen. */
export class ClusterBar {
  constructor(readonly page: Page) {}

  context() {
    return this.page.getByTestId('context-select');
  }

  state() {
    return this.page.getByTestId('cluster-state');
  }
}
