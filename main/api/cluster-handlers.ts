import type { ClusterService } from '../services/cluster/cluster-service';
import type { Owner } from '../services/cluster/live-subscriptions';
import type { Client, Handlers } from './router';

type ClusterCall = Extract<keyof Handlers, `cluster.${string}`>;

/**
 * The cluster domain's calls. Views, objects and the overview belong to the client that opened
 * them and are closed when it goes away (window closed, socket dropped).
 */
export function clusterHandlers(service: ClusterService): Pick<Handlers, ClusterCall> {
  const owners = new Map<string, Owner>();
  const ownerOf = (client: Client): Owner => {
    let owner = owners.get(client.id);
    if (!owner) {
      owner = {
        id: client.id,
        emitView: (u) => client.emit('cluster.view', u),
        emitObject: (u) => client.emit('cluster.object', u),
        emitOverview: (o) => client.emit('cluster.overview', o),
      };
      owners.set(client.id, owner);
      // Drain progress goes to every page that talks to the cluster, so any of them can follow or cancel it.
      const stopDrains = service.drains.onProgress((p) => client.emit('cluster.drain', p));
      client.onClose(() => {
        owners.delete(client.id);
        stopDrains();
        service.live.closeOwner(client.id);
      });
    }
    return owner;
  };

  return {
    'cluster.contexts': async () => {
      await service.ensureStarted();
      return service.contexts();
    },
    'cluster.connect': ({ context }) => service.connect(context),
    'cluster.status': async () => {
      await service.ensureStarted();
      return service.currentStatus();
    },
    'cluster.openView': async ({ viewId, ...query }, { client }) => {
      await service.ensureStarted();
      service.live.openView(ownerOf(client), viewId, query);
      return { viewId };
    },
    'cluster.updateView': ({ viewId, ...patch }, { client }) => {
      if (!service.live.updateView(ownerOf(client), viewId, patch)) {
        throw Object.assign(new Error(`No open view "${viewId}".`), { code: 'unknown-view', hint: 'Open the view again.' });
      }
      return { viewId };
    },
    'cluster.closeView': ({ viewId }, { client }) => {
      service.live.closeView(ownerOf(client), viewId);
      return {};
    },
    'cluster.openObject': async ({ subscriptionId, ref }, { client }) => {
      await service.ensureStarted();
      service.live.openObject(ownerOf(client), subscriptionId, ref);
      return {};
    },
    'cluster.closeObject': ({ subscriptionId }, { client }) => {
      service.live.closeObject(ownerOf(client), subscriptionId);
      return {};
    },
    'cluster.openOverview': async (_req, { client }) => {
      await service.ensureStarted();
      return service.live.openOverview(ownerOf(client));
    },
    'cluster.closeOverview': (_req, { client }) => {
      service.live.closeOverview(ownerOf(client));
      return {};
    },
    'cluster.deletePod': async ({ namespace, name }) => {
      await service.deletePod(namespace, name);
      return {};
    },
    'cluster.runPod': (req) => service.runPod(req),
    'cluster.setUnschedulable': async ({ name, unschedulable }) => {
      await service.setUnschedulable(name, unschedulable);
      return {};
    },
    'cluster.scale': ({ kind, namespace, name, replicas }) => service.scale(kind, namespace, name, replicas),
    'cluster.restartRollout': ({ kind, namespace, name }) => service.restartRollout(kind, namespace, name),
    'cluster.rollback': ({ namespace, name, toRevision }) => service.rollback(namespace, name, toRevision),
    'cluster.setPaused': async ({ namespace, name, paused }) => {
      await service.setPaused(namespace, name, paused);
      return {};
    },
    'cluster.setSuspended': async ({ namespace, name, suspended }) => {
      await service.setSuspended(namespace, name, suspended);
      return {};
    },
    'cluster.triggerCronJob': ({ namespace, name, jobName }) => service.triggerCronJob(namespace, name, jobName),
    'cluster.deleteObject': async ({ ref, propagationPolicy }) => {
      await service.deleteObject(ref, propagationPolicy);
      return {};
    },
    'cluster.drainNode': async ({ drainId, name, ...options }, { client }) => {
      ownerOf(client); // this page gets the progress events
      return service.drainNode({ drainId, node: name, ...options });
    },
    'cluster.cancelDrain': ({ drainId }) => ({ cancelled: service.drains.cancel(drainId) }),
  };
}
