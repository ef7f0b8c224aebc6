// Kubernetes resource quantities (k8s.io/apimachinery/pkg/api/resource): "250m" CPU, "128Mi"
// memory. Parsed to millicores and bytes for the scheduler's arithmetic.

import { parseQuantity as parseOrUndefined } from '../../kube/quantity';

/** The quantity in base units; 0 for an absent or malformed one (the scheduler counts nothing). */
export function parseQuantity(q: string | number | undefined): number {
  return parseOrUndefined(q) ?? 0;
}

export const milliCpu = (q: string | number | undefined): number => Math.round(parseQuantity(q) * 1000);

export function formatCpuNano(cores: number): string {
  return `${Math.max(0, Math.round(cores * 1e9))}n`;
}

export function formatMemKi(bytes: number): string {
  return `${Math.max(0, Math.round(bytes / 1024))}Ki`;
}
