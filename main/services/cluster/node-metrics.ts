import { bytes, millicores } from './quantity';

/** metrics.k8s.io NodeMetrics items to usage per node (millicores, bytes). */
export function quantityToMetrics(items: Array<{ metadata?: { name?: string }; usage?: { cpu?: string; memory?: string } }>): Map<string, { cpu: number; memory: number }> {
  const out = new Map<string, { cpu: number; memory: number }>();
  for (const item of items) {
    const name = item.metadata?.name;
    if (!name || !item.usage) continue;
    out.set(name, { cpu: millicores(item.usage.cpu), memory: bytes(item.usage.memory) });
  }
  return out;
}
