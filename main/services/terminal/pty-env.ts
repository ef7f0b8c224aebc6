/**
 * The environment a step runs with: pinned and explicit, never the whole of Berth's own. PATH, HOME,
 * USER and KUBECONFIG come from Berth's environment so tests and the demo can point them at
 * stand-ins and temporary folders.
 */
const PASSED_THROUGH = /^(BERTH_STANDIN_|BERTH_SIM_)|^(https?_proxy|no_proxy|HTTPS?_PROXY|NO_PROXY)$/;

export interface PtyEnvInput {
  env: NodeJS.ProcessEnv;
  home: string;
  user: string;
  kubeconfig: string;
}

export function ptyEnv({ env, home, user, kubeconfig }: PtyEnvInput): Record<string, string> {
  const pinned: Record<string, string> = {
    PATH: env.PATH ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/snap/bin',
    HOME: home,
    USER: user,
    LOGNAME: user,
    // snapd prints its verified mark as ✓ only under a UTF-8 locale.
    LANG: 'C.UTF-8',
    TERM: 'xterm-256color',
    COLORTERM: 'truecolor',
    KUBECONFIG: kubeconfig,
  };
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && PASSED_THROUGH.test(key)) pinned[key] = value;
  }
  return pinned;
}
