import type { Page } from 'playwright-core';

/** The Install screen: preflight and choices, the run with its steps and terminal, more machines, logs. */
export class InstallPage {
  constructor(readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { name: 'Install microk8s', level: 1 });
  }

  check(id: string) {
    return this.page.getByTestId(`check-${id}`);
  }

  cannotInstall() {
    return this.page.getByTestId('cannot-install');
  }

  channel() {
    return this.page.getByLabel('Channel');
  }

  addon(name: string) {
    return this.page.getByRole('checkbox', { name: new RegExp(`^${name}\\b`) });
  }

  mergeKubeconfig() {
    return this.page.getByRole('checkbox', { name: 'Add the cluster to ~/.kube/config' });
  }

  startButton(name: string | RegExp = 'Install microk8s') {
    return this.page.getByRole('button', { name, exact: typeof name === 'string' });
  }

  progress() {
    return this.page.getByRole('progressbar', { name: 'Progress' });
  }

  async progressPercent(): Promise<number> {
    return Number(await this.progress().getAttribute('aria-valuenow'));
  }

  runStatus() {
    return this.page.getByTestId('run-status');
  }

  step(id: string) {
    return this.page.getByTestId(`step-${id}`);
  }

  stepState(id: string) {
    return this.step(id).getAttribute('data-state');
  }

  stepButton(id: string) {
    return this.step(id).getByRole('button');
  }

  terminal(stepTitle?: string) {
    return stepTitle ? this.page.getByRole('region', { name: `Output of ${stepTitle}` }) : this.page.locator('.terminal-view');
  }

  /** What the terminal shows, row by row (xterm's DOM renderer). */
  async terminalText(): Promise<string> {
    return this.page.locator('.terminal-view .xterm-rows').innerText();
  }

  async terminalHasFocus(): Promise<boolean> {
    return this.page.evaluate(() => Boolean(document.activeElement?.closest('.terminal-view')));
  }

  passwordNotice() {
    return this.page.getByTestId('password-notice');
  }

  failed() {
    return this.page.getByTestId('run-failed');
  }

  cancelled() {
    return this.page.getByTestId('run-cancelled');
  }

  succeeded() {
    return this.page.getByTestId('run-succeeded');
  }

  button(name: string | RegExp) {
    return this.page.getByRole('button', { name, exact: typeof name === 'string' });
  }

  dialog(name?: string | RegExp) {
    return this.page.getByRole('dialog', name === undefined ? {} : { name });
  }

  logText() {
    return this.page.getByTestId('log-text');
  }

  /** Opens the "More machines" fold (a click on an already open <details> would close it again). */
  async openMoreMachines() {
    const heading = this.page.getByRole('heading', { name: 'More machines', exact: true });
    for (let attempt = 0; attempt < 5 && !(await heading.isVisible()); attempt++) {
      await this.page.getByText('More machines: add a node, join a cluster, reset or remove').click();
      await heading.waitFor({ timeout: 2_000 }).catch(() => undefined);
    }
    await heading.waitFor({ timeout: 5_000 });
  }

  async openLogs() {
    await this.page.getByText('Install logs', { exact: true }).click();
  }

  joinInput() {
    return this.page.getByLabel('Join command from the other machine');
  }

  joinAsWorker() {
    return this.page.getByRole('checkbox', { name: /Join as a worker/ });
  }
}
