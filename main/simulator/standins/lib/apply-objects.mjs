// @ts-check
// `kubectl apply` / `kubectl delete` as the addon scripts use them, against the simulated API:
// create each object and print kubectl's line for it (`deployment.apps/coredns created`).
// Kinds the simulator does not serve (RBAC, APIService, MetalLB CRs) are printed as created but
// not stored: the cluster view has nothing to show for them, and the printed output stays real.
import { apiRequest, collectionPath } from './kube-api.mjs';

/** @typedef {import('./kube-api.mjs').KubeTarget} KubeTarget */
/** @typedef {import('./addon-manifests.mjs').Manifest} Manifest */

/** kubectl's name for an object's type: `deployment.apps`, `serviceaccount`. */
export const kubectlType = (/** @type {Manifest} */ o) => `${o.kind.toLowerCase()}${o.apiVersion.includes('/') ? `.${o.apiVersion.split('/')[0]}` : ''}`;
/** kubectl's name for an object: `deployment.apps/coredns`, `serviceaccount/coredns`. */
export const kubectlName = (/** @type {Manifest} */ o) => `${kubectlType(o)}/${o.metadata.name}`;

/**
 * Whether a 404 means "this server has no such resource type" rather than "no such namespace".
 * @param {any} body
 */
const unknownType = (body) => !(body && typeof body === 'object' && body.kind === 'Status' && body.details?.kind === 'namespaces');

/**
 * @param {KubeTarget} target
 * @param {Manifest[]} objects
 * @param {(line: string) => void} say
 */
export async function applyObjects(target, objects, say) {
  for (const o of objects) {
    const res = await apiRequest(target, 'POST', collectionPath(o), o);
    if (res.status === 201 || res.status === 200 || (res.status === 404 && unknownType(res.body))) say(`${kubectlName(o)} created`);
    else if (res.status === 409) say(`${kubectlName(o)} unchanged`);
    else throw new Error(`Error from server: error when creating "STDIN": ${res.body?.message ?? `HTTP ${res.status}`}`);
  }
}

/**
 * @param {KubeTarget} target
 * @param {Manifest[]} objects
 * @param {(line: string) => void} say
 */
export async function deleteObjects(target, objects, say) {
  for (const o of [...objects].reverse()) {
    const res = await apiRequest(target, 'DELETE', `${collectionPath(o)}/${encodeURIComponent(o.metadata.name)}`, { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background' });
    if (res.status === 200 || res.status === 202) say(`${kubectlType(o)} "${o.metadata.name}" deleted`);
  }
}

/**
 * Waits until a Deployment reports an available replica (kubectl wait --for=condition=available).
 * @param {KubeTarget} target
 * @param {string} ns @param {string} name
 * @param {number} timeoutMs
 * @param {(ms: number) => Promise<void>} sleep
 */
export async function waitForDeployment(target, ns, name, timeoutMs, sleep) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await apiRequest(target, 'GET', `/apis/apps/v1/namespaces/${ns}/deployments/${name}`);
      if (res.status === 200 && (res.body?.status?.availableReplicas ?? 0) >= 1) return true;
    } catch {
      /* not up yet */
    }
    await sleep(1000);
  }
  return false;
}
