import { afterEach, describe, expect, it } from 'vitest';
import { createStandinEnv, type StandinEnv } from './index';
import { runPiped } from './run-standin';

let s: StandinEnv;
afterEach(() => s?.dispose());

describe('stand-in usermod, id and sg', () => {
  it('adds the group only as root, and only once the snap created it', async () => {
    s = createStandinEnv({ user: 'alice' });
    const asUser = await runPiped('usermod', ['-a', '-G', 'microk8s', 'alice'], s.env);
    expect([asUser.exitCode, asUser.stderr]).toEqual([1, 'usermod: Permission denied.\nusermod: cannot lock /etc/passwd; try again later.\n']);
    const root = { ...s.env, BERTH_STANDIN_ROOT: '1' };
    const noGroup = await runPiped('usermod', ['-a', '-G', 'microk8s', 'alice'], root);
    expect([noGroup.exitCode, noGroup.stderr]).toEqual([6, "usermod: group 'microk8s' does not exist\n"]);
    s.writeState({ groupNames: ['adm', 'sudo', 'microk8s'] });
    const ok = await runPiped('usermod', ['-a', '-G', 'microk8s', 'alice'], root);
    expect([ok.exitCode, ok.stdout, ok.stderr]).toEqual([0, '', '']);
    expect(s.readState().groups.alice).toEqual(['adm', 'sudo', 'microk8s']);
  });

  it('id shows the new group for the user at once, but not in this session until sg or a re-login', async () => {
    s = createStandinEnv({ user: 'alice', installed: true, inGroup: true });
    expect((await runPiped('id', ['-nG', 'alice'], s.env)).stdout).toBe('alice adm sudo microk8s\n');
    expect((await runPiped('id', ['-nG'], s.env)).stdout).toBe('alice adm sudo\n');
    const viaSg = await runPiped('sg', ['microk8s', '-c', 'id -nG'], s.env);
    expect([viaSg.exitCode, viaSg.stdout]).toEqual([0, 'alice adm sudo microk8s\n']);
    const relogin = await runPiped('id', ['-nG'], { ...s.env, BERTH_STANDIN_SESSION_GROUPS: 'microk8s' });
    expect(relogin.stdout).toBe('alice adm sudo microk8s\n');
  });

  it('sg refuses a group the user is not in, and passes the exit code on', async () => {
    s = createStandinEnv({ user: 'alice', installed: true });
    const r = await runPiped('sg', ['microk8s', '-c', 'true'], s.env);
    expect([r.exitCode, r.stderr]).toEqual([1, 'sg: failed to crypt password with previous salt: Invalid argument\n']);
    s.writeState({ groups: { alice: ['adm', 'sudo', 'microk8s'] } });
    expect((await runPiped('sg', ['microk8s', '-c', 'exit 7'], s.env)).exitCode).toBe(7);
    expect((await runPiped('sg', ['nosuch', '-c', 'true'], s.env)).stderr).toBe("sg: group 'nosuch' does not exist\n");
  });
});
