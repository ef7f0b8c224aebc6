import { afterEach, describe, expect, it } from 'vitest';
import { createStandinEnv, type StandinEnv, type StandinOptions } from './index';
import { runInPty, runPiped } from './run-standin';

let s: StandinEnv;
afterEach(() => s?.dispose());
const make = (extra: StandinOptions = {}): StandinEnv => {
  s = createStandinEnv({ user: 'alice', speed: 0.02, ...extra });
  // As if the password was typed a moment ago: these tests are about snap, not sudo.
  s.writeState({ sudo: { alice: Date.now() } });
  return s;
};
const FINAL = 'microk8s (1.32/stable) v1.32.3 from Canonical✓ installed';

describe('stand-in snap install', () => {
  it('draws snapd progress on a terminal and ends with the installed line', async () => {
    make();
    const r = await runInPty('sudo', ['snap', 'install', 'microk8s', '--classic', '--channel=1.32/stable'], s.env, { cols: 100 });
    expect(r.exitCode).toBe(0);
    expect(r.output.startsWith('\x1b[?25l')).toBe(true);
    expect(r.output).toContain('\rEnsure prerequisites for "microk8s" are available');
    // Download: reverse video up to the done fraction, then percent, speed, time left.
    expect(r.output).toContain('\r\x1b[7mDownload snap "microk8s" (7964)');
    expect(r.output).toContain('\x1b[0m');
    expect(r.output).toMatch(/Download snap "microk8s" \(7964\) from channel "1\.32\/stable" +\d+% [\d.]+MB\/s [\dms.]+/);
    expect(r.output).toMatch(/\rRun configure hook of "microk8s" snap if present {20,}[/\-\\|]/);
    expect(r.output).toContain(`\r\x1b[0m\x1b[?25h\x1b[K${FINAL}\r\n`);
    expect(s.readState().snap).toMatchObject({ channel: '1.32/stable', revision: 7964, version: 'v1.32.3' });
    expect(s.readState().groupNames).toContain('microk8s');
  });

  it('prints only the final line when stdout is not a terminal; already installed is not an error', async () => {
    make();
    const r = await runPiped('sudo', ['snap', 'install', 'microk8s', '--classic'], s.env);
    expect([r.exitCode, r.stdout, r.stderr]).toEqual([0, `${FINAL}\n`, '']);
    const again = await runPiped('sudo', ['snap', 'install', 'microk8s', '--classic'], s.env);
    expect([again.exitCode, again.stdout, again.stderr]).toEqual([0, '', `snap "microk8s" is already installed, see 'snap help refresh'\n`]);
  });

  it('needs root and --classic', async () => {
    make();
    const user = await runPiped('snap', ['install', 'microk8s', '--classic'], s.env);
    expect([user.exitCode, user.stderr]).toEqual([1, 'error: access denied (try with sudo)\n']);
    const confined = await runPiped('sudo', ['snap', 'install', 'microk8s'], s.env);
    expect(confined.exitCode).toBe(1);
    expect(confined.stderr).toContain('error: This revision of snap "microk8s" was published using classic confinement');
    expect(confined.stderr).toContain('       If you understand and want to proceed repeat the command including --classic.\n');
    expect(s.readState().snap).toBeNull();
  });

  it.each([
    ['no-snapd', 1, 'error: cannot communicate with server: Post "http://localhost/v2/snaps/microk8s": dial unix /run/snapd.socket: connect: no such file or directory\n'],
    ['store-503', 1, 'error: cannot install "microk8s": cannot get nonce from store: store server\n       returned status 503\n'],
    ['disk-full', 1, 'error: insufficient space in "/var/lib/snapd" to perform "install" change for the following snaps: microk8s\n'],
  ])('fails with %s', async (mode, code, stderr) => {
    make({ fail: [mode] });
    const r = await runPiped(`${s.binDir}/snap`, ['install', 'microk8s', '--classic'], { ...s.env, BERTH_STANDIN_ROOT: '1' });
    expect([r.exitCode, r.stderr, r.stdout]).toEqual([code, stderr, '']);
  });

  it('fails with no-snap-command the way bash does (127)', async () => {
    make({ fail: ['no-snap-command'] });
    const r = await runPiped('snap', ['version'], s.env);
    expect([r.exitCode, r.stderr]).toEqual([127, "Command 'snap' not found, but can be installed with:\nsudo apt install snapd\n"]);
  });

  it('fails mid-download on network and in the configure hook on hook, leaving nothing installed', async () => {
    make({ fail: ['network'] });
    const net = await runInPty('sudo', ['snap', 'install', 'microk8s', '--classic'], s.env);
    expect(net.exitCode).toBe(1);
    expect(net.output).toMatch(/ 3\d% /);
    expect(net.output).toContain('\x1b[?25h');
    expect(net.output).toContain('error: cannot install "microk8s": persistent network error: Post\r\n       "https://api.snapcraft.io/v2/snaps/refresh"');
    s.dispose();
    make({ fail: ['hook'] });
    const hook = await runPiped('sudo', ['snap', 'install', 'microk8s', '--classic'], s.env);
    expect(hook.exitCode).toBe(1);
    expect(hook.stderr).toMatch(/^error: cannot perform the following tasks:\n- Run configure hook of "microk8s" snap if present \(run hook "configure":\n-----\n\+ \/snap\/microk8s\/7964\/kubectl .*\nThe connection to the server 127\.0\.0\.1:16443 was refused - did you specify the right host or port\?\n-----\)\n$/);
    expect(s.readState().snap).toBeNull();
  });
});

describe('stand-in snap info, list, remove', () => {
  it('lists channels like snap info, with tracking once installed', async () => {
    make();
    const before = await runPiped('snap', ['info', 'microk8s'], s.env);
    expect(before.stdout).toContain('\n  1.32/stable:           v1.32.3  2025-04-07 (7964) 172MB classic\n');
    expect(before.stdout).toContain('\n  1.30/stable:           v1.30.11 2025-03-31 (7966) 169MB classic\n');
    expect(before.stdout).not.toContain('tracking:');
    s.writeState({ snap: { channel: '1.31/stable', revision: 7963, version: 'v1.31.7' } });
    const after = await runPiped('snap', ['info', 'microk8s'], s.env);
    expect(after.stdout).toMatch(/\ntracking: {5}1\.31\/stable\n/);
    expect(after.stdout).toMatch(/\ninstalled: +v1\.31\.7 /);
    const list = await runPiped('snap', ['list', 'microk8s'], s.env);
    expect(list.stdout).toMatch(/^Name +Version +Rev +Tracking +Publisher +Notes\nmicrok8s +v1\.31\.7 +7963 +1\.31\/stable +canonical✓ +classic\n$/);
  });

  it('removes microk8s, saving a snapshot unless --purge', async () => {
    make({ installed: true });
    const r = await runPiped('sudo', ['snap', 'remove', 'microk8s'], s.env);
    expect([r.exitCode, r.stdout]).toEqual([0, 'microk8s removed (snap data snapshot saved)\n']);
    expect(s.readState().snap).toBeNull();
    const none = await runPiped('sudo', ['snap', 'remove', '--purge', 'microk8s'], s.env);
    expect([none.exitCode, none.stderr]).toEqual([0, 'snap "microk8s" is not installed\n']);
    const list = await runPiped('snap', ['list', 'microk8s'], s.env);
    expect([list.exitCode, list.stderr]).toEqual([1, 'error: no matching snaps installed\n']);
  });
});
