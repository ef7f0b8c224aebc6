import type { Service } from './types';

// TYPE, CLUSTER-IP, EXTERNAL-IP and PORT(S) of `kubectl get services`, ported from printService,
// getServiceExternalIP and makePortString in kubernetes/pkg/printers/internalversion/printers.go.

const LOAD_BALANCER_WIDTH = 16;

function loadBalancerStatus(svc: Service, wide: boolean): string {
  const result = new Set<string>();
  for (const ing of svc.status?.loadBalancer?.ingress ?? []) {
    if (ing.ip) result.add(ing.ip);
    else if (ing.hostname) result.add(ing.hostname);
  }
  let r = [...result].sort().join(',');
  if (!wide && r.length > LOAD_BALANCER_WIDTH) r = `${r.slice(0, LOAD_BALANCER_WIDTH - 3)}...`;
  return r;
}

export function serviceExternalIP(svc: Service, wide = false): string {
  const spec = svc.spec ?? {};
  const externalIPs = spec.externalIPs ?? [];
  switch (spec.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerStatus(svc, wide);
      if (externalIPs.length) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

export function servicePorts(svc: Service): string {
  const pieces = (svc.spec?.ports ?? []).map((p) => {
    const protocol = p.protocol ?? 'TCP';
    return p.nodePort && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${protocol}` : `${p.port}/${protocol}`;
  });
  return pieces.length ? pieces.join(',') : '<none>';
}

export function serviceColumns(svc: Service, wide = false): {
  type: string;
  clusterIP: string;
  externalIP: string;
  ports: string;
} {
  return {
    type: svc.spec?.type ?? 'ClusterIP',
    clusterIP: svc.spec?.clusterIPs?.[0] ?? svc.spec?.clusterIP ?? '<none>',
    externalIP: serviceExternalIP(svc, wide),
    ports: servicePorts(svc),
  };
}
