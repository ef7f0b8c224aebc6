// Pod IPs as microk8s' Calico hands them out: pod CIDR 10.1.0.0/16 in per-node blocks
// (10.1.<node>.<n>); clusters with more than 250 nodes spill into 10.2.x.y and up so that
// 5,000 nodes still get distinct addresses. Dual stack adds fd00:10:1::/48 addresses.

export class PodNetwork {
  private readonly nodeIndex = new Map<string, number>();
  private readonly next = new Map<string, number>();

  constructor(readonly dualStack = false) {}

  private index(node: string): number {
    let i = this.nodeIndex.get(node);
    if (i === undefined) {
      i = this.nodeIndex.size;
      this.nodeIndex.set(node, i);
    }
    return i;
  }

  /** Calico's per-node VXLAN tunnel address (the node annotation projectcalico.org/IPv4VXLANTunnelAddr). */
  tunnelAddress(node: string): string {
    const i = this.index(node);
    return `10.${1 + Math.floor(i / 250)}.${(i % 250) + 1}.0`;
  }

  allocate(node: string): string[] {
    const i = this.index(node);
    const n = (this.next.get(node) ?? 0) % 253;
    this.next.set(node, n + 1);
    const v4 = `10.${1 + Math.floor(i / 250)}.${(i % 250) + 1}.${n + 1}`;
    if (!this.dualStack) return [v4];
    return [v4, `fd00:10:1:${(i + 1).toString(16)}::${(n + 1).toString(16)}`];
  }
}
