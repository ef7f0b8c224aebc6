import { describe, expect, it, vi } from 'vitest';
import { extractShellPath, findExecutable, loginShellSearchPath, missingPluginMessage } from './exec-plugin-path';

describe('login shell PATH', () => {
  it('extracts the PATH between markers, ignoring banners an rc file prints', () => {
    expect(extractShellPath('Welcome!\n__BERTH_PATH_START__/a:/b__BERTH_PATH_END__\nbye')).toBe('/a:/b');
    expect(extractShellPath('no markers')).toBeNull();
  });

  it('asks the login shell once, puts its folders first, then our PATH, then the usual places', async () => {
    const run = vi.fn(async (_file: string, _args: string[], _timeoutMs: number) => 'motd\n__BERTH_PATH_START__/home/ada/google-cloud-sdk/bin:/usr/bin__BERTH_PATH_END__');
    const resolve = loginShellSearchPath({ shell: '/bin/zsh', run, processPath: '/usr/bin:/bin', home: '/home/ada' });
    const first = await resolve();
    await resolve();
    expect(run).toHaveBeenCalledTimes(1);
    expect(run.mock.calls[0]![0]).toBe('/bin/zsh');
    expect(run.mock.calls[0]![1][0]).toBe('-ilc');
    expect(first.fromLoginShell).toBe(true);
    expect(first.dirs.slice(0, 3)).toEqual(['/home/ada/google-cloud-sdk/bin', '/usr/bin', '/bin']);
    expect(first.dirs).toContain('/snap/bin');
    expect(new Set(first.dirs).size).toBe(first.dirs.length);
  });

  it('falls back to our PATH and the usual places when the shell fails or times out', async () => {
    const resolve = loginShellSearchPath({ shell: '/bin/bash', run: async () => Promise.reject(new Error('timeout')), processPath: '/usr/bin', home: '/h' });
    const result = await resolve();
    expect(result.fromLoginShell).toBe(false);
    expect(result.dirs[0]).toBe('/usr/bin');
    expect(result.dirs).toContain('/h/.krew/bin');
  });

  it('finds a bare command on the search path, an absolute one as is, and lists where it looked', () => {
    const exists = new Set(['/opt/homebrew/bin/kubelogin']);
    const isExec = (p: string) => exists.has(p);
    expect(findExecutable('kubelogin', ['/usr/bin', '/opt/homebrew/bin'], isExec)).toEqual({ resolvedPath: '/opt/homebrew/bin/kubelogin', searched: ['/usr/bin', '/opt/homebrew/bin'] });
    expect(findExecutable('aws-iam-authenticator', ['/usr/bin'], isExec)).toEqual({ resolvedPath: null, searched: ['/usr/bin'] });
    expect(findExecutable('/opt/homebrew/bin/kubelogin', ['/usr/bin'], isExec).resolvedPath).toBe('/opt/homebrew/bin/kubelogin');
  });

  it('says which plugin is missing and where Berth looked', () => {
    const msg = missingPluginMessage('gke-gcloud-auth-plugin', { resolvedPath: null, searched: ['/usr/bin', '/snap/bin'] }, true);
    expect(msg.reason).toContain('"gke-gcloud-auth-plugin"');
    expect(msg.reason).toContain('/usr/bin, /snap/bin');
    expect(msg.hint).toContain('login shell');
  });
});
