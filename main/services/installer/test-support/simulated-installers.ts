import { afterAll, afterEach, beforeAll } from 'vitest';
import { startSimulator, type Simulator } from '../../../simulator';
import { installerHarness, type HarnessOptions } from './installer-harness';

/**
 * For a test file of installer runs: one simulated fresh microk8s for the file, and a function that
 * makes installer harnesses against it, each disposed after its test.
 */
export function installersOnSimulatedCluster(): (options?: HarnessOptions) => ReturnType<typeof installerHarness> {
  let sim: Simulator | undefined;
  let harnesses: Array<ReturnType<typeof installerHarness>> = [];
  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'fresh-microk8s', speed: 20 });
  });
  afterAll(async () => {
    await sim?.stop();
  });
  afterEach(async () => {
    for (const h of harnesses) await h.dispose();
    harnesses = [];
  });
  return (options = {}) => {
    if (!sim) throw new Error('the simulated cluster is not up yet: make harnesses inside a test');
    const h = installerHarness({ simKubeconfig: sim.kubeconfigPath, ...options });
    harnesses.push(h);
    return h;
  };
}
