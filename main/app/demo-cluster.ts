import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startSimulator } from '../simulator';
import { createStandinEnv } from '../simulator/standins';
import { builtPaths } from './paths';

export interface DemoCluster {
  /** The kubeconfig the cluster view reads: a copy of the simulator's, in the demo's own home. */
  kubeconfigPath: string;
  /** The installer's environment: stand-in snap/microk8s/sudo first on PATH, the demo home as HOME. */
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

/** Password the demo's stand-in sudo accepts; the wizard tells the person. */
export const DEMO_SUDO_PASSWORD = 'berth';

/**
 * `--demo`: Berth on the simulated `busy` cluster, with stand-in install tools, so the whole app
 * (install wizard included) can be tried on any machine. Nothing touches the person's real
 * ~/.kube or system: the installer runs with a home folder of its own under Berth's data folder.
 */
export async function startDemoCluster(dataDir: string, baseEnv: NodeJS.ProcessEnv = process.env): Promise<DemoCluster> {
  const demoDir = join(dataDir, 'demo');
  const home = join(demoDir, 'home');
  mkdirSync(join(home, '.kube'), { recursive: true, mode: 0o700 });
  const simulator = await startSimulator({ scenario: 'busy', dir: demoDir });
  const kubeconfigPath = join(home, '.kube', 'config');
  copyFileSync(simulator.kubeconfigPath, kubeconfigPath);
  const standins = createStandinEnv({
    dir: join(demoDir, 'standins'),
    binDir: join(builtPaths.appRoot, 'main/simulator/standins/bin'),
    simKubeconfig: simulator.kubeconfigPath,
    sudoPassword: DEMO_SUDO_PASSWORD,
    speed: 0.3,
  });
  return {
    kubeconfigPath,
    env: { ...baseEnv, ...standins.env, HOME: home, KUBECONFIG: kubeconfigPath },
    async stop() {
      standins.dispose();
      await simulator.stop();
    },
  };
}
