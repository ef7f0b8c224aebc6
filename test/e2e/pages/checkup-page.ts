import type { Locator, Page } from 'playwright-core';

/** The Check-up screen: scores, areas, findings with their affected objects, export. */
export class CheckupPage {
  constructor(readonly page: Page) {}

  overall(): Locator {
    return this.page.getByTestId('checkup-overall');
  }

  /** The overall score as a number, once a report is on screen. */
  async overallScore(): Promise<number> {
    await this.overall().waitFor({ timeout: 30_000 });
    return Number(await this.overall().locator('.checkup-score-number').textContent());
  }

  areaScore(area: string): Locator {
    return this.page.getByTestId(`area-score-${area}`);
  }

  meta(): Locator {
    return this.page.getByTestId('checkup-meta');
  }

  finding(id: string): Locator {
    return this.page.getByTestId(`finding-${id}`);
  }

  /** Opens a finding's details (a folded <details>) by its summary line. */
  async expand(id: string): Promise<void> {
    const f = this.finding(id);
    if ((await f.getAttribute('open')) === null) await f.locator('summary').click();
  }

  affected(id: string): Locator {
    return this.finding(id).getByRole('list', { name: /^Affected by / });
  }

  objectLink(id: string, label: string): Locator {
    return this.affected(id).getByRole('button', { name: label, exact: true });
  }

  checkAgain(): Locator {
    return this.page.getByRole('button', { name: /^(Check again|Checking…)$/ });
  }

  exportButton(format: 'Markdown' | 'JSON'): Locator {
    return this.page.getByRole('button', { name: `Export ${format}` });
  }
}
