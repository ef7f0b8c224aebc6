// @ts-check
// What the stand-in microk8s knows about "its" cluster, which is the simulated API server named by
// BERTH_SIM_KUBECONFIG: whether it is ready (utils.py is_cluster_ready: `service/kubernetes` exists
// and a node is Ready) and which addons are on.
import { readKubeconfig, listItems } from './kube-api.mjs';
import { enabledAddons } from './addon-catalog.mjs';

/** @typedef {import('./settings.mjs').Settings} Settings */
/** @typedef {import('./state-file.mjs').StandinState} StandinState */
/** @typedef {import('./kube-api.mjs').KubeTarget} KubeTarget */

/**
 * The API server to talk to, or undefined when there is none (no simulator, unreadable file).
 * @param {Settings} s
 * @returns {Promise<KubeTarget | undefined>}
 */
export async function clusterTarget(s) {
  if (!s.simKubeconfig) return undefined;
  try {
    return await readKubeconfig(s.simKubeconfig);
  } catch {
    return undefined;
  }
}

/**
 * @param {Settings} s
 * @param {StandinState} st
 */
export async function isClusterReady(s, st) {
  if (st.stopped || s.fail.has('port-in-use') || s.fail.has('wait-ready-timeout')) return false;
  // Right after install or start the services take a while (tens of seconds) to answer.
  if (Date.now() < st.readyAt) return false;
  const target = await clusterTarget(s);
  if (!target) return false;
  const [nodes, services] = await Promise.all([listItems(target, '/api/v1/nodes'), listItems(target, '/api/v1/namespaces/default/services')]);
  if (!nodes || !services) return false;
  const ready = nodes.some((n) => (n?.status?.conditions ?? []).some((/** @type {any} */ c) => c?.type === 'Ready' && c?.status === 'True'));
  return ready && services.some((svc) => svc?.metadata?.name === 'kubernetes');
}

/**
 * @param {Settings} s
 * @param {StandinState} st
 * @returns {Promise<Set<string>>}
 */
export async function currentAddons(s, st) {
  const target = await clusterTarget(s);
  const pods = target ? ((await listItems(target, '/api/v1/pods')) ?? []) : [];
  return enabledAddons(
    pods.map((p) => String(p?.metadata?.name ?? '')),
    st.fileAddons,
  );
}
