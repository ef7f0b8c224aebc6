import { describe, expect, it } from 'vitest';
import type { InstallRun } from '../../contract';
import { installersOnSimulatedCluster } from './test-support/simulated-installers';
import { processesWithEnv } from './test-support/processes-with-env';

const harness = installersOnSimulatedCluster();

const password = () => 'berth\r';
// Already installed and in the group: the run goes straight to the step under test.
const ready = { installed: true, inGroup: true, sessionHasGroup: true };
const quick = { channel: '1.32/stable', addons: [], mergeKubeconfig: false };
const step = (run: InstallRun, id: string) => run.steps.find((s) => s.id === id);
const waitFor = async (check: () => boolean, ms = 10_000) => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe('failure paths, each with what happened, what to do, and the output kept', () => {
  it('no snapd: preflight stops the install; a run fails at the snap step saying how to start snapd', async () => {
    const h = harness({ standins: { fail: ['no-snapd'] }, typed: password });
    const preflight = await h.installer.preflight();
    expect(preflight.canInstall).toBe(false);
    expect(preflight.checks.find((c) => c.id === 'snapd')).toMatchObject({ status: 'fail', fix: expect.stringMatching(/systemctl enable --now snapd/) });
    await h.installer.start(quick);
    const run = await h.finish();
    expect(run.state).toBe('failed');
    expect(step(run, 'snap-install')).toMatchObject({ state: 'failed', reason: 'snapd is installed but not running.', exitCode: 1 });
    expect(h.screen(step(run, 'snap-install')?.sessionId)).toContain('cannot communicate with server');
    expect(step(run, 'add-group')?.state).toBe('pending');
  });

  it('network failure during the download', async () => {
    const h = harness({ standins: { fail: ['network'] }, typed: password });
    await h.installer.start(quick);
    const run = await h.finish();
    expect(step(run, 'snap-install')).toMatchObject({ state: 'failed', reason: expect.stringMatching(/download failed/), hint: expect.stringMatching(/network/) });
    expect(h.screen(step(run, 'snap-install')?.sessionId)).toMatch(/persistent network error/);
  });

  it('wrong sudo password three times, then Retry with the right one carries on', async () => {
    let attempts = 0;
    const h = harness({ typed: () => (++attempts <= 3 ? 'wrong\r' : 'berth\r') });
    await h.installer.start(quick);
    let run = await h.finish();
    expect(step(run, 'snap-install')).toMatchObject({ state: 'failed', reason: 'sudo did not accept the password.' });
    expect(h.screen(step(run, 'snap-install')?.sessionId)).toMatch(/Sorry, try again\.[\s\S]*3 incorrect password attempts/);
    const retried = h.installer.retry(run.runId);
    expect(retried.state).toBe('running');
    run = await h.finish();
    expect(run.state).toBe('succeeded');
    expect(step(run, 'snap-install')?.state).toBe('succeeded');
    // Typed input never reaches the log, wrong or right.
    const log = h.installer.readLog(run.runId).text;
    expect(log).not.toMatch(/wrong|berth\r/);
    expect(log).toMatch(/retry from step snap-install/);
  });

  it('the person closes the password prompt (Ctrl-D)', async () => {
    const h = harness({ typed: () => '\u0004' });
    await h.installer.start(quick);
    const run = await h.finish();
    expect(step(run, 'snap-install')).toMatchObject({ state: 'failed', reason: 'The password prompt was closed before a password was entered.' });
  });

  it('the person interrupts the password prompt (Ctrl-C)', async () => {
    const h = harness({ typed: () => '\u0003' });
    await h.installer.start(quick);
    const run = await h.finish();
    expect(step(run, 'snap-install')).toMatchObject({ state: 'failed', reason: 'The password prompt was closed before a password was entered.' });
  });

  it('wait-ready times out: the step fails with the inspect hint, and inspect shows where the report went', async () => {
    const h = harness({ standins: { ...ready, fail: ['wait-ready-timeout'] }, typed: password, timing: { waitReadyS: 1 } });
    await h.installer.start(quick);
    const run = await h.finish();
    expect(step(run, 'wait-ready')).toMatchObject({ state: 'failed', reason: 'microk8s did not become ready within 1 s.', hint: expect.stringMatching(/microk8s inspect/) });
    h.installer.inspect(run.runId);
    await waitFor(() => ['succeeded', 'failed'].includes(h.last().inspection?.state ?? ''));
    expect(h.last().inspection).toMatchObject({ state: 'succeeded', reportPath: expect.stringMatching(/inspection-report-\d{8}_\d{6}\.tar\.gz$/) });
  });

  it('port in use: preflight fails the port check; at run time inspect names the port', async () => {
    const fresh = harness({ standins: { fail: ['port-in-use'] } });
    (fresh.installer as unknown as { preflightDeps: { portFree: () => Promise<boolean> } }).preflightDeps.portFree = async () => false;
    const preflight = await fresh.installer.preflight();
    expect(preflight.canInstall).toBe(false);
    expect(preflight.checks.find((c) => c.id === 'port')).toMatchObject({ status: 'fail', fix: expect.stringMatching(/ss -ltnp/) });
    const h = harness({ standins: { ...ready, fail: ['port-in-use'] }, typed: password, timing: { waitReadyS: 1 } });
    await h.installer.start(quick);
    const run = await h.finish();
    expect(step(run, 'wait-ready')?.state).toBe('failed');
    h.installer.inspect(run.runId);
    await waitFor(() => ['succeeded', 'failed'].includes(h.last().inspection?.state ?? ''));
    expect(h.last().inspection?.reason).toMatch(/Port 16443 seems to be in use/);
  });

  it('an addon that fails to enable', async () => {
    const h = harness({ standins: { ...ready, fail: ['addon:ingress'] }, typed: password });
    await h.installer.start({ ...quick, addons: ['ingress'] });
    const run = await h.finish();
    expect(step(run, 'addon-ingress')).toMatchObject({ state: 'failed', reason: expect.stringMatching(/^Enabling ingress failed/), hint: expect.stringMatching(/retry/) });
    expect(h.screen(step(run, 'addon-ingress')?.sessionId)).toMatch(/refused/);
  });

  it('permission denied: not in the microk8s group', async () => {
    const h = harness({ standins: { installed: true, inGroup: false }, typed: () => '\r' });
    await h.installer.addNode();
    const run = await h.finish();
    expect(step(run, 'add-node')).toMatchObject({ state: 'failed', reason: expect.stringMatching(/^Permission denied: you are not in the microk8s group/) });
  });
});

describe('cancel', () => {
  it('kills the whole process tree of the running step, leaves no process behind, and Retry runs it again', async () => {
    const h = harness({ standins: { speed: 1 }, typed: password });
    await h.installer.start(quick);
    await waitFor(() => /Download snap/.test(h.screen(step(h.last(), 'snap-install')?.sessionId)));
    const marker = `BERTH_STANDIN_STATE=${h.standins.stateDir}`;
    expect(processesWithEnv(marker).length).toBeGreaterThan(0);
    const cancelled = await h.installer.cancel(h.last().runId);
    expect(cancelled.state).toBe('cancelled');
    expect(step(cancelled, 'snap-install')).toMatchObject({ state: 'cancelled', signal: expect.stringMatching(/^SIG/) });
    expect(processesWithEnv(marker)).toEqual([]);
    expect(h.installer.isBusy()).toBe(false);
    expect(h.installer.retry(cancelled.runId).state).toBe('running');
    expect(step(h.last(), 'snap-install')?.state).toBe('running');
    await h.installer.cancel(cancelled.runId);
    expect(processesWithEnv(marker)).toEqual([]);
  });
});

describe('more machines', () => {
  it('add-node shows the join commands; join runs microk8s join; remove takes the snap away', async () => {
    const h = harness({ standins: ready, typed: password });
    await h.installer.addNode();
    let run = await h.finish();
    expect(run.state).toBe('succeeded');
    expect(run.joinCommands?.[0]).toMatch(/^microk8s join [\d.]+:25000\/[0-9a-f]{32}\/[0-9a-f]{12}$/);
    await h.installer.join('10.0.0.241:25000/5da02d8092097265cffdf4e47433bdea/2618bff96bd6', true);
    run = await h.finish();
    expect(run.kind).toBe('join');
    expect(step(run, 'join')?.command).toBe('microk8s join 10.0.0.241:25000/5da02d8092097265cffdf4e47433bdea/2618bff96bd6 --worker');
    expect(run.state).toBe('succeeded');
    expect(h.standins.readState().member).toEqual({ address: '10.0.0.241:25000', worker: true });
    await h.installer.remove('remove');
    run = await h.finish();
    expect(run.state).toBe('succeeded');
    expect(h.standins.readState().snap).toBeNull();
  });
});

describe('joining fails', () => {
  it('says the other machine did not answer and what to check', async () => {
    const h = harness({ standins: { ...ready, fail: ['join'] }, typed: password });
    await h.installer.join('10.0.0.241:25000/5da02d8092097265cffdf4e47433bdea/2618bff96bd6', false);
    const run = await h.finish();
    expect(step(run, 'join')).toMatchObject({ state: 'failed', reason: expect.stringMatching(/could not join the cluster/), hint: expect.stringMatching(/port 25000/) });
    expect(h.screen(step(run, 'join')?.sessionId)).toMatch(/No route to host/);
  });
});
