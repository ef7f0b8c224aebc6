import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { createStandinEnv, type StandinEnv } from './index';
import { runInPty, runPiped } from './run-standin';

const PASSWORD = 'correct horse 42';
let s: StandinEnv;
afterEach(() => s?.dispose());

const make = (extra: Parameters<typeof createStandinEnv>[0] = {}): StandinEnv => (s = createStandinEnv({ user: 'alice', sudoPassword: PASSWORD, speed: 0.05, ...extra }));

describe('stand-in sudo', () => {
  it('asks on the terminal with echo off, runs the command as root, and caches the password', async () => {
    make();
    const first = await runInPty('sudo', ['id', '-un'], s.env, { answers: [{ when: /\[sudo\] password for alice: $/, send: `${PASSWORD}\r` }] });
    expect(first.exitCode).toBe(0);
    expect(first.output).toContain('[sudo] password for alice: ');
    expect(first.output).not.toContain(PASSWORD);
    expect(first.output).not.toContain('correct');
    expect(first.output).toMatch(/\r\nroot\r\n/);
    expect(s.readState().sudo.alice).toBeGreaterThan(Date.now() - 60_000);

    const second = await runInPty('sudo', ['id', '-un'], s.env);
    expect(second.output).not.toContain('password');
    expect(second.output).toContain('root');
  });

  it('says "Sorry, try again." twice and gives up after three wrong passwords', async () => {
    make();
    const r = await runInPty('sudo', ['true'], s.env, {
      answers: [
        { when: /password for alice: $/, send: 'nope1\r' },
        { when: /password for alice: $/, send: 'nope2\r' },
        { when: /password for alice: $/, send: 'nope3\r' },
      ],
    });
    expect(r.exitCode).toBe(1);
    expect(r.output.match(/Sorry, try again\./g)).toHaveLength(2);
    expect(r.output).toContain('sudo: 3 incorrect password attempts');
    expect(r.output).not.toMatch(/nope\d/);
    expect(s.readState().sudo.alice).toBeUndefined();
  });

  it('ends cleanly on Ctrl-C or Ctrl-D at the prompt', async () => {
    make();
    const ctrlC = await runInPty('sudo', ['true'], s.env, { answers: [{ when: /password for alice: $/, send: 'abc\x03' }] });
    expect(ctrlC.exitCode).toBe(1);
    const ctrlD = await runInPty('sudo', ['true'], s.env, { answers: [{ when: /password for alice: $/, send: '\x04' }] });
    expect(ctrlD.exitCode).toBe(1);
    expect(ctrlD.output).toContain('sudo: a password is required');
  });

  it('-n fails without a cached password, -k drops the cache, -S reads stdin', async () => {
    make();
    const n = await runPiped('sudo', ['-n', 'true'], s.env);
    expect([n.exitCode, n.stderr]).toEqual([1, 'sudo: a password is required\n']);
    const viaStdin = await runPiped('sudo', ['-S', 'echo', 'ok'], s.env, { input: `${PASSWORD}\n` });
    expect(viaStdin.exitCode).toBe(0);
    expect(viaStdin.stdout).toBe('ok\n');
    expect(viaStdin.stderr).toBe('[sudo] password for alice: \n');
    expect((await runPiped('sudo', ['-n', 'true'], s.env)).exitCode).toBe(0);
    expect((await runPiped('sudo', ['-k'], s.env)).exitCode).toBe(0);
    expect((await runPiped('sudo', ['-n', 'true'], s.env)).exitCode).toBe(1);
  });

  it('needs a terminal to ask, like the real one', async () => {
    make();
    const r = await runPiped('sudo', ['true'], s.env);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('sudo: a terminal is required to read the password');
  });

  it('passes the exit code through and refuses to run real programs as root', async () => {
    make();
    s.writeState({ sudo: { alice: Date.now() } });
    expect((await runPiped('sudo', ['false'], s.env)).exitCode).toBe(1);
    const refused = await runPiped('sudo', ['rm', '-rf', '/tmp/nothing-here'], s.env);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain('refusing to run "rm" as root');
    const outside = await runPiped('sudo', ['chown', '-R', 'alice', '/etc'], s.env);
    expect(outside.exitCode).toBe(1);
    expect(outside.stderr).toContain('only paths under');
    const missing = await runPiped('sudo', ['chown', '-f', '-R', 'alice', `${process.env.HOME}/.berth-no-such-dir`], s.env);
    expect([missing.exitCode, missing.stderr]).toEqual([1, '']);
  });

  it('passes SIGTERM on to the command and exits 128+15, leaving nothing behind', async () => {
    make({ installed: true, fail: ['wait-ready-timeout'] });
    s.writeState({ sudo: { alice: Date.now() } });
    const child = spawn('sudo', ['microk8s', 'status', '--wait-ready'], { env: { ...process.env, ...s.env }, detached: true });
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    await new Promise((r) => setTimeout(r, 1500));
    expect(child.exitCode).toBeNull();
    child.kill('SIGTERM'); // sudo alone, not its group
    expect(await exited).toBe(143);
    let alive = true;
    for (let i = 0; i < 20 && alive; i++) {
      await new Promise((r) => setTimeout(r, 100));
      try {
        process.kill(-(child.pid as number), 0);
      } catch {
        alive = false;
      }
    }
    expect(alive).toBe(false);
  });

  it('says command not found for microk8s before it is installed, and for snap without snapd', async () => {
    make({ fail: ['no-snap-command'] });
    s.writeState({ sudo: { alice: Date.now() } });
    expect((await runPiped('sudo', ['microk8s', 'status'], s.env)).stderr).toBe('sudo: microk8s: command not found\n');
    expect((await runPiped('sudo', ['snap', 'install', 'microk8s', '--classic'], s.env)).stderr).toBe('sudo: snap: command not found\n');
  });
});
