// Minimal structural shapes of the Kubernetes objects the column logic reads.
// Timestamps are `string | Date` because the simulator holds raw JSON (RFC 3339 strings) while
// @kubernetes/client-node hands Berth's main process `Date` objects; both must work.
// Field names follow https://kubernetes.io/docs/reference/kubernetes-api/ exactly.

export type Timestamp = string | Date;

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: Timestamp;
  deletionTimestamp?: Timestamp;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
}

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
}

export interface ContainerStateWaiting { reason?: string; message?: string }
export interface ContainerStateRunning { startedAt?: Timestamp }
export interface ContainerStateTerminated {
  exitCode: number;
  signal?: number;
  reason?: string;
  message?: string;
  startedAt?: Timestamp;
  finishedAt?: Timestamp;
  containerID?: string;
}
export interface ContainerState {
  waiting?: ContainerStateWaiting;
  running?: ContainerStateRunning;
  terminated?: ContainerStateTerminated;
}

export interface ContainerStatus {
  name: string;
  ready: boolean;
  restartCount: number;
  started?: boolean;
  image?: string;
  imageID?: string;
  containerID?: string;
  state?: ContainerState;
  lastState?: ContainerState;
}

export interface ContainerPort { name?: string; containerPort: number; hostPort?: number; protocol?: string }

export interface Container {
  name: string;
  image?: string;
  restartPolicy?: string;
  command?: string[];
  args?: string[];
  ports?: ContainerPort[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  [extra: string]: unknown;
}

export interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: Timestamp;
  lastHeartbeatTime?: Timestamp;
  lastUpdateTime?: Timestamp;
  lastProbeTime?: Timestamp | null;
}

export interface Pod extends KubeObject {
  spec?: {
    nodeName?: string;
    containers: Container[];
    initContainers?: Container[];
    readinessGates?: { conditionType: string }[];
    [extra: string]: unknown;
  };
  status?: {
    phase?: string;
    reason?: string;
    message?: string;
    podIP?: string;
    podIPs?: { ip: string }[];
    nominatedNodeName?: string;
    conditions?: Condition[];
    containerStatuses?: ContainerStatus[];
    initContainerStatuses?: ContainerStatus[];
    [extra: string]: unknown;
  };
}

export interface NodeAddress { type: string; address: string }

export interface Node extends KubeObject {
  spec?: { unschedulable?: boolean; taints?: { key: string; value?: string; effect: string }[]; [extra: string]: unknown };
  status?: {
    conditions?: Condition[];
    addresses?: NodeAddress[];
    nodeInfo?: {
      kubeletVersion?: string;
      osImage?: string;
      kernelVersion?: string;
      containerRuntimeVersion?: string;
      [extra: string]: unknown;
    };
    [extra: string]: unknown;
  };
}

export interface ServicePort {
  name?: string;
  port: number;
  protocol?: string;
  nodePort?: number;
  targetPort?: number | string;
}

export interface Service extends KubeObject {
  spec?: {
    type?: string;
    clusterIP?: string;
    clusterIPs?: string[];
    externalIPs?: string[];
    externalName?: string;
    ports?: ServicePort[];
    selector?: Record<string, string>;
    [extra: string]: unknown;
  };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
}

export interface LabelSelectorRequirement { key: string; operator: string; values?: string[] }
export interface LabelSelectorSpec {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}
