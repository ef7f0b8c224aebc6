import { findResource, type ResourceType } from '../resources';

// Parses an API path into what it addresses:
//   /api/v1/pods                              collection, all namespaces
//   /api/v1/namespaces/ns/pods/name/log       object + subresource
//   /apis/apps/v1/namespaces/ns/deployments   group resources
//   /api/v1/watch/namespaces/ns/pods          the legacy watch prefix
// https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-uris

export interface ResourceRoute {
  type: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
  legacyWatch: boolean;
}

export type Route =
  | { kind: 'resource'; route: ResourceRoute }
  | { kind: 'groupVersion'; group: string; version: string }
  | { kind: 'group'; group: string }
  | { kind: 'unknownResource'; group: string; version: string; resource: string }
  | { kind: 'none' };

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  let group = '';
  let version: string | undefined;
  let rest: string[];
  if (parts[0] === 'api') {
    version = parts[1];
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts[1]) {
    group = parts[1];
    version = parts[2];
    rest = parts.slice(3);
    if (!version) return { kind: 'group', group };
  } else return { kind: 'none' };
  if (!version) return { kind: 'none' };
  if (rest.length === 0) return { kind: 'groupVersion', group, version };
  let legacyWatch = false;
  if (rest[0] === 'watch') {
    legacyWatch = true;
    rest = rest.slice(1);
  }
  let namespace: string | undefined;
  // "namespaces/<ns>/<resource>..." addresses a namespaced resource; "namespaces/<ns>" alone is a Namespace.
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [resource, name, subresource] = rest as [string, string | undefined, string | undefined];
  const type = findResource(group, version, resource);
  if (!type) return { kind: 'unknownResource', group, version, resource };
  const route: ResourceRoute = { type, legacyWatch };
  if (namespace !== undefined && type.namespaced) route.namespace = namespace;
  if (name !== undefined) route.name = name;
  if (subresource !== undefined) route.subresource = subresource;
  return { kind: 'resource', route };
}
