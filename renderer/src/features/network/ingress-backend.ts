/**
 * The service an ingress backend cell points at: "frontend:80" or "frontend:http" name a
 * service; "Kind/name" (a resource backend, e.g. a storage bucket) does not.
 */
export function serviceOfBackend(backend: string): string | undefined {
  if (backend.includes('/')) return undefined;
  const match = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?):[\w-]+$/.exec(backend);
  return match?.[1];
}
