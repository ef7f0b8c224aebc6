import type { AffectedObject, CheckupAreaId, Finding, FindingStatus } from '../../contract';

// Building findings: every check returns these, the scoring and the export read them.

/** A finding lists at most this many objects; `objectsTotal` has the real count. */
export const MAX_OBJECTS = 200;

export interface FindingInput {
  id: string;
  title: string;
  status: FindingStatus;
  summary: string;
  why: string;
  fix?: string;
  fixFormat?: Finding['fixFormat'];
  objects?: AffectedObject[];
}

export function makeFinding(area: CheckupAreaId, f: FindingInput): Finding {
  const objects = f.objects ?? [];
  return {
    id: `${area}.${f.id}`,
    area,
    title: f.title,
    status: f.status,
    summary: f.summary,
    why: f.why,
    fix: f.status === 'pass' ? '' : (f.fix ?? ''),
    fixFormat: f.fixFormat ?? 'text',
    objects: objects.slice(0, MAX_OBJECTS),
    objectsTotal: objects.length,
  };
}

/** "1 workload runs", "2 workloads run". */
export const agree = (n: number, noun: string, verbOne: string, verbMany: string): string => `${plural(n, noun)} ${n === 1 ? verbOne : verbMany}`;

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "a, b and 3 more" for summaries. */
export function listNames(names: string[], max = 3): string {
  if (names.length <= max) return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

/**
 * Namespaces that belong to the platform (Kubernetes itself and microk8s' addons): their pods
 * need host access by design, so workload checks leave them out and say so.
 */
export const PLATFORM_NAMESPACES: ReadonlySet<string> = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'ingress', 'metallb-system', 'container-registry', 'cert-manager', 'observability']);
export const PLATFORM_NOTE = `Berth leaves out the platform's own namespaces (${[...PLATFORM_NAMESPACES].join(', ')}).`;

export const isUserNamespace = (ns: string): boolean => !PLATFORM_NAMESPACES.has(ns);
