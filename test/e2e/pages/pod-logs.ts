import type { Locator, Page } from 'playwright-core';

/** The logs dialog of a pod or workload (features/logs). */
export class PodLogs {
  constructor(readonly page: Page) {}

  dialog(): Locator {
    return this.page.locator('dialog.io-dialog[open]');
  }

  view(): Locator {
    return this.dialog().getByRole('region', { name: /^Log lines of / });
  }

  /** Lines rendered now (the view is virtualised: only those on screen). */
  async shownLines(): Promise<string[]> {
    return this.view().locator('.log-line').evaluateAll((els) =>
      els
        .map((el) => ({ i: Number(el.getAttribute('data-index')), text: el.textContent ?? '' }))
        .sort((a, b) => a.i - b.i)
        .map((l) => l.text),
    );
  }

  status(): Locator {
    return this.dialog().getByTestId('logs-status');
  }

  async lineCount(): Promise<number> {
    const text = (await this.status().textContent()) ?? '';
    const m = /^([\d,]+) lines/.exec(text);
    return m ? Number(m[1]!.replace(/,/g, '')) : 0;
  }

  option(name: string): Locator {
    return this.dialog().getByRole('checkbox', { name });
  }

  search(): Locator {
    return this.dialog().getByRole('searchbox', { name: 'Search the logs' });
  }

  marks(): Locator {
    return this.view().locator('mark');
  }

  close(): Promise<void> {
    return this.dialog().getByRole('button', { name: 'Close' }).click();
  }
}
