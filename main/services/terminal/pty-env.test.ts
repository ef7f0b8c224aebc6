import { describe, expect, it } from 'vitest';
import { processTree } from './process-tree';
import { ptyEnv } from './pty-env';

describe('ptyEnv', () => {
  it('pins a small explicit environment and passes on only the stand-in and proxy settings', () => {
    const env = ptyEnv({
      env: { PATH: '/stand-ins:/usr/bin', AWS_SECRET_ACCESS_KEY: 'x', BERTH_STANDIN_FAIL: 'network', https_proxy: 'http://proxy:3128', LC_ALL: 'de_DE' },
      home: '/home/ana',
      user: 'ana',
      kubeconfig: '/home/ana/.kube/config',
    });
    expect(env).toEqual({
      PATH: '/stand-ins:/usr/bin',
      HOME: '/home/ana',
      USER: 'ana',
      LOGNAME: 'ana',
      LANG: 'C.UTF-8',
      TERM: 'xterm-256color',
      COLORTERM: 'truecolor',
      KUBECONFIG: '/home/ana/.kube/config',
      BERTH_STANDIN_FAIL: 'network',
      https_proxy: 'http://proxy:3128',
    });
  });
});

describe('processTree', () => {
  it('takes the group and every descendant, also one that started its own group', () => {
    const entries = [
      { pid: 10, ppid: 1, pgid: 10, zombie: false },
      { pid: 11, ppid: 10, pgid: 10, zombie: false },
      { pid: 12, ppid: 11, pgid: 12, zombie: false }, // setsid'd grandchild
      { pid: 13, ppid: 12, pgid: 12, zombie: false },
      { pid: 14, ppid: 1, pgid: 10, zombie: false }, // orphaned group member
      { pid: 20, ppid: 1, pgid: 20, zombie: false }, // unrelated
    ];
    expect(processTree(entries, 10).sort()).toEqual([10, 11, 12, 13, 14]);
  });
});
