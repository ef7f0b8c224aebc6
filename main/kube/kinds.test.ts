import { describe, expect, it } from 'vitest';
import { listKindOf } from './kinds';

describe('listKindOf', () => {
  it('maps the API kinds owner references and events name to list kinds', () => {
    expect(listKindOf('Pod')).toBe('pods');
    expect(listKindOf('Node')).toBe('nodes');
    expect(listKindOf('ReplicaSet')).toBe('replicasets');
    expect(listKindOf('CronJob')).toBe('cronjobs');
    expect(listKindOf('NetworkPolicy')).toBe('networkpolicies');
  });

  it('has no list for other kinds, nor for names inherited from Object', () => {
    expect(listKindOf('Lease')).toBeUndefined();
    expect(listKindOf('toString')).toBeUndefined();
    expect(listKindOf('pods')).toBeUndefined();
  });
});
