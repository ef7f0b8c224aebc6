import type { Page } from 'playwright-core';

export class HomePage {
  constructor(readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { name: 'Welcome to Berth' });
  }

  version() {
    return this.page.getByTestId('app-version');
  }

  transport() {
    return this.page.getByTestId('app-transport');
  }
}
