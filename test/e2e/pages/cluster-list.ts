import type { Locator, Page } from 'playwright-core';

/** A live list screen (Nodes, Pods, Services, a tab of Workloads...): filters, the data grid, the detail pane. */
export class ClusterList {
  constructor(
    readonly page: Page,
    /** The list's title: the grid's accessible name ("Pods", "Deployments"...). */
    readonly title: string,
  ) {}

  grid(): Locator {
    return this.page.getByRole('grid', { name: this.title });
  }

  /** Waits until the first list from main has arrived (the grid stops being aria-busy). */
  async loaded(): Promise<void> {
    await this.page.locator(`[role="grid"][aria-label="${this.title}"]:not([aria-busy])`).waitFor({ timeout: 15_000 });
  }

  /** Rows in the whole list per ARIA: aria-rowcount counts the header row too. */
  async rowCount(): Promise<number> {
    return Number(await this.grid().getAttribute('aria-rowcount')) - 1;
  }

  /** The data row whose first cell (the name) is exactly `name`. */
  row(name: string): Locator {
    return this.grid().locator('[role="row"]', { has: this.page.locator(`[role="gridcell"][aria-colindex="1"]`, { hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });
  }

  cell(name: string, column: number): Locator {
    return this.row(name).locator(`[role="gridcell"][aria-colindex="${column}"]`);
  }

  /** Names of the data rows rendered now, top to bottom (placeholders excluded). */
  async visibleNames(): Promise<string[]> {
    const rows = this.grid().locator('[role="rowgroup"]').nth(1).locator('[role="row"]:not(.dt-placeholder)');
    const entries = await rows.evaluateAll((els) =>
      els.map((el) => ({ index: Number(el.getAttribute('aria-rowindex')), name: el.querySelector('[aria-colindex="1"]')?.textContent ?? '' })),
    );
    return entries.sort((a, b) => a.index - b.index).map((e) => e.name);
  }

  columnHeader(name: string): Locator {
    return this.grid().getByRole('columnheader', { name, exact: true });
  }

  sortBy(name: string): Promise<void> {
    return this.columnHeader(name).getByRole('button').click();
  }

  selectorBox(): Locator {
    return this.page.getByRole('textbox', { name: 'Label selector' });
  }

  selectorError(): Locator {
    return this.page.getByTestId('selector-error');
  }

  /** Finds `name` with the search box and opens its detail pane. */
  async openDetail(name: string): Promise<Locator> {
    await this.loaded();
    await this.search().fill(name);
    await this.row(name).click();
    return this.detail();
  }

  search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search' });
  }

  count(): Locator {
    return this.page.getByTestId('list-count');
  }

  /** The row aria-activedescendant points at (keyboard focus within the grid). */
  async activeRowName(): Promise<string | null> {
    return this.grid().evaluate((grid) => {
      const id = grid.getAttribute('aria-activedescendant');
      return id ? (document.getElementById(id)?.textContent ?? null) : null;
    });
  }

  detail(): Locator {
    return this.page.getByTestId('detail-pane');
  }
}
