import { describe, expect, it } from 'vitest';
import { parseJoinCommand } from './join-command';

const ADDR = '10.0.0.241:25000/5da02d8092097265cffdf4e47433bdea/2618bff96bd6';

describe('parseJoinCommand', () => {
  it('reads the line add-node prints, with and without --worker', () => {
    expect(parseJoinCommand(`microk8s join ${ADDR}`)).toEqual({ ok: true, address: ADDR, worker: false });
    expect(parseJoinCommand(`  microk8s join ${ADDR} --worker\n`)).toEqual({ ok: true, address: ADDR, worker: true });
  });

  it('accepts a prompt, sudo, the dotted name and an IPv6 or host name address', () => {
    expect(parseJoinCommand(`$ sudo microk8s join ${ADDR}`)).toMatchObject({ ok: true, address: ADDR });
    expect(parseJoinCommand(`microk8s.join --worker ${ADDR}`)).toMatchObject({ ok: true, worker: true });
    const v6 = '[fd00::1]:25000/5da02d8092097265cffdf4e47433bdea/2618bff96bd6';
    expect(parseJoinCommand(`microk8s join ${v6}`)).toMatchObject({ ok: true, address: v6 });
    const host = 'node-1.lan:25000/5da02d8092097265cffdf4e47433bdea/2618bff96bd6';
    expect(parseJoinCommand(`microk8s join ${host}`)).toMatchObject({ ok: true, address: host });
  });

  it.each([
    ['', /Paste the join command/],
    ['kubectl get nodes', /should start with `microk8s join`/],
    ['microk8s status', /should start with `microk8s join`/],
    ['microk8s join', /missing its ADDRESS\/TOKEN/],
    [`microk8s join ${ADDR} --skip-verify`, /option --skip-verify/],
    [`microk8s join ${ADDR} ${ADDR}`, /one join command/],
    ['microk8s join 10.0.0.241/5da02d8092097265cffdf4e47433bdea/2618bff96bd6', /address with a port/],
    ['microk8s join 10.0.0.241:25000/5da02d8092097265cffdf4e47433bdea', /cut short/],
    ['microk8s join 10.0.0.241:25000/5da02d8092097265cffdf4e47433bd/2618bff96bd6', /32 characters/],
    ['microk8s join 10.0.0.241:25000/5da02d8092097265cffdf4e47433bdea/2618bff96b', /12 characters/],
    ['microk8s join 10.0.0.241:25000/5DA02D8092097265CFFDF4E47433BDEA/2618bff96bd6', /32 characters/],
    [`microk8s join ${ADDR}/extra`, /cut short/],
  ])('rejects %j with a message that says what is wrong', (text, message) => {
    const result = parseJoinCommand(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('produces only addresses the contract accepts', () => {
    const contractAddress = /^[0-9A-Za-z.:[\]-]+:\d{1,5}\/[0-9a-f]{32}\/[0-9a-f]{12}$/;
    const result = parseJoinCommand(`microk8s join ${ADDR}`);
    expect(result.ok && contractAddress.test(result.address)).toBe(true);
  });
});
