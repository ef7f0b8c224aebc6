import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstallRun, InstallStep, PreflightResult } from '../../main/contract';
import { AppShell } from './pages/app-shell';
import { InstallPage } from './pages/install-page';
import { ScriptedMain } from './pages/install-scripted-main';
import { launchChromium } from './support/browser';
import { startWebHostProcess, type RunningWebHost } from './support/web-host-process';

// The install screen against a scripted main (see ScriptedMain): every state a person can meet,
// deterministic and fast. install.e2e.ts runs the real installer against the stand-in tools.

const PREFLIGHT: PreflightResult = {
  checks: [
    { id: 'os', title: 'Linux', status: 'pass', detail: 'Ubuntu 24.04' },
    { id: 'snapd', title: 'snapd', status: 'pass', detail: 'snapd 2.66 is running' },
    { id: 'memory', title: 'Memory', status: 'warn', detail: '1.5 GB free', fix: 'Close other programs; microk8s wants 2 GB.' },
  ],
  canInstall: true,
  existing: { installed: false },
  channels: [{ name: '1.32/stable', version: 'v1.32.3' }, { name: '1.31/stable', version: 'v1.31.7' }, { name: 'latest/edge' }],
  defaultChannel: '1.32/stable',
  addons: [
    { name: 'dns', description: 'CoreDNS', recommended: true },
    { name: 'dashboard', description: 'The Kubernetes dashboard', recommended: true },
    { name: 'ingress', description: 'Ingress controller for external access', recommended: true },
    { name: 'metallb', description: 'Loadbalancer for your Kubernetes cluster', recommended: false },
  ],
};

const step = (id: string, title: string, state: InstallStep['state'], extra: Partial<InstallStep> = {}): InstallStep => ({
  id,
  title,
  command: `run ${id}`,
  state,
  ...extra,
});

function installRun(steps: InstallStep[], extra: Partial<InstallRun> = {}): InstallRun {
  return { runId: 'run-1', kind: 'install', state: 'running', steps, startedAt: Date.now() - 5_000, notices: [], ...extra };
}

const clusterViewRegistered = readFileSync('renderer/src/app/screens.ts', 'utf8').includes("'overview'");

describe('install screen (scripted main)', () => {
  let host: RunningWebHost;
  let browser: Browser;

  beforeAll(async () => {
    host = await startWebHostProcess();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  async function open(main: ScriptedMain): Promise<{ page: Page; install: InstallPage; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await main.install(page);
    await page.goto(host.url);
    await new AppShell(page).goTo('Install');
    const install = new InstallPage(page);
    await install.heading().waitFor();
    return { page, install, errors };
  }

  it('shows each check in words, starts with the chosen channel and addons, and follows the run to the end', async () => {
    const main = new ScriptedMain(PREFLIGHT);
    main.answer('installer.start', () => installRun([step('snap', 'Install the microk8s snap', 'pending'), step('addons', 'Enable addons', 'pending')]));
    const { page, install, errors } = await open(main);

    await expect.poll(() => install.check('memory').textContent()).toContain('Warning');
    expect(await install.check('memory').textContent()).toContain('What to do: Close other programs');
    expect(await install.check('os').textContent()).toContain('Pass');
    expect(await install.channel().inputValue()).toBe('1.32/stable');
    for (const name of ['dns', 'dashboard', 'ingress']) expect(await install.addon(name).isChecked()).toBe(true);
    expect(await install.addon('metallb').isChecked()).toBe(false);
    expect(await install.mergeKubeconfig().isChecked()).toBe(true);

    await install.channel().selectOption('1.31/stable');
    await install.addon('metallb').check();
    await install.addon('dashboard').uncheck();
    await install.startButton().click();
    await expect.poll(() => main.callsTo('installer.start')).toEqual([
      { channel: '1.31/stable', addons: ['dns', 'ingress', 'metallb'], mergeKubeconfig: true, reinstall: false },
    ]);

    // The first step runs and sudo asks for the password.
    main.setRun(
      installRun([step('snap', 'Install the microk8s snap', 'running', { sessionId: 'sess-snap', startedAt: Date.now() - 2_000 }), step('addons', 'Enable addons', 'pending')]),
    );
    await install.terminal('Install the microk8s snap').waitFor();
    expect(await install.stepState('snap')).toBe('running');
    // The terminal tells main its size (fitted to the panel), so progress bars draw to the right width.
    await expect
      .poll(() => main.callsTo('terminal.resize').filter((p) => p.sessionId === 'sess-snap' && Number(p.cols) > 40 && Number(p.rows) > 5).length)
      .toBeGreaterThan(0);
    expect(await install.step('snap').textContent()).toMatch(/Running.*Install the microk8s snap.*\ds/);
    await expect.poll(() => install.progressPercent()).toBe(25);
    expect(await install.runStatus().textContent()).toBe('Step 1 of 2: Install the microk8s snap, running.');

    const prompt = '$ sudo snap install microk8s --classic --channel=1.31/stable\r\n\x1b[1m[sudo] password for ann: \x1b[0m';
    const installed = '\r\n\x1b[32mmicrok8s (1.31/stable) v1.31.7 from Canonical✓ installed\x1b[0m\r\n';
    main.output('sess-snap', prompt);
    await install.passwordNotice().waitFor();
    expect(await install.passwordNotice().textContent()).toBe('Type your password in the terminal and press Enter. Berth never stores it.');
    await expect.poll(() => install.terminalHasFocus()).toBe(true);
    await page.keyboard.type('hunter2');
    await page.keyboard.press('Enter');
    await expect.poll(() => main.typed('sess-snap')).toBe('hunter2\r');
    // Tab leaves the terminal (no keyboard trap) and is not sent to the process.
    await page.keyboard.press('Tab');
    expect(await install.terminalHasFocus()).toBe(false);
    expect(main.typed('sess-snap')).toBe('hunter2\r');
    main.output('sess-snap', installed);
    await expect.poll(() => install.terminalText()).toContain('microk8s (1.31/stable) v1.31.7 from Canonical✓ installed');
    await install.passwordNotice().waitFor({ state: 'detached' });
    // The colour reached xterm as a colour, not as text.
    expect(await install.terminalText()).not.toContain('[32m');

    // Elapsed time ticks for the running step.
    const before = await install.step('snap').locator('.step-elapsed').textContent();
    await expect.poll(() => install.step('snap').locator('.step-elapsed').textContent(), { timeout: 3_000 }).not.toBe(before);

    main.setRun(
      installRun(
        [
          step('snap', 'Install the microk8s snap', 'succeeded', { sessionId: 'sess-snap', startedAt: Date.now() - 9_000, endedAt: Date.now() - 1_000 }),
          step('addons', 'Enable addons', 'succeeded', { sessionId: 'sess-addons', startedAt: Date.now() - 1_000, endedAt: Date.now() }),
        ],
        {
          state: 'succeeded',
          endedAt: Date.now(),
          context: 'microk8s',
          notices: ['You were added to the microk8s group. Log out and back in before you use microk8s in your own terminals.'],
          dashboard: { url: 'https://127.0.0.1:10443', token: 'eyJhbGciOiJSUzI1NiJ9.secret' },
        },
      ),
    );
    await install.succeeded().waitFor();
    expect(await install.progressPercent()).toBe(100);
    expect(await install.succeeded().textContent()).toContain('Log out and back in');
    expect(await install.succeeded().textContent()).toContain('microk8s');
    expect(await page.getByTestId('dashboard-token').textContent()).not.toContain('secret');
    await install.button('Show').click();
    expect(await page.getByTestId('dashboard-token').textContent()).toBe('eyJhbGciOiJSUzI1NiJ9.secret');
    expect(await install.button('Open cluster view').count()).toBe(clusterViewRegistered ? 1 : 0);
    await install.button('Copy dashboard token').click();
    await install.succeeded().getByText('Copied').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('eyJhbGciOiJSUzI1NiJ9.secret');
    main.answer('installer.stopDashboardProxy', () => ({ stopped: true }));
    await install.button('Stop dashboard proxy').click();
    await page.getByText('The dashboard proxy is stopped.').waitFor();
    expect(main.callsTo('installer.stopDashboardProxy')).toEqual([{ runId: 'run-1' }]);

    // Every byte the page received was acknowledged once xterm parsed it.
    await expect.poll(() => main.acked('sess-snap')).toBe(Buffer.byteLength(prompt + installed));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says why it cannot install and what the supported route is', async () => {
    const main = new ScriptedMain({
      ...PREFLIGHT,
      canInstall: false,
      checks: [{ id: 'snapd', title: 'snapd', status: 'fail', detail: 'snapd is not running (WSL without systemd).', fix: 'Set [boot] systemd=true in /etc/wsl.conf.' }],
    });
    const { page, install } = await open(main);
    await install.cannotInstall().waitFor();
    expect(await install.check('snapd').textContent()).toMatch(/Fail.*snapd is not running/);
    expect(await install.cannotInstall().textContent()).toContain('/etc/wsl.conf');
    expect(await install.cannotInstall().textContent()).toContain('install-alternatives');
    expect(await install.startButton().count()).toBe(0);
    // Fixed it: check again.
    main.preflight = PREFLIGHT;
    await install.button('Check again').click();
    await install.startButton().waitFor();
    expect(await install.cannotInstall().count()).toBe(0);
    await page.close();
  });

  it('offers connect, more addons or reinstall for an existing microk8s, and confirms the reinstall', async () => {
    const main = new ScriptedMain({
      ...PREFLIGHT,
      existing: { installed: true, version: 'v1.30.4', channel: '1.30/stable', running: true },
      addons: PREFLIGHT.addons.map((a) => (a.name === 'dns' ? { ...a, enabled: true } : a)),
    });
    main.answer('installer.start', () => installRun([step('wait', 'Wait for microk8s', 'pending')]));
    const { page, install } = await open(main);
    await page.getByRole('radio', { name: /Connect Berth to it/ }).waitFor();
    expect(await page.getByRole('radio', { name: /Connect Berth to it/ }).isChecked()).toBe(true);
    expect(await install.channel().count()).toBe(0);

    await page.getByRole('radio', { name: /Enable more addons/ }).check();
    expect(await install.addon('dns').isDisabled()).toBe(true);
    await page.getByRole('radio', { name: /Remove it and install again/ }).check();
    await install.startButton('Reinstall microk8s').click();
    const dialog = install.dialog('Remove microk8s and install it again?');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('all workloads, addons and cluster data on this machine');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(main.callsTo('installer.start')).toEqual([]);

    await page.getByRole('radio', { name: /Connect Berth to it/ }).check();
    await install.startButton('Connect').click();
    await expect.poll(() => main.callsTo('installer.start')).toEqual([{ channel: '1.30/stable', addons: [], mergeKubeconfig: true, reinstall: false }]);
    await page.close();
  });

  it('on a failure shows what happened and what to do, retries, opens the log, and cancels only after confirming', async () => {
    const failedRun = installRun(
      [
        step('snap', 'Install the microk8s snap', 'failed', {
          sessionId: 'sess-fail',
          startedAt: Date.now() - 4_000,
          endedAt: Date.now(),
          exitCode: 1,
          reason: 'The snap store could not be reached.',
          hint: 'Check the network connection, then retry.',
        }),
        step('addons', 'Enable addons', 'pending'),
      ],
      { state: 'failed' },
    );
    const main = new ScriptedMain(PREFLIGHT, failedRun);
    main.output('sess-fail', 'error: cannot install "microk8s": persistent network error\r\n');
    const logText = '\x1b[31merror: cannot install "microk8s"\x1b[0m\r\n';
    main.answer('installer.readLog', () => ({ text: logText, start: 0, size: logText.length }));
    main.answer('installer.retry', () => ({ ...failedRun, state: 'running' }));
    main.answer('installer.cancel', () => ({ ...failedRun, state: 'cancelled' }));
    const { page, install } = await open(main);

    // A reloaded page picks the run up, with the failed step's earlier output (replay).
    await install.failed().waitFor();
    expect(await install.failed().textContent()).toContain('The snap store could not be reached.');
    expect(await install.failed().textContent()).toContain('What to do: Check the network connection, then retry.');
    await expect.poll(() => install.terminalText()).toContain('persistent network error');

    await install.button('Open log').click();
    await install.logText().waitFor();
    expect(await install.logText().textContent()).toBe('error: cannot install "microk8s"\n');
    await page.keyboard.press('Escape');
    await install.dialog('Log of this run').waitFor({ state: 'hidden' });

    await install.button('Retry').click();
    await expect.poll(() => main.callsTo('installer.retry')).toEqual([{ runId: 'run-1' }]);
    main.setRun(installRun([step('snap', 'Install the microk8s snap', 'running', { sessionId: 'sess-2', startedAt: Date.now() }), step('addons', 'Enable addons', 'pending')]));
    await install.button('Cancel').click();
    const confirm = install.dialog('Cancel the install?');
    await confirm.waitFor();
    await install.button('Keep going').click();
    await confirm.waitFor({ state: 'hidden' });
    expect(main.callsTo('installer.cancel')).toEqual([]);
    await install.button('Cancel').click();
    await install.button('Cancel the install').click();
    await expect.poll(() => main.callsTo('installer.cancel')).toEqual([{ runId: 'run-1' }]);
    main.setRun(installRun([step('snap', 'Install the microk8s snap', 'cancelled', { sessionId: 'sess-2' }), step('addons', 'Enable addons', 'pending')], { state: 'cancelled' }));
    await install.cancelled().waitFor();
    expect(await install.stepState('snap')).toBe('cancelled');
    await page.close();
  });

  it('opens a long log at its end, says how much shows, and adds the earlier part on request', async () => {
    const failedRun = installRun([step('snap', 'Install the microk8s snap', 'failed', { sessionId: 'sess-long', startedAt: Date.now() - 4_000, endedAt: Date.now(), exitCode: 1, reason: 'It failed.', hint: 'Retry.' })], { state: 'failed' });
    const main = new ScriptedMain(PREFLIGHT, failedRun);
    // Main answers a part at a time from the end; here a 3 MiB log in three parts.
    const MiB = 1024 * 1024;
    const lines = (end: number) => Array.from({ length: 100 }, (_, i) => `part ending at ${end / MiB} MiB, line ${i}\n`).join('');
    main.answer('installer.readLog', ({ before }) => {
      const end = typeof before === 'number' ? before : 3 * MiB;
      return { text: lines(end), start: end - MiB, size: 3 * MiB };
    });
    const { install } = await open(main);
    await install.failed().waitFor();
    await install.button('Open log').click();
    await install.logText().waitFor();
    expect(await install.logText().textContent()).toBe(lines(3 * MiB));
    const dialog = install.dialog('Log of this run');
    expect(await dialog.textContent()).toContain('Showing the last 1 MiB of 3 MiB.');

    // The person reads somewhere in the middle; the earlier part goes above without moving it.
    const box = install.logText();
    await box.evaluate((el) => (el.scrollTop = 500));
    const fromBottom = () => box.evaluate((el) => el.scrollHeight - el.scrollTop);
    const before = await fromBottom();
    await install.button('Show earlier').click();
    await expect.poll(() => box.textContent()).toBe(lines(2 * MiB) + lines(3 * MiB));
    expect(await fromBottom()).toBe(before);
    expect(await box.evaluate((el) => el.scrollTop)).toBeGreaterThan(500);
    expect(await dialog.textContent()).toContain('Showing the last 2 MiB of 3 MiB.');
    await install.button('Show earlier').click();
    await expect.poll(() => box.textContent()).toBe(lines(MiB) + lines(2 * MiB) + lines(3 * MiB));
    // The whole log is in: no more offer.
    await install.button('Show earlier').waitFor({ state: 'detached' });
    expect(main.callsTo('installer.readLog')).toEqual([{ runId: 'run-1' }, { runId: 'run-1', before: 2 * MiB }, { runId: 'run-1', before: MiB }]);
  });

  it('offers microk8s inspect when microk8s never became ready, and shows it like a step', async () => {
    const steps = [
      step('snap-install', 'Install the microk8s snap', 'succeeded', { sessionId: 'sess-snap', startedAt: Date.now() - 9_000, endedAt: Date.now() - 8_000 }),
      step('wait-ready', 'Wait for microk8s to be ready', 'failed', {
        sessionId: 'sess-wait',
        startedAt: Date.now() - 8_000,
        endedAt: Date.now(),
        reason: 'microk8s did not become ready within 300 seconds.',
        hint: 'Run `microk8s inspect` (button below) to collect a report of what is wrong, then Retry.',
      }),
    ];
    const failed = installRun(steps, { state: 'failed' });
    const main = new ScriptedMain(PREFLIGHT, failed);
    main.answer('installer.inspect', () => ({ ...failed, inspection: { state: 'running', sessionId: 'sess-inspect', startedAt: Date.now() } }));
    const { page, install } = await open(main);
    await install.failed().waitFor();
    await install.button('Run microk8s inspect').click();
    await expect.poll(() => main.callsTo('installer.inspect')).toEqual([{ runId: 'run-1' }]);
    main.setRun({ ...failed, inspection: { state: 'running', sessionId: 'sess-inspect', startedAt: Date.now() } });
    await install.terminal('Inspect microk8s').waitFor();
    main.output('sess-inspect', '[sudo] password for ann: ');
    await install.passwordNotice().waitFor();
    expect(await install.button('Run microk8s inspect again').isDisabled()).toBe(true);
    main.setRun({
      ...failed,
      inspection: { state: 'succeeded', sessionId: 'sess-inspect', startedAt: Date.now() - 3_000, endedAt: Date.now(), reportPath: '/var/snap/microk8s/current/inspection-report-20260101.tar.gz', reason: 'The report is at /var/snap/microk8s/current/inspection-report-20260101.tar.gz (readable with sudo).' },
    });
    await expect.poll(() => page.getByTestId('inspection').textContent()).toContain('inspection-report-20260101.tar.gz');
    expect(await page.getByTestId('inspection').textContent()).toContain('Done');
    expect(await install.stepState('inspection')).toBe('succeeded');
    await page.close();
  });

  it('acknowledges heavy output once parsed, and detaches from a step the person stops looking at', async () => {
    const run = installRun([
      step('snap', 'Install the microk8s snap', 'succeeded', { sessionId: 'sess-a', startedAt: Date.now() - 9_000, endedAt: Date.now() - 5_000 }),
      step('wait', 'Wait for microk8s', 'running', { sessionId: 'sess-b', startedAt: Date.now() - 5_000 }),
    ]);
    const main = new ScriptedMain(PREFLIGHT, run);
    const { page, install } = await open(main);
    await install.terminal('Wait for microk8s').waitFor();
    await expect.poll(() => main.callsTo('terminal.attach').filter((p) => p.sessionId === 'sess-b').length).toBe(1);
    const line = `${'x'.repeat(98)}\r\n`;
    let sent = 0;
    for (let i = 0; i < 40; i++) {
      const chunk = line.repeat(50);
      main.output('sess-b', chunk);
      sent += chunk.length;
    }
    await expect.poll(() => main.acked('sess-b'), { timeout: 10_000 }).toBe(sent);
    // A page that fell behind gets the terminal's state instead: it replaces what the terminal
    // showed, in order after the output before it, and says why; it is acknowledged like output.
    main.output('sess-b', 'queued before the state\r\n');
    const state = '\x1b[32mline 9998\x1b[0m\r\nline 9999\r\n$ ';
    main.state('sess-b', state);
    await expect.poll(() => install.terminalText(), { timeout: 10_000 }).toMatch(/skipped to the latest lines[\s\S]*line 9998\s+line 9999\s+\$/);
    expect(await install.terminalText()).not.toMatch(/x{98}|queued before the state/);
    await expect.poll(() => main.acked('sess-b'), { timeout: 10_000 }).toBe(sent + 'queued before the state\r\n'.length + Buffer.byteLength(state));
    // The person looks at the finished step: the page detaches from the running one, so main
    // neither sends this page its output nor waits for its acknowledgements.
    await install.stepButton('snap').click();
    await install.terminal('Install the microk8s snap').waitFor();
    await expect.poll(() => main.callsTo('terminal.detach').filter((p) => p.sessionId === 'sess-b').length).toBe(1);
    expect(main.callsTo('terminal.attach').filter((p) => p.sessionId === 'sess-a')).toHaveLength(1);
    await page.close();
  });

  it('checks a pasted join command as it is typed and confirms a removal with what is lost', async () => {
    const main = new ScriptedMain(PREFLIGHT);
    main.answer('installer.join', () => installRun([step('join', 'Join the cluster', 'pending')], { kind: 'join' }));
    const { page, install } = await open(main);
    await install.openMoreMachines();
    await install.joinInput().fill('microk8s join 10.0.0.241:25000/5da02d8092097265cffdf4e47433bd');
    expect(await install.joinInput().getAttribute('aria-invalid')).toBe('true');
    await page.getByText(/cut short/).waitFor();
    expect(await install.button('Join').isDisabled()).toBe(true);
    await install.joinInput().fill('microk8s join 10.0.0.241:25000/5da02d8092097265cffdf4e47433bdea/2618bff96bd6 --worker');
    expect(await install.joinAsWorker().isChecked()).toBe(true);
    await install.button('Join').click();
    await expect.poll(() => main.callsTo('installer.join')).toEqual([{ address: '10.0.0.241:25000/5da02d8092097265cffdf4e47433bdea/2618bff96bd6', worker: true }]);
    await page.getByRole('heading', { name: 'Joining a cluster' }).waitFor();

    main.setRun(installRun([step('join', 'Join the cluster', 'succeeded')], { kind: 'join', state: 'succeeded' }));
    await install.button('Done').click();
    await install.button('Remove microk8s…').click();
    const dialog = install.dialog('Remove microk8s?');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('all workloads, addons and cluster data on this machine');
    main.answer('installer.remove', () => installRun([step('remove', 'Remove the snap', 'pending')], { runId: 'run-2', kind: 'remove' }));
    await install.button('Remove microk8s').click();
    await expect.poll(() => main.callsTo('installer.remove')).toEqual([{ mode: 'remove', confirmed: true }]);
    await page.close();
  });
});
