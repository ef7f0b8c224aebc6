import { describe, expect, it } from 'vitest';
import { explainFailure } from './failure-explanations';
import { planInstall, skipReason, type StepAction } from './install-plan';
import type { MachineFacts } from './preflight';
import { microk8sArgv } from './preflight';

const fresh: MachineFacts = {
  snapAvailable: true,
  installed: false,
  running: false,
  userInGroup: false,
  sessionHasGroup: false,
  kubeDirNeedsChown: false,
  enabledAddons: [],
  statusAddons: [],
};
const choices = { channel: '1.32/stable', addons: ['dns', 'dashboard', 'ingress'], mergeKubeconfig: true };

describe('planInstall', () => {
  it('follows the classic script, one step per addon, the dashboard proxy last', () => {
    const plan = planInstall(choices, fresh);
    expect(plan.map((s) => s.id)).toEqual([
      'snap-install',
      'add-group',
      'fix-kube-ownership',
      'wait-ready',
      'addon-dns',
      'addon-dashboard',
      'addon-ingress',
      'get-all',
      'merge-kubeconfig',
      'dashboard-proxy',
    ]);
    expect(plan[0]?.command).toBe('sudo snap install microk8s --classic --channel=1.32/stable');
    expect(plan.find((s) => s.id === 'wait-ready')?.command).toMatch(/--wait-ready --timeout \d+$/);
  });

  it('removes the existing microk8s first only when reinstalling one that is there', () => {
    expect(planInstall({ ...choices, reinstall: true }, { installed: true })[0]?.id).toBe('remove-existing');
    expect(planInstall({ ...choices, reinstall: true }, { installed: false })[0]?.id).toBe('snap-install');
    expect(planInstall({ ...choices, reinstall: false }, { installed: true })[0]?.id).toBe('snap-install');
  });

  it('has no dashboard proxy without the dashboard, and names addon steps without their arguments', () => {
    const plan = planInstall({ ...choices, addons: ['metallb:10.64.140.43-10.64.140.49', 'metallb'] }, fresh);
    expect(plan.some((s) => s.id === 'dashboard-proxy')).toBe(false);
    expect(plan.filter((s) => s.id === 'addon-metallb')).toHaveLength(1);
    expect(plan.find((s) => s.id === 'addon-metallb')?.command).toBe('microk8s enable metallb:10.64.140.43-10.64.140.49');
  });
});

describe('skipReason', () => {
  const ctx = (facts: Partial<MachineFacts>, mergeKubeconfig = true) => ({ facts: { ...fresh, ...facts }, mergeKubeconfig, groupAddedThisRun: false });
  const install: StepAction = { kind: 'snap-install', channel: '1.32/stable' };

  it('skips what is already done, saying why', () => {
    expect(skipReason(install, ctx({ installed: true, version: 'v1.32.3', channel: '1.32/stable' }))).toBe('microk8s v1.32.3 is already installed from 1.32/stable.');
    expect(skipReason({ kind: 'add-group' }, ctx({ userInGroup: true }))).toMatch(/already in the microk8s group/);
    expect(skipReason({ kind: 'fix-kube-ownership' }, ctx({}))).toMatch(/already yours/);
    expect(skipReason({ kind: 'enable-addon', addon: 'dns' }, ctx({ enabledAddons: ['dns'] }))).toBe('dns is already enabled.');
    expect(skipReason({ kind: 'merge-kubeconfig' }, ctx({}, false))).toMatch(/chose not to/);
  });

  it('runs what is not done, and never skips the readiness wait or the listing', () => {
    expect(skipReason(install, ctx({}))).toBeUndefined();
    expect(skipReason({ kind: 'add-group' }, ctx({}))).toBeUndefined();
    expect(skipReason({ kind: 'fix-kube-ownership' }, ctx({ kubeDirNeedsChown: true }))).toBeUndefined();
    expect(skipReason({ kind: 'enable-addon', addon: 'ingress' }, ctx({ enabledAddons: ['dns'] }))).toBeUndefined();
    expect(skipReason({ kind: 'wait-ready' }, ctx({ installed: true, running: true }))).toBeUndefined();
    expect(skipReason({ kind: 'get-all' }, ctx({ installed: true, running: true }))).toBeUndefined();
  });
});

describe('microk8sArgv', () => {
  it('goes through sg until the session has the group, quoting for the shell', () => {
    expect(microk8sArgv(['status'], { sessionHasGroup: true })).toEqual(['microk8s', 'status']);
    expect(microk8sArgv(['enable', "it's"], { sessionHasGroup: false })).toEqual(['sg', 'microk8s', '-c', "microk8s enable 'it'\\''s'"]);
  });
});

describe('explainFailure', () => {
  const exit = { exitCode: 1, signal: null };
  it('recognises the real tools\' messages', () => {
    const cases: Array<[string, RegExp]> = [
      ['[sudo] password for berth: \r\nSorry, try again.\r\n[sudo] password for berth: \r\nsudo: 3 incorrect password attempts', /did not accept the password/],
      ['[sudo] password for berth: \r\nsudo: a password is required', /prompt was closed/],
      ['[sudo] password for berth: ^C', /prompt was closed/],
      ['error: cannot communicate with server: Post "http://localhost/v2/snaps/microk8s": dial unix /run/snapd.socket', /snapd is installed but not running/],
      ['bash: snap: command not found', /snapd is not installed/],
      ['error: cannot install "microk8s": persistent network error: Post\r\n       "https://api.snapcraft.io/v2/snaps/refresh": dial tcp 185.125.188.59:443: connect: network\r\n       is unreachable', /download failed/],
      ['error: cannot install "microk8s": cannot get nonce from store: store server\r\n       returned status 503', /download failed/],
      ['listen tcp 0.0.0.0:10255: bind: address already in use', /port microk8s needs/],
      ["Insufficient permissions to access MicroK8s.\nYou can either try again with sudo or add the user berth to the 'microk8s' group:", /not in the microk8s group yet/],
      ['error: access denied (try with sudo)', /^Permission denied/],
      ['insufficient space in "/var/lib/snapd" to perform "install" change', /not enough disk space/],
    ];
    for (const [output, reason] of cases) expect(explainFailure({ kind: 'snap-install', channel: 'x' }, output, exit).reason).toMatch(reason);
  });

  it('falls back to the exit code or signal, and names a failed addon', () => {
    expect(explainFailure({ kind: 'get-all' }, 'something odd', { exitCode: 7, signal: null }).reason).toBe('The command failed with exit code 7.');
    expect(explainFailure({ kind: 'get-all' }, '', { exitCode: null, signal: 'SIGKILL' }).reason).toBe('The command was ended by SIGKILL.');
    expect(explainFailure({ kind: 'enable-addon', addon: 'registry' }, 'boom', exit).reason).toMatch(/^Enabling registry failed/);
  });
});
