import { labelKeyErrors, labelValueErrors } from '../../kube';
import { type FieldProblem } from '../errors';
import { isObject, type Incoming } from '../objects';
import type { ResourceType } from '../resources';

// The validation the real API server does that clients notice: object names (DNS-1123,
// k8s.io/apimachinery/pkg/util/validation), label syntax, and the required fields of the
// kinds Berth and kubectl create. https://kubernetes.io/docs/concepts/overview/working-with-objects/names/

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

// Namespaces, services and a few others need DNS labels; most kinds accept subdomains.
const LABEL_NAMED = new Set(['namespaces', 'services']);

export function nameProblems(rt: ResourceType, name: string): FieldProblem[] {
  if (rt.resource === 'nodes' || rt.resource === 'events') return name ? [] : [{ field: 'metadata.name', type: 'Required', message: 'name or generateName is required' }];
  if (LABEL_NAMED.has(rt.resource)) {
    if (name.length > 63) return [{ field: 'metadata.name', value: name, message: 'must be no more than 63 characters' }];
    if (!DNS1123_LABEL.test(name)) return [{ field: 'metadata.name', value: name, message: LABEL_MSG }];
    return [];
  }
  if (name.length > 253) return [{ field: 'metadata.name', value: name, message: 'must be no more than 253 characters' }];
  if (!DNS1123_SUBDOMAIN.test(name)) return [{ field: 'metadata.name', value: name, message: SUBDOMAIN_MSG }];
  return [];
}

function labelProblems(path: string, labels: unknown): FieldProblem[] {
  if (!isObject(labels)) return [];
  const out: FieldProblem[] = [];
  for (const [k, v] of Object.entries(labels)) {
    const ke = labelKeyErrors(k);
    if (ke.length) out.push({ field: path, value: k, message: ke.join('; ') });
    const ve = labelValueErrors(String(v));
    if (ve.length) out.push({ field: `${path}`, value: v, message: ve.join('; ') });
  }
  return out;
}

function containerProblems(path: string, containers: unknown, required: boolean): FieldProblem[] {
  if (!Array.isArray(containers) || containers.length === 0) return required ? [{ field: path, type: 'Required' }] : [];
  const out: FieldProblem[] = [];
  containers.forEach((c, i) => {
    if (!isObject(c)) return;
    if (!c.name) out.push({ field: `${path}[${i}].name`, type: 'Required' });
    else if (!DNS1123_LABEL.test(String(c.name))) out.push({ field: `${path}[${i}].name`, value: c.name, message: LABEL_MSG });
    if (!c.image) out.push({ field: `${path}[${i}].image`, type: 'Required' });
  });
  return out;
}

function podSpecProblems(path: string, spec: unknown): FieldProblem[] {
  if (!isObject(spec)) return [{ field: path, type: 'Required' }];
  return [...containerProblems(`${path}.containers`, spec.containers, true), ...containerProblems(`${path}.initContainers`, spec.initContainers, false)];
}

/** Every problem with an object about to be stored; empty when valid. */
export function validateObject(rt: ResourceType, obj: Incoming & { metadata: { name: string } }): FieldProblem[] {
  const problems = [...nameProblems(rt, obj.metadata.name), ...labelProblems('metadata.labels', obj.metadata.labels)];
  const spec = obj.spec as Record<string, unknown> | undefined;
  switch (rt.kind) {
    case 'Pod':
      problems.push(...podSpecProblems('spec', spec));
      break;
    case 'Deployment':
    case 'ReplicaSet':
    case 'DaemonSet':
    case 'StatefulSet':
    case 'Job': {
      const tpl = isObject(spec) ? spec.template : undefined;
      problems.push(...podSpecProblems('spec.template.spec', isObject(tpl) ? tpl.spec : undefined));
      if (rt.kind !== 'Job' && isObject(spec) && !isObject(spec.selector)) problems.push({ field: 'spec.selector', type: 'Required' });
      if (isObject(spec) && typeof spec.replicas === 'number' && spec.replicas < 0) {
        problems.push({ field: 'spec.replicas', value: spec.replicas, message: 'must be greater than or equal to 0' });
      }
      break;
    }
    case 'Service': {
      const ports = isObject(spec) && Array.isArray(spec.ports) ? spec.ports : [];
      ports.forEach((p, i) => {
        if (!isObject(p) || typeof p.port !== 'number') problems.push({ field: `spec.ports[${i}].port`, type: 'Required' });
        else if (p.port < 1 || p.port > 65535) problems.push({ field: `spec.ports[${i}].port`, value: p.port, message: 'must be between 1 and 65535, inclusive' });
      });
      break;
    }
  }
  return problems;
}
