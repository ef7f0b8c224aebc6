import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter } from 'node:path';
import type { ConnectionStatus } from '../../contract';
import { ClusterService, type ClusterServiceDeps } from './cluster-service';
import { loginShellSearchPath } from './exec-plugin-path';

export { ClusterService } from './cluster-service';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The cluster service wired to this machine: real files, $KUBECONFIG, the login shell. */
export function createClusterService(options: {
  kubeconfig?: string | undefined;
  context?: string | undefined;
  onStatus(status: ConnectionStatus): void;
  overrides?: Partial<ClusterServiceDeps>;
}): ClusterService {
  const env = process.env;
  return new ClusterService({
    kubeconfig: { kubeconfig: options.kubeconfig, context: options.context },
    kubeconfigDeps: {
      env: { KUBECONFIG: env.KUBECONFIG },
      home: homedir(),
      readFile: (p) => readFileSync(p, 'utf8'),
      exists: (p) => existsSync(p),
      delimiter,
    },
    searchPath: loginShellSearchPath({
      shell: env.SHELL,
      processPath: env.PATH ?? '',
      home: homedir(),
      run: (file, args, timeoutMs) =>
        new Promise((resolve, reject) => {
          // stdin closed: an rc file that asks for input gets EOF instead of hanging until the timeout.
          const child = execFile(file, args, { timeout: timeoutMs, encoding: 'utf8', env: { ...env, TERM: 'dumb' } }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
          child.stdin?.end();
        }),
    }),
    isExecutable,
    onStatus: options.onStatus,
    ...options.overrides,
  });
}
