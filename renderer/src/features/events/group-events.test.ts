import { describe, expect, it } from 'vitest';
import type { EventRow } from '../../../../main/contract';
import { groupEvents } from './group-events';

let n = 0;
const ev = (type: string, reason: string, object: string, lastSeen: string, count = 1, message = `${reason} on ${object}`): EventRow => ({
  kind: 'events',
  uid: `e${++n}`,
  name: `${object.split('/')[1]}.${n}`,
  namespace: 'shop',
  labels: {},
  type,
  reason,
  // As main prints OBJECT: lower-case kind.
  object: `${object.split('/')[0]!.toLowerCase()}/${object.split('/')[1]}`,
  message,
  count,
  lastSeen,
  involved: { kind: object.split('/')[0]!, name: object.split('/')[1]!, namespace: 'shop' },
});

describe('groupEvents', () => {
  it('groups by type, reason and object kind, adding the server counts and counting objects once', () => {
    const groups = groupEvents([
      ev('Warning', 'BackOff', 'Pod/api-1', '2026-11-27T15:00:00Z', 40),
      ev('Warning', 'BackOff', 'Pod/api-2', '2026-11-27T15:00:05Z', 12, 'Back-off restarting failed container api'),
      ev('Warning', 'BackOff', 'Pod/api-2', '2026-11-27T14:00:00Z', 3),
      ev('Normal', 'Scheduled', 'Pod/api-1', '2026-11-27T15:01:00Z'),
    ]);
    expect(groups.map((g) => [g.type, g.reason, g.objectKind, g.count, g.objects])).toEqual([
      ['Warning', 'BackOff', 'Pod', 55, 2],
      ['Normal', 'Scheduled', 'Pod', 1, 1],
    ]);
    // Last seen and the example message come from the newest event.
    expect(groups[0]!.lastSeen).toBe('2026-11-27T15:00:05Z');
    expect(groups[0]!.message).toBe('Back-off restarting failed container api');
    expect(groups[0]!.events.map((e) => e.lastSeen)).toEqual(['2026-11-27T15:00:05Z', '2026-11-27T15:00:00Z', '2026-11-27T14:00:00Z']);
  });

  it('puts warnings first even when normal events are newer, then the most recent', () => {
    const groups = groupEvents([
      ev('Normal', 'Pulled', 'Pod/a', '2026-11-27T15:05:00Z'),
      ev('Warning', 'FailedScheduling', 'Pod/b', '2026-11-27T14:00:00Z'),
      ev('Warning', 'ProgressDeadlineExceeded', 'Deployment/c', '2026-11-27T14:30:00Z'),
    ]);
    expect(groups.map((g) => g.reason)).toEqual(['ProgressDeadlineExceeded', 'FailedScheduling', 'Pulled']);
  });

  it('keeps the same reason on different kinds apart, and reads the kind from OBJECT when involved is missing', () => {
    const plain = { ...ev('Normal', 'Killing', 'Pod/x', '2026-11-27T15:00:00Z') };
    delete plain.involved;
    const groups = groupEvents([plain, ev('Normal', 'Killing', 'Node/n1', '2026-11-27T15:00:00Z')]);
    expect(groups.map((g) => g.objectKind).sort()).toEqual(['Node', 'pod']);
  });

  it('counts an event with count 0 (an events.k8s.io event without series) once', () => {
    expect(groupEvents([ev('Normal', 'Created', 'Pod/a', '2026-11-27T15:00:00Z', 0)])[0]!.count).toBe(1);
  });
});
