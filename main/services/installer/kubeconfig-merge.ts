import { chmodSync, copyFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { isMap, isSeq, parse, parseDocument, type Document, type YAMLMap } from 'yaml';

/** The names the microk8s cluster gets in ~/.kube/config; `admin`, microk8s' own user name, is too common to keep. */
export const MICROK8S_NAMES = { context: 'microk8s', cluster: 'microk8s-cluster', user: 'microk8s-admin' };

export class KubeconfigError extends Error {
  readonly code = 'kubeconfig-unreadable';
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'KubeconfigError';
  }
}

interface NamedEntry {
  name: string;
  [key: string]: unknown;
}

/** The current context's cluster, user and context of a kubeconfig (`microk8s config`). */
function currentEntries(text: string): { cluster: unknown; user: unknown } {
  const config = parse(text) as { 'current-context'?: string; contexts?: NamedEntry[]; clusters?: NamedEntry[]; users?: NamedEntry[] } | null;
  const context = config?.contexts?.find((c) => c.name === config['current-context']) ?? config?.contexts?.[0];
  const ref = context?.context as { cluster?: string; user?: string } | undefined;
  const cluster = config?.clusters?.find((c) => c.name === ref?.cluster)?.cluster;
  const user = config?.users?.find((u) => u.name === ref?.user)?.user;
  if (!cluster || !user) throw new Error('`microk8s config` printed no usable cluster and user.');
  return { cluster, user };
}

function upsert(doc: Document, key: 'clusters' | 'users' | 'contexts', name: string, field: string, value: unknown): void {
  let list = doc.get(key);
  if (!isSeq(list)) {
    doc.set(key, doc.createNode([]));
    list = doc.get(key);
  }
  if (!isSeq(list)) return;
  const node = doc.createNode({ name, [field]: value });
  const index = list.items.findIndex((item) => isMap(item) && (item as YAMLMap).get('name') === name);
  if (index >= 0) list.items[index] = node;
  else list.items.push(node);
}

/**
 * Adds the microk8s cluster to a kubeconfig as its own context, changing nothing else: other
 * clusters, users and contexts, comments and the current context stay as they were (the current
 * context is set only when there was none). A file that is not a readable kubeconfig is refused,
 * never overwritten.
 */
export function mergeKubeconfig(existing: string | undefined, microk8sConfig: string): string {
  const { cluster, user } = currentEntries(microk8sConfig);
  const doc = parseDocument(existing && existing.trim() !== '' ? existing : 'apiVersion: v1\nkind: Config\npreferences: {}\n');
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    throw new KubeconfigError(
      'Your kubeconfig could not be read as YAML, so Berth left it untouched.',
      'Fix or move the file (see `kubectl config view` for what is wrong), then run the kubeconfig step again.',
    );
  }
  for (const key of ['clusters', 'users', 'contexts'] as const) {
    const value = doc.get(key);
    if (value !== undefined && value !== null && !isSeq(value)) {
      throw new KubeconfigError(`Your kubeconfig's \`${key}\` is not a list, so Berth left the file untouched.`, 'Fix the file, then run the kubeconfig step again.');
    }
  }
  upsert(doc, 'clusters', MICROK8S_NAMES.cluster, 'cluster', cluster);
  upsert(doc, 'users', MICROK8S_NAMES.user, 'user', user);
  upsert(doc, 'contexts', MICROK8S_NAMES.context, 'context', { cluster: MICROK8S_NAMES.cluster, user: MICROK8S_NAMES.user });
  if (!doc.get('current-context')) doc.set('current-context', MICROK8S_NAMES.context);
  return doc.toString();
}

export interface MergeResult {
  context: string;
  path: string;
  backupPath?: string;
}

/**
 * Merges into the kubeconfig file at `path`: backup of the old file first, the new file written
 * to a temporary name with mode 0600 and renamed over, so a crash never leaves half a file.
 */
export function mergeKubeconfigFile(path: string, microk8sConfig: string, now: () => number = Date.now): MergeResult {
  let existing: string | undefined;
  try {
    existing = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new KubeconfigError(`Berth cannot read ${path}: ${(error as Error).message}.`, `Check the file's owner and mode (sudo chown -R $USER ${dirname(path)}), then retry.`);
    }
  }
  const merged = mergeKubeconfig(existing, microk8sConfig);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  let backupPath: string | undefined;
  if (existing !== undefined) {
    backupPath = `${path}.berth-backup-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`;
    copyFileSync(path, backupPath);
    chmodSync(backupPath, 0o600);
  }
  const temp = `${path}.berth-${process.pid}.tmp`;
  writeFileSync(temp, merged, { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, path);
  return { context: MICROK8S_NAMES.context, path, ...(backupPath ? { backupPath } : {}) };
}
