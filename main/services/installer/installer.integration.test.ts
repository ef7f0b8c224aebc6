import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { installersOnSimulatedCluster } from './test-support/simulated-installers';
import { processesWithEnv } from './test-support/processes-with-env';

const harness = installersOnSimulatedCluster();

const states = (run: { steps: Array<{ id: string; state: string }> }) => Object.fromEntries(run.steps.map((s) => [s.id, s.state]));

describe('install through real PTYs against the stand-ins', () => {
  it('installs, enables addons once ready, merges the kubeconfig and connects', async () => {
    const h = harness({ typed: () => 'berth\r' });
    const started = await h.installer.start({ channel: '1.32/stable', addons: ['dns', 'hostpath-storage'], mergeKubeconfig: true });
    expect(started.state).toBe('running');
    expect(h.installer.isBusy()).toBe(true);
    const run = await h.finish();
    expect(states(run)).toEqual({
      'snap-install': 'succeeded',
      'add-group': 'succeeded',
      'fix-kube-ownership': 'skipped',
      'wait-ready': 'succeeded',
      'addon-dns': 'skipped',
      'addon-hostpath-storage': 'succeeded',
      'get-all': 'succeeded',
      'merge-kubeconfig': 'succeeded',
    });
    expect(run.state).toBe('succeeded');
    expect(h.installer.isBusy()).toBe(false);
    expect(run.steps.find((s) => s.id === 'snap-install')).toMatchObject({ exitCode: 0, signal: null });
    expect(h.screen(run.steps[0]?.sessionId)).toMatch(/microk8s \(1\.32\/stable\) v1\.32\.\d+ from Canonical✓ installed/);
    expect(run.notices).toHaveLength(1);
    expect(run.notices[0]).toMatch(/log out and back in/);
    expect(run.context).toBe('microk8s');
    expect(h.connected).toEqual(['microk8s']);
    const kubeconfig = parse(readFileSync(join(h.home, '.kube', 'config'), 'utf8'));
    expect(kubeconfig.contexts.map((c: { name: string }) => c.name)).toEqual(['microk8s']);
    // The log has every step with its exit code, and no password or credential.
    const log = h.installer.readLog(run.runId).text;
    expect(log).toMatch(/step snap-install: exit code 0/);
    expect(log).toMatch(/run succeeded/);
    expect(log).not.toContain('berth\r');
    expect(log).not.toMatch(/client-key-data: [^[]/);
    expect(h.installer.logs().logs[0]).toMatchObject({ runId: run.runId, state: 'succeeded' });
  });

  it('on an installed microk8s: skips what is done, keeps the other contexts, shows the dashboard token and stops the proxy', async () => {
    const h = harness({ standins: { installed: true, inGroup: true, sessionHasGroup: true }, typed: () => 'berth\r' });
    mkdirSync(join(h.home, '.kube'), { recursive: true });
    const mine = 'apiVersion: v1\nkind: Config\ncurrent-context: work\nclusters:\n- name: work\n  cluster: {server: https://work.example:6443}\ncontexts:\n- name: work\n  context: {cluster: work, user: me}\nusers:\n- name: me\n  user: {token: abc}\n';
    writeFileSync(join(h.home, '.kube', 'config'), mine);
    await h.installer.start({ channel: '1.32/stable', addons: ['dns', 'dashboard'], mergeKubeconfig: true });
    const run = await h.finish();
    expect(states(run)).toMatchObject({
      'snap-install': 'skipped',
      'add-group': 'skipped',
      'wait-ready': 'succeeded',
      'addon-dns': 'skipped',
      'addon-dashboard': 'succeeded',
      'merge-kubeconfig': 'succeeded',
      'dashboard-proxy': 'succeeded',
    });
    expect(run.steps.find((s) => s.id === 'snap-install')?.reason).toMatch(/already installed/);
    expect(run.notices).toEqual([]);
    expect(run.dashboard).toEqual({ url: expect.stringMatching(/^https:\/\/127\.0\.0\.1:\d+$/), token: expect.stringMatching(/^eyJ/) });
    const config = parse(readFileSync(join(h.home, '.kube', 'config'), 'utf8'));
    expect(config['current-context']).toBe('work');
    expect(config.contexts.map((c: { name: string }) => c.name)).toEqual(['work', 'microk8s']);
    expect(readdirSync(join(h.home, '.kube')).filter((n) => n.startsWith('config.berth-backup-'))).toHaveLength(1);
    // The token is shown to the person but never written to the log.
    expect(h.installer.readLog(run.runId).text).not.toContain(run.dashboard?.token.slice(0, 40));
    const marker = `BERTH_STANDIN_STATE=${h.standins.stateDir}`;
    expect(processesWithEnv(marker).length).toBeGreaterThan(0);
    expect(await h.installer.stopDashboardProxy(run.runId)).toBe(true);
    expect(h.installer.current().run?.dashboard).toBeUndefined();
    expect(processesWithEnv(marker)).toEqual([]);
  });
});
