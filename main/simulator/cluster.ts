import { Writer } from './api/writes';
import { CronJobController } from './controllers/cronjob';
import { DaemonSetController } from './controllers/daemonset';
import { DeploymentController } from './controllers/deployment';
import { DisruptionController } from './controllers/disruption';
import { EndpointsController } from './controllers/endpoints';
import { GarbageCollector } from './controllers/garbage-collector';
import { JobController } from './controllers/job';
import { Kubelet } from './controllers/kubelet';
import { Loop } from './controllers/loop';
import { OwnerIndex } from './controllers/owner-index';
import { Recorder } from './controllers/recorder';
import { ReplicaSetController } from './controllers/replicaset';
import { Scheduler } from './controllers/scheduler';
import { StatefulSetController } from './controllers/statefulset';
import { PodNetwork } from './kubelet/pod-network';
import { Store } from './store';
import { WatchHub } from './watch-hub';

// The cluster without its HTTP front: store, watch history, writes, and the controllers that
// make it live, all driven by one loop. Tests may use it directly.

export interface ClusterOptions {
  speed: number;
  historySize?: number;
  dualStack?: boolean;
}

export class Cluster {
  readonly store = new Store();
  readonly hub: WatchHub;
  readonly writer: Writer;
  readonly loop: Loop;
  readonly recorder: Recorder;
  readonly network: PodNetwork;
  private owners: OwnerIndex | undefined;
  private readonly startedAt = Date.now();

  constructor(readonly opts: ClusterOptions) {
    this.hub = new WatchHub(this.store, opts.historySize ?? 2000);
    this.writer = new Writer(this.store);
    this.loop = new Loop(this.store, opts.speed);
    this.recorder = new Recorder(this.store);
    this.network = new PodNetwork(opts.dualStack ?? false);
  }

  /** Simulated wall clock: runs `speed` times faster than real time from the start. */
  simNow(): number {
    return this.startedAt + (Date.now() - this.startedAt) * this.opts.speed;
  }

  /** Starts the controllers (after the scenario has loaded its objects). */
  start(): void {
    const real = (ms: number): number => this.loop.real(ms);
    const owners = new OwnerIndex(this.store);
    this.owners = owners;
    const { store, writer, recorder } = this;
    for (const c of [
      new Scheduler(store, recorder),
      new Kubelet(store, recorder, this.network, real),
      new ReplicaSetController('replicaset', 'apps/replicasets', store, writer, owners, recorder, real),
      new ReplicaSetController('replicationcontroller', 'replicationcontrollers', store, writer, owners, recorder, real),
      new DeploymentController(this.opts.speed, store, writer, owners, recorder),
      new DaemonSetController(store, writer, owners, recorder, real),
      new StatefulSetController(store, writer, owners, recorder, real),
      new JobController(store, writer, owners, recorder),
      new CronJobController(store, writer, owners, recorder, () => this.simNow()),
      new EndpointsController(store),
      new GarbageCollector(store, writer, owners),
      new DisruptionController(store),
    ]) {
      this.loop.register(c);
    }
    this.loop.start();
  }

  stop(): void {
    this.loop.stop();
    this.owners?.close();
    this.hub.close();
  }
}
