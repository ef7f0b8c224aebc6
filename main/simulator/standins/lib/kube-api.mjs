// @ts-check
// A tiny Kubernetes API client for the stand-in microk8s: reads the simulator's kubeconfig (token
// auth, CA embedded) and speaks JSON over node's https. Enough for status checks and for creating
// an addon's objects; nothing here is cached between commands.
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { Buffer } from 'node:buffer';
import { URL } from 'node:url';

/**
 * @typedef {object} KubeTarget
 * @property {URL} server
 * @property {string | undefined} ca
 * @property {string | undefined} token
 * @property {boolean} insecure
 */

/**
 * @typedef {object} ApiResponse
 * @property {number} status
 * @property {any} body   parsed JSON (or the raw text when it is not JSON)
 */

/** @param {unknown} v @returns {Record<string, any>} */
const obj = (v) => (typeof v === 'object' && v !== null ? /** @type {Record<string, any>} */ (v) : {});

/**
 * The current context's cluster and user from a kubeconfig file.
 * @param {string} file
 * @returns {Promise<KubeTarget>}
 */
export async function readKubeconfig(file) {
  // Loaded on demand: most stand-in runs never read a kubeconfig, and every run pays its imports.
  const { parse: parseYaml } = await import('yaml');
  const doc = obj(parseYaml(fs.readFileSync(file, 'utf8')));
  const named = (/** @type {string} */ list, /** @type {string | undefined} */ name) => obj((Array.isArray(doc[list]) ? doc[list] : []).find((e) => obj(e).name === name));
  const contexts = Array.isArray(doc.contexts) ? doc.contexts : [];
  const ctx = obj(named('contexts', doc['current-context']).context ?? obj(contexts[0]).context);
  const cluster = obj(named('clusters', ctx.cluster).cluster);
  const user = obj(named('users', ctx.user).user);
  if (typeof cluster.server !== 'string') throw new Error(`no cluster server in ${file}`);
  const caData = cluster['certificate-authority-data'];
  const caFile = cluster['certificate-authority'];
  return {
    server: new URL(cluster.server),
    ca: typeof caData === 'string' ? Buffer.from(caData, 'base64').toString('utf8') : typeof caFile === 'string' ? fs.readFileSync(caFile, 'utf8') : undefined,
    token: typeof user.token === 'string' ? user.token : undefined,
    insecure: cluster['insecure-skip-tls-verify'] === true,
  };
}

/**
 * @param {KubeTarget} target
 * @param {string} method
 * @param {string} path   e.g. /api/v1/namespaces/kube-system/pods
 * @param {unknown} [body]
 * @param {number} [timeoutMs]
 * @returns {Promise<ApiResponse>}
 */
export function apiRequest(target, method, path, body, timeoutMs = 5000) {
  const url = new URL(path, target.server);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  /** @type {https.RequestOptions} */
  const options = {
    method,
    headers: {
      Accept: 'application/json',
      ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } : {}),
      ...(target.token ? { Authorization: `Bearer ${target.token}` } : {}),
    },
    ...(target.ca ? { ca: target.ca } : {}),
    rejectUnauthorized: !target.insecure,
    timeout: timeoutMs,
  };
  const lib = url.protocol === 'http:' ? http : https;
  return new Promise((resolve, reject) => {
    const req = lib.request(url, options, (res) => {
      /** @type {Buffer[]} */
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed;
        try {
          parsed = text ? JSON.parse(text) : undefined;
        } catch {
          parsed = text;
        }
        resolve({ status: res.statusCode ?? 0, body: parsed });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

/**
 * A GET that returns the list's items, or undefined when the server cannot be reached or refuses.
 * @param {KubeTarget} target
 * @param {string} path
 * @returns {Promise<any[] | undefined>}
 */
export async function listItems(target, path) {
  try {
    const res = await apiRequest(target, 'GET', path);
    return res.status === 200 && Array.isArray(res.body?.items) ? res.body.items : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The API path of an object's collection: /api/v1/namespaces/NS/services, /apis/apps/v1/...
 * @param {{ apiVersion: string, kind: string, metadata: { namespace?: string } }} o
 */
export function collectionPath(o) {
  const plural = PLURALS[o.kind] ?? `${o.kind.toLowerCase()}s`;
  const base = o.apiVersion.includes('/') ? `/apis/${o.apiVersion}` : `/api/${o.apiVersion}`;
  return o.metadata.namespace ? `${base}/namespaces/${o.metadata.namespace}/${plural}` : `${base}/${plural}`;
}

/** @type {Record<string, string>} */
const PLURALS = {
  Ingress: 'ingresses',
  IngressClass: 'ingressclasses',
  StorageClass: 'storageclasses',
  PersistentVolumeClaim: 'persistentvolumeclaims',
  NetworkPolicy: 'networkpolicies',
  ClusterRole: 'clusterroles',
  ClusterRoleBinding: 'clusterrolebindings',
  APIService: 'apiservices',
  IPAddressPool: 'ipaddresspools',
  L2Advertisement: 'l2advertisements',
};
