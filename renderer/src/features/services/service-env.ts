/**
 * What a pod learns about a Service from its environment, exactly as kubelet writes it
 * (pkg/kubelet/envvars/envvars.go `FromServices`): only for services with a cluster IP, in the
 * pod's namespace, for pods started after the service existed, with `enableServiceLinks` on (the
 * default). https://kubernetes.io/docs/concepts/services-networking/service/#environment-variables
 */
export interface ServicePortSpec {
  name?: string;
  port: number;
  protocol?: string;
}

export interface EnvVar {
  name: string;
  value: string;
}

/** kubelet's makeEnvVariableName: upper case, `-` becomes `_`. */
export function envVariableName(name: string): string {
  return name.replace(/-/g, '_').toUpperCase();
}

/** The DNS name other pods resolve the service by. */
export function serviceDnsName(name: string, namespace: string, clusterDomain = 'cluster.local'): string {
  return `${name}.${namespace}.svc.${clusterDomain}`;
}

const hasClusterIP = (ip: string | undefined): ip is string => ip !== undefined && ip !== '' && ip !== 'None';

const joinHostPort = (host: string, port: number) => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

export function serviceEnvVars(name: string, clusterIP: string | undefined, ports: readonly ServicePortSpec[]): EnvVar[] {
  if (!hasClusterIP(clusterIP)) return [];
  const prefix = envVariableName(name);
  const out: EnvVar[] = [{ name: `${prefix}_SERVICE_HOST`, value: clusterIP }];
  const first = ports[0];
  if (!first) return out;
  out.push({ name: `${prefix}_SERVICE_PORT`, value: String(first.port) });
  for (const p of ports) if (p.name) out.push({ name: `${prefix}_SERVICE_PORT_${envVariableName(p.name)}`, value: String(p.port) });
  // Docker-link compatible variables (makeLinkVariables).
  ports.forEach((p, i) => {
    const protocol = (p.protocol || 'TCP').toUpperCase();
    const url = `${protocol.toLowerCase()}://${joinHostPort(clusterIP, p.port)}`;
    if (i === 0) out.push({ name: `${prefix}_PORT`, value: url });
    const portPrefix = `${prefix}_PORT_${p.port}_${protocol}`;
    out.push(
      { name: portPrefix, value: url },
      { name: `${portPrefix}_PROTO`, value: protocol.toLowerCase() },
      { name: `${portPrefix}_PORT`, value: String(p.port) },
      { name: `${portPrefix}_ADDR`, value: clusterIP },
    );
  });
  return out;
}
