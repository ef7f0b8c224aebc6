import { createBackend, type Backend, type BackendOptions } from './backend';
import { startDemoCluster } from './demo-cluster';

/**
 * The backend as the launch options ask for it: with `demo`, first a simulated cluster and
 * stand-in install tools, which then stop with the backend.
 */
export async function launchBackend(options: Omit<BackendOptions, 'env'>): Promise<Backend> {
  if (!options.demo) return createBackend(options);
  const demo = await startDemoCluster(options.dataDir);
  const backend = createBackend({ ...options, kubeconfig: options.kubeconfig ?? demo.kubeconfigPath, env: demo.env });
  return {
    ...backend,
    async dispose() {
      await backend.dispose();
      await demo.stop();
    },
  };
}
