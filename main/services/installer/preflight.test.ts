import { describe, expect, it } from 'vitest';
import { runPreflight, type PreflightDeps } from './preflight';
import type { CommandResult } from './run-command';

const GiB = 1024 ** 3;
const ok = (stdout: string, stderr = ''): CommandResult => ({ exitCode: 0, stdout, stderr, notFound: false, timedOut: false });
const fail = (stderr: string, exitCode = 1): CommandResult => ({ exitCode, stdout: '', stderr, notFound: false, timedOut: false });
const missing: CommandResult = { exitCode: null, stdout: '', stderr: '', notFound: true, timedOut: false };

function deps(commands: Record<string, CommandResult>, machine: Partial<PreflightDeps> = {}): PreflightDeps {
  return {
    platform: 'linux',
    arch: 'x64',
    totalMemBytes: 8 * GiB,
    freeMemBytes: 5 * GiB,
    diskFreeBytes: async () => 40 * GiB,
    portFree: async () => true,
    run: async (argv) => commands[argv.join(' ')] ?? missing,
    user: 'ana',
    uid: 1000,
    kubeDirForeignOwner: async () => undefined,
    ...machine,
  };
}

const base = {
  'snap list microk8s': fail('error: no matching snaps installed'),
  'id -nG': ok('ana adm sudo\n'),
  'id -nG ana': ok('ana adm sudo\n'),
  'sudo -n true': fail('sudo: a password is required'),
  'snap info microk8s': ok('channels:\n  latest/stable:    v1.32.3 2025-04-07 (7964) 172MB classic\n  1.32/stable:      v1.32.3 2025-04-07 (7964) 172MB classic\n'),
};

const check = (result: Awaited<ReturnType<typeof runPreflight>>['result'], id: string) => result.checks.find((c) => c.id === id);

describe('runPreflight', () => {
  it('passes a fresh Linux machine with snapd and lists channels and addons', async () => {
    const { result } = await runPreflight(deps(base));
    expect(result.canInstall).toBe(true);
    expect(result.defaultChannel).toBe('1.32/stable');
    expect(result.existing).toEqual({ installed: false, inGroup: false });
    expect(check(result, 'group')).toMatchObject({ status: 'warn', fix: expect.stringMatching(/usermod/) });
    expect(check(result, 'sudo')).toMatchObject({ status: 'pass', detail: expect.stringMatching(/ask for your password/) });
    expect(result.addons.filter((a) => a.recommended).map((a) => a.name)).toEqual(['dns', 'dashboard', 'ingress']);
  });

  it('stops cleanly on macOS and Windows, explaining the supported route', async () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const { result } = await runPreflight(deps(base, { platform }));
      expect(result.canInstall).toBe(false);
      expect(result.checks).toHaveLength(1);
      expect(check(result, 'os')).toMatchObject({ status: 'fail', fix: expect.stringMatching(/Multipass/) });
    }
  });

  it('fails without snap, with low memory or disk, and with port 16443 taken by something else', async () => {
    const { result } = await runPreflight(
      deps({ ...base, 'snap list microk8s': missing }, { totalMemBytes: 0.5 * GiB, diskFreeBytes: async () => 1 * GiB, portFree: async () => false }),
    );
    expect(result.canInstall).toBe(false);
    expect(check(result, 'snapd')).toMatchObject({ status: 'fail', fix: expect.stringMatching(/apt install snapd/) });
    expect(check(result, 'memory')?.status).toBe('fail');
    expect(check(result, 'disk')?.status).toBe('fail');
    expect(check(result, 'port')?.status).toBe('fail');
    expect(result.channels).toEqual([]);
  });

  it('warns between the minimum and the recommendation', async () => {
    const { result } = await runPreflight(deps(base, { totalMemBytes: 2 * GiB, diskFreeBytes: async () => 10 * GiB, arch: 's390x' }));
    expect(result.canInstall).toBe(true);
    expect([check(result, 'memory')?.status, check(result, 'disk')?.status, check(result, 'arch')?.status]).toEqual(['warn', 'warn', 'warn']);
  });

  it('detects an existing, running microk8s and the group, and takes addons from its status', async () => {
    const { result, facts } = await runPreflight(
      deps(
        {
          ...base,
          'snap list microk8s': ok('Name      Version  Rev   Tracking     Publisher   Notes\nmicrok8s  v1.32.3  7964  1.32/stable  canonical✓  classic\n'),
          'id -nG ana': ok('ana adm sudo microk8s\n'),
          'sg microk8s -c microk8s status': ok('microk8s is running\naddons:\n  enabled:\n    dns                  # (core) CoreDNS\n  disabled:\n    registry             # (core) Private image registry exposed on localhost:32000\n'),
        },
        { portFree: async () => false },
      ),
    );
    expect(result.existing).toEqual({ installed: true, version: 'v1.32.3', channel: '1.32/stable', running: true, inGroup: true });
    expect(result.defaultChannel).toBe('1.32/stable');
    expect(check(result, 'port')?.status).toBe('pass');
    expect(check(result, 'group')?.status).toBe('pass');
    expect(result.addons.map((a) => [a.name, a.enabled])).toEqual([['dns', true], ['registry', false]]);
    expect(facts?.sessionHasGroup).toBe(false);
  });

  it('says when snapd is installed but not running', async () => {
    const down = fail('error: cannot communicate with server: Get "http://localhost/v2/snaps": dial unix /run/snapd.socket: connect: no such file or directory');
    const { result } = await runPreflight(deps({ ...base, 'snap list microk8s': down }));
    expect(check(result, 'snapd')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/does not answer/), fix: expect.stringMatching(/systemctl enable --now snapd/) });
  });
});
