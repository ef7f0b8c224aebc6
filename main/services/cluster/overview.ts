import type { EventRow, Overview, PodRow, ServiceRow } from '../../contract';
import { nodeStatus, type KubeObject, type Node } from '../../kube';
import type { KubeTransport } from './kube-http';
import { eventRow, eventLastSeen } from './rows';

// The overview page: counts from the caches the informers keep (no extra LISTs), recent warning
// events, and control-plane health from /readyz?verbose and /livez?verbose where RBAC allows.

export interface OverviewInputs {
  serverVersion: string | undefined;
  nodes: Iterable<KubeObject>;
  pods: Iterable<KubeObject>;
  services: Iterable<KubeObject>;
  events: Iterable<KubeObject>;
  podRow(pod: KubeObject): PodRow;
  serviceRow(svc: KubeObject): ServiceRow;
  health: Overview['health'];
}

const WARNINGS_SHOWN = 10;

export function computeOverview(inputs: OverviewInputs): Overview {
  let ready = 0;
  let total = 0;
  for (const node of inputs.nodes) {
    total++;
    if (nodeStatus(node as Node).split(',')[0] === 'Ready') ready++;
  }
  const podsByStatus: Record<string, number> = {};
  for (const pod of inputs.pods) {
    const status = inputs.podRow(pod).status;
    podsByStatus[status] = (podsByStatus[status] ?? 0) + 1;
  }
  const servicesByType: Record<string, number> = {};
  for (const svc of inputs.services) {
    const type = inputs.serviceRow(svc).type;
    servicesByType[type] = (servicesByType[type] ?? 0) + 1;
  }
  const warnings: Array<{ at: number; row: EventRow }> = [];
  for (const ev of inputs.events) {
    if ((ev as { type?: string }).type !== 'Warning') continue;
    const at = Date.parse(eventLastSeen(ev) ?? '') || 0;
    warnings.push({ at, row: eventRow(ev) });
  }
  warnings.sort((a, b) => b.at - a.at);
  const result: Overview = {
    nodes: { ready, total },
    podsByStatus,
    servicesByType,
    warnings: warnings.slice(0, WARNINGS_SHOWN).map((w) => w.row),
  };
  if (inputs.serverVersion) result.serverVersion = inputs.serverVersion;
  if (inputs.health) result.health = inputs.health;
  return result;
}

/** Parses the `[+]etcd ok` / `[-]etcd failed: reason withheld` lines of a verbose health check. */
export function parseHealthChecks(prefix: string, body: string): Array<{ check: string; ok: boolean }> {
  const out: Array<{ check: string; ok: boolean }> = [];
  for (const line of body.split('\n')) {
    const m = /^\[([+-])\]([^\s]+)/.exec(line.trim());
    if (m) out.push({ check: `${prefix}: ${m[2]}`, ok: m[1] === '+' });
  }
  return out;
}

/** Control-plane health, or undefined when neither endpoint answers us (RBAC, an old server). */
export async function fetchHealth(transport: KubeTransport): Promise<Overview['health']> {
  const checks: Array<{ check: string; ok: boolean }> = [];
  let answered = false;
  for (const endpoint of ['readyz', 'livez'] as const) {
    try {
      const { status, body } = await transport.text({ path: `/${endpoint}`, query: { verbose: true } });
      if (status === 401 || status === 403 || status === 404) continue;
      answered = true;
      const parsed = parseHealthChecks(endpoint, body);
      // A failing endpoint that lists no checks still says it failed.
      checks.push(...(parsed.length ? parsed : [{ check: endpoint, ok: status >= 200 && status < 300 }]));
    } catch {
      // Unreachable: the connection state already says so.
    }
  }
  return answered ? checks : undefined;
}
