import type { EventRow } from '../../../../main/contract';
import { toMillis } from '../../../../main/kube';

/** Events of one type and reason about one kind of object: "Warning BackOff on Pods". */
export interface EventGroup {
  key: string;
  type: string;
  reason: string;
  /** The involved objects' kind ("Pod"), "" when the events do not say. */
  objectKind: string;
  /** The server's counts added up (an event seen 5 times counts 5). */
  count: number;
  /** Distinct objects the group's events are about. */
  objects: number;
  /** RFC 3339 of the newest occurrence. */
  lastSeen: string | undefined;
  /** The newest event's message, as an example. */
  message: string;
  events: EventRow[];
}

const seenAt = (e: EventRow) => toMillis(e.lastSeen ?? e.createdAt) ?? 0;
const kindOf = (e: EventRow) => e.involved?.kind ?? e.object.split('/')[0] ?? '';

/**
 * Groups events by type, reason and the kind of object they are about, adding up the server's
 * counts (never recounting: an event the server aggregated 40 times counts 40). Warnings come
 * first, then the most recently seen; events within a group are newest first.
 */
export function groupEvents(events: readonly EventRow[]): EventGroup[] {
  const groups = new Map<string, EventGroup>();
  for (const e of [...events].sort((a, b) => seenAt(b) - seenAt(a))) {
    const objectKind = kindOf(e);
    const key = `${e.type}\u0000${e.reason}\u0000${objectKind}`;
    let g = groups.get(key);
    if (!g) {
      g = { key, type: e.type, reason: e.reason, objectKind, count: 0, objects: 0, lastSeen: e.lastSeen ?? e.createdAt, message: e.message, events: [] };
      groups.set(key, g);
    }
    g.count += Math.max(1, e.count);
    g.events.push(e);
  }
  for (const g of groups.values()) g.objects = new Set(g.events.map((e) => `${e.namespace ?? ''}/${e.object}`)).size;
  const warning = (g: EventGroup) => (g.type === 'Warning' ? 0 : 1);
  return [...groups.values()].sort((a, b) => warning(a) - warning(b) || (toMillis(b.lastSeen) ?? 0) - (toMillis(a.lastSeen) ?? 0) || a.reason.localeCompare(b.reason));
}
