import { describe, expect, it } from 'vitest';
import { checkReplicas } from './check-replicas';

describe('checkReplicas', () => {
  it('accepts whole numbers from 0', () => {
    expect(checkReplicas(' 3 ')).toEqual({ ok: true, replicas: 3 });
    expect(checkReplicas('0')).toEqual({ ok: true, replicas: 0 });
  });
  it('refuses empty, negative, fractional and huge counts with a reason', () => {
    expect(checkReplicas('')).toMatchObject({ ok: false, message: /Enter how many/ });
    expect(checkReplicas('-1')).toMatchObject({ ok: false, message: /whole number/ });
    expect(checkReplicas('1.5')).toMatchObject({ ok: false, message: /whole number/ });
    expect(checkReplicas('100001')).toMatchObject({ ok: false, message: /At most/ });
  });
});
