import type { RunPodRequest } from '../../contract';
import { labelKeyErrors, labelValueErrors } from '../../kube';
import { KubeApiError } from './kube-errors';
import type { KubeTransport } from './kube-http';

// What a person can do from the views: delete a pod, run one, cordon or uncordon a node. Input is
// checked before anything is sent; the server's refusals (409, 422, 403...) come back with its own
// message and a line on what to do next.

export class InvalidInput extends Error {
  override readonly name = 'InvalidInput';
  readonly code = 'invalid-request';
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

const seg = encodeURIComponent;

export async function deletePod(transport: KubeTransport, namespace: string, name: string): Promise<void> {
  try {
    await transport.request({ method: 'DELETE', path: `/api/v1/namespaces/${seg(namespace)}/pods/${seg(name)}` });
  } catch (error) {
    if (error instanceof KubeApiError && error.code === 'not-found') {
      throw new KubeApiError('not-found', `Pod ${namespace}/${name} is already gone.`, 404, undefined, 'The list updates by itself; nothing to do.');
    }
    throw error;
  }
}

/** The pod `kubectl run NAME --image=IMAGE --labels=... -- COMMAND` creates. */
export function podManifest(req: RunPodRequest): Record<string, unknown> {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(req.labels)) {
    for (const p of labelKeyErrors(key)) problems.push(`label key "${key}": ${p}`);
    for (const p of labelValueErrors(value)) problems.push(`label "${key}" value "${value}": ${p}`);
  }
  if (problems.length > 0) throw new InvalidInput(`The pod was not sent: ${problems.join('; ')}.`, 'Fix the labels and try again.');
  const container: Record<string, unknown> = { name: req.name, image: req.image };
  if (req.command.length > 0) container.command = req.command;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: req.name, namespace: req.namespace, labels: { run: req.name, ...req.labels } },
    spec: { containers: [container], restartPolicy: 'Always' },
  };
}

export async function runPod(transport: KubeTransport, req: RunPodRequest): Promise<{ name: string; namespace: string }> {
  const manifest = podManifest(req);
  const created = await transport.request<{ metadata?: { name?: string; namespace?: string } }>({
    method: 'POST',
    path: `/api/v1/namespaces/${seg(req.namespace)}/pods`,
    body: manifest,
  });
  return { name: created.metadata?.name ?? req.name, namespace: created.metadata?.namespace ?? req.namespace };
}

/**
 * `kubectl cordon` / `uncordon`: the same patch kubectl sends (uncordon clears the field rather
 * than writing false, since unschedulable is omitempty).
 */
export async function setUnschedulable(transport: KubeTransport, name: string, unschedulable: boolean): Promise<void> {
  await transport.request({
    method: 'PATCH',
    path: `/api/v1/nodes/${seg(name)}`,
    body: { spec: { unschedulable: unschedulable ? true : null } },
    contentType: 'application/merge-patch+json',
  });
}
