import type { Page } from 'playwright-core';

/** The window around every screen: sidebar, status bar. */
export class AppShell {
  constructor(readonly page: Page) {}

  connectionState() {
    return this.page.getByTestId('connection-state');
  }

  hostStatus() {
    return this.page.getByTestId('host-status');
  }

  goTo(screen: string) {
    return this.page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: screen }).click();
  }
}
