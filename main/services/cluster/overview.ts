import type { EventRow, Overview, PodRow, ServiceRow } from '../../contract';
import { nodeStatus, type KubeObject, type Node } from '../../kube';
import type { Change } from './apply-events';
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

/** How many objects fall in each category, moved by +1/-1 as objects change. */
class Counts {
  private readonly byValue = new Map<string, number>();

  move(value: string, by: 1 | -1): void {
    const n = (this.byValue.get(value) ?? 0) + by;
    if (n === 0) this.byValue.delete(value);
    else this.byValue.set(value, n);
  }

  get(value: string): number {
    return this.byValue.get(value) ?? 0;
  }

  /** Keys in a fixed order, so an unchanged overview serialises the same and is not resent. */
  record(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const k of [...this.byValue.keys()].sort()) out[k] = this.byValue.get(k)!;
    return out;
  }

  clear(): void {
    this.byValue.clear();
  }
}

export type OverviewKind = 'nodes' | 'pods' | 'services' | 'events';

function nodeReady(node: KubeObject): string {
  return nodeStatus(node as Node).split(',')[0] === 'Ready' ? 'Ready' : 'NotReady';
}

/**
 * The overview's counts kept from informer changes: at 150,000 pods, walking every pod each
 * second cost main a steady share of its CPU. Each change takes its old object out (`before` is
 * the cached object it replaces, whose row is cached) and puts the new one in, so the result
 * stays what `computeOverview` would count from scratch (a test compares the two).
 */
export class OverviewIndex {
  private readonly nodes = new Counts();
  private readonly pods = new Counts();
  private readonly services = new Counts();
  /** Only the Warning events: the few the overview lists, newest first. */
  private readonly warnings = new Map<string, { at: number; row: EventRow }>();

  constructor(private readonly rows: Pick<OverviewInputs, 'podRow' | 'serviceRow'>) {}

  private move(kind: OverviewKind, key: string, obj: KubeObject, by: 1 | -1): void {
    switch (kind) {
      case 'nodes':
        this.nodes.move(nodeReady(obj), by);
        return;
      case 'pods':
        this.pods.move(this.rows.podRow(obj).status, by);
        return;
      case 'services':
        this.services.move(this.rows.serviceRow(obj).type, by);
        return;
      case 'events':
        if (by < 0) this.warnings.delete(key);
        else if ((obj as { type?: string }).type === 'Warning') {
          this.warnings.set(key, { at: Date.parse(eventLastSeen(obj) ?? '') || 0, row: eventRow(obj) });
        }
    }
  }

  apply(kind: OverviewKind, changes: readonly Change[]): void {
    for (const c of changes) {
      if (c.before) this.move(kind, c.key, c.before, -1);
      if (c.after) this.move(kind, c.key, c.after, 1);
    }
  }

  /** Counts one kind again from its whole cache (on attach, when the informer already holds objects). */
  reset(kind: OverviewKind, cache: Iterable<[string, KubeObject]>): void {
    if (kind === 'nodes') this.nodes.clear();
    else if (kind === 'pods') this.pods.clear();
    else if (kind === 'services') this.services.clear();
    else this.warnings.clear();
    for (const [key, obj] of cache) this.move(kind, key, obj, 1);
  }

  result(serverVersion: string | undefined, health: Overview['health']): Overview {
    const ready = this.nodes.get('Ready');
    const warnings = [...this.warnings.values()].sort((a, b) => b.at - a.at);
    const result: Overview = {
      nodes: { ready, total: ready + this.nodes.get('NotReady') },
      podsByStatus: this.pods.record(),
      servicesByType: this.services.record(),
      warnings: warnings.slice(0, WARNINGS_SHOWN).map((w) => w.row),
    };
    if (serverVersion) result.serverVersion = serverVersion;
    if (health) result.health = health;
    return result;
  }
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
