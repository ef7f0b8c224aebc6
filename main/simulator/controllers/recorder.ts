import { randomBytes } from 'node:crypto';
import { microTime, rfc3339, type KObj } from '../objects';
import type { Store } from '../store';

// Events as the kubelet and controllers record them (core/v1 Event, client-go's
// EventRecorder): name "<object>.<hex>", repeated events bump count and lastTimestamp.
// Bounded, as the API server's event TTL bounds them.

export interface EventSource {
  component: string;
  host?: string;
}

export class Recorder {
  private readonly recent = new Map<string, string>(); // dedupe key -> event name
  private readonly order: { ns: string; name: string }[] = [];

  constructor(
    private readonly store: Store,
    private readonly max = 5000,
  ) {}

  record(obj: KObj, type: 'Normal' | 'Warning', reason: string, message: string, source: EventSource, fieldPath?: string): void {
    const ns = obj.metadata.namespace ?? 'default';
    const dedupe = `${obj.metadata.uid}|${reason}|${message}|${fieldPath ?? ''}`;
    const existing = this.recent.get(dedupe);
    const now = rfc3339();
    if (existing) {
      const updated = this.store.mutate<{ count?: number }>('events', ns, existing, (e) => {
        e.count = (e.count ?? 1) + 1;
        (e as Record<string, unknown>).lastTimestamp = now;
      });
      if (updated) return;
      this.recent.delete(dedupe);
    }
    const name = `${obj.metadata.name}.${randomBytes(8).toString('hex')}`;
    const involved: Record<string, unknown> = { kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name, uid: obj.metadata.uid, apiVersion: obj.apiVersion, resourceVersion: obj.metadata.resourceVersion };
    if (!obj.metadata.namespace) delete involved.namespace;
    if (fieldPath) involved.fieldPath = fieldPath;
    const event: KObj = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: ns, uid: '', resourceVersion: '', creationTimestamp: now },
      involvedObject: involved,
      reason,
      message,
      source: source.host ? { component: source.component, host: source.host } : { component: source.component },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    void microTime;
    this.store.create('events', event);
    this.recent.set(dedupe, name);
    this.order.push({ ns, name });
    while (this.order.length > this.max) {
      const old = this.order.shift()!;
      if (this.store.get('events', old.ns, old.name)) this.store.remove('events', old.ns, old.name);
    }
    if (this.recent.size > this.max * 2) this.recent.clear();
  }
}
