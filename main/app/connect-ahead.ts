import type { Backend } from './backend';

/**
 * Connects to the cluster as the app starts (desktop window or web host), as the page's first call (`cluster.status`)
 * would: the kubeconfig, any exec credential plugin and the first TLS handshake with the API
 * server are done before a page asks, so its first view waits only for its list. A client of the
 * host's own makes the call and leaves once it is answered; nothing is listed until a view opens.
 */
export function connectAhead(backend: Pick<Backend, 'hub' | 'router'>): Promise<void> {
  const { client, close } = backend.hub.connect(() => undefined);
  return backend.router.dispatch('cluster.status', {}, { client }).then(
    () => close(),
    () => close(),
  );
}
