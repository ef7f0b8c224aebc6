import { describe, expect, it } from 'vitest';
import { createShell, splitWords } from './shell';

describe('the exec shell', () => {
  const sh = createShell({ namespace: 'shop', pod: 'web-1', container: 'web', env: { MODE: 'prod' } });
  it('runs the built-ins', () => {
    expect(sh.run(['ls', '/etc']).stdout).toBe('hostname\nhosts\nos-release\npasswd\nresolv.conf\n');
    expect(sh.run(['cat', '/etc/hostname']).stdout).toBe('web-1\n');
    expect(sh.run(['env']).stdout).toContain('MODE=prod\n');
    expect(sh.run(['env']).stdout).toContain('KUBERNETES_SERVICE_HOST=10.152.183.1\n');
    expect(sh.run(['echo', 'hi', 'there']).stdout).toBe('hi there\n');
    expect(sh.run(['cd', '/var/run']).exitCode).toBe(0);
    expect(sh.run(['pwd']).stdout).toBe('/var/run\n');
    expect(sh.run(['cat', '/var/run/secrets/kubernetes.io/serviceaccount/namespace']).stdout).toBe('shop');
    expect(sh.run(['sh', '-c', 'echo "a b"']).stdout).toBe('a b\n');
  });
  it('fails like busybox', () => {
    expect(sh.run(['nope'])).toEqual({ stdout: '', stderr: 'sh: nope: not found\n', exitCode: 127 });
    expect(sh.run(['ls', '/missing']).stderr).toBe('ls: /missing: No such file or directory\n');
    expect(sh.run(['exit', '4'])).toMatchObject({ exitCode: 4, exit: true });
    expect(sh.knows('ls')).toBe(true);
    expect(sh.knows('/bin/sh')).toBe(true);
    expect(sh.knows('python')).toBe(false);
  });
  it('splits words with quotes', () => {
    expect(splitWords(`echo 'a b' "c d" e`)).toEqual(['echo', 'a b', 'c d', 'e']);
    expect(splitWords(`echo ''`)).toEqual(['echo', '']);
  });
});
