import type { Locator, Page } from 'playwright-core';
import { AppShell } from './app-shell';
import { ClusterList } from './cluster-list';

/** The Workloads screen: a tab per controller kind, each a live list with its detail pane. */
export class WorkloadsScreen {
  constructor(readonly page: Page) {}

  /** Goes to Workloads and picks a kind's tab ("Deployments", "CronJobs"...). */
  async openTab(plural: string): Promise<ClusterList> {
    await new AppShell(this.page).goTo('Workloads');
    await this.page.getByRole('tablist', { name: 'Workload kinds' }).getByRole('tab', { name: plural, exact: true }).click();
    const list = new ClusterList(this.page, plural);
    await list.loaded();
    return list;
  }

  /** Opens one object's detail from its tab, narrowing the list to it by search. */
  async openObject(plural: string, name: string): Promise<Locator> {
    const list = await this.openTab(plural);
    await list.search().fill(name);
    await list.row(name).click({ timeout: 15_000 });
    return list.detail();
  }

  detail(): Locator {
    return this.page.getByTestId('detail-pane');
  }

  rolloutProgress(): Locator {
    return this.detail().getByTestId('rollout-progress');
  }

  stuckBanner(): Locator {
    return this.detail().getByTestId('rollout-stuck');
  }

  revisionRow(revision: number): Locator {
    return this.detail().getByTestId('revisions').locator(`tr[data-revision="${revision}"]`);
  }

  /** "revision:ready/pods" for each ReplicaSet of the open deployment, newest first. */
  async revisionSnapshot(): Promise<string[]> {
    return this.detail()
      .getByTestId('revisions')
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-revision')}:${r.querySelectorAll('td')[2]?.textContent ?? ''}`));
  }

  action(name: string | RegExp): Locator {
    return this.detail().getByRole('button', { name, exact: typeof name === 'string' });
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }
}
