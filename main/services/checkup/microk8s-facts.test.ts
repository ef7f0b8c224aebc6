import { describe, expect, it } from 'vitest';
import type { CommandResult, RunCommand } from '../installer/run-command';
import { isLocalMicrok8s } from './index';
import { gatherMicrok8sFacts } from './microk8s-facts';

const ok = (stdout: string): CommandResult => ({ exitCode: 0, stdout, stderr: '', notFound: false, timedOut: false });
const SNAP_INFO = `name:      microk8s
tracking:     1.32/stable
channels:
  latest/stable:         v1.36.4  2026-08-20 (8400) 180MB classic
  1.36/stable:           v1.36.4  2026-08-20 (8400) 180MB classic
  1.32/stable:           v1.32.9  2026-02-01 (8100) 172MB classic
installed:               v1.32.2             (7731) 172MB classic
`;
const STATUS = `microk8s is running
addons:
  enabled:
    dns                  # (core) CoreDNS
  disabled:
    rbac                 # (core) Role-Based Access Control for authorisation
`;

describe('microk8s facts', () => {
  it('reads the installed channel, the newest stable channel and the rbac addon', async () => {
    const calls: string[] = [];
    const run: RunCommand = async (argv) => {
      calls.push(argv.join(' '));
      if (argv[1] === 'list') return ok('Name      Version  Rev   Tracking     Publisher   Notes\nmicrok8s  v1.32.2  7731  1.32/stable  canonical✓  classic\n');
      if (argv[1] === 'info') return ok(SNAP_INFO);
      return ok(STATUS);
    };
    expect(await gatherMicrok8sFacts(run)).toEqual({ installedVersion: 'v1.32.2', installedChannel: '1.32/stable', newestStable: { name: '1.36/stable', version: 'v1.36.4' }, rbacEnabled: false, problems: [] });
    expect(calls).toEqual(['snap list microk8s', 'snap info microk8s', 'microk8s status']);
  });

  it('goes through sg when Berth\'s session lacks the microk8s group', async () => {
    const calls: string[] = [];
    const run: RunCommand = async (argv) => {
      calls.push(argv.join(' '));
      if (argv[1] === 'list') return ok('microk8s  v1.36.4  8400  1.36/stable  canonical✓  classic\n');
      if (argv[1] === 'info') return ok(SNAP_INFO);
      if (argv[0] === 'microk8s') return ok('Insufficient permissions to access MicroK8s.\n');
      return ok(STATUS.replace('  disabled:\n    rbac', '    rbac'));
    };
    const facts = await gatherMicrok8sFacts(run);
    expect(calls.at(-1)).toBe('sg microk8s -c microk8s status');
    expect(facts?.rbacEnabled).toBe(true);
  });

  it('is undefined where snap or microk8s is not installed', async () => {
    const run: RunCommand = async () => ({ exitCode: 1, stdout: '', stderr: 'error: no matching snaps installed', notFound: false, timedOut: false });
    expect(await gatherMicrok8sFacts(run)).toBeUndefined();
    const none: RunCommand = async () => ({ exitCode: null, stdout: '', stderr: '', notFound: true, timedOut: false });
    expect(await gatherMicrok8sFacts(none)).toBeUndefined();
  });

  it('asks only for Berth\'s local microk8s', () => {
    expect(isLocalMicrok8s('microk8s', 'https://127.0.0.1:39123')).toBe(true);
    expect(isLocalMicrok8s('other', 'https://127.0.0.1:16443')).toBe(true);
    expect(isLocalMicrok8s('microk8s', 'https://10.0.0.5:16443')).toBe(false);
    expect(isLocalMicrok8s('kind-kind', 'https://127.0.0.1:6443')).toBe(false);
    // `microk8s config` names the API by the host's own address.
    expect(isLocalMicrok8s('microk8s', 'https://10.26.51.2:16443', new Set(['10.26.51.2']))).toBe(true);
    expect(isLocalMicrok8s('microk8s', 'https://10.26.51.9:16443', new Set(['10.26.51.2']))).toBe(false);
  });
});
