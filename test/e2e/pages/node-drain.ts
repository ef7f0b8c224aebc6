import type { Locator, Page } from 'playwright-core';
import { AppShell } from './app-shell';
import { ClusterList } from './cluster-list';

/** Draining a node from its detail on the Nodes screen: the confirmation, then the progress. */
export class NodeDrain {
  constructor(readonly page: Page) {}

  async openNode(name: string): Promise<ClusterList> {
    await new AppShell(this.page).goTo('Nodes');
    const nodes = new ClusterList(this.page, 'Nodes');
    await nodes.loaded();
    await nodes.row(name).click();
    return nodes;
  }

  confirmation(node: string): Locator {
    return this.page.getByRole('dialog', { name: `Drain node ${node}?` });
  }

  progress(): Locator {
    return this.page.getByTestId('detail-pane').getByTestId('drain-progress');
  }

  /** State of each pod in the progress table, by "namespace/name". */
  async podStates(): Promise<Record<string, string>> {
    const rows = this.progress().getByTestId('drain-pods').locator('tbody tr');
    const entries = await rows.evaluateAll((els) => els.map((el) => [el.querySelector('td')?.textContent ?? '', el.getAttribute('data-state') ?? ''] as const));
    return Object.fromEntries(entries);
  }
}
