import type { Finding } from '../../contract';
import type { NamespaceFacts, PodFacts } from './cluster-snapshot';
import { agree, isUserNamespace, listNames, makeFinding, plural } from './finding';
import { parseVersion } from './kubernetes-releases';
import { containerLabel, effectiveSecurity, userPods, WorkloadFindings } from './workload-groups';

// Pod security, after the Pod Security Standards
// (https://kubernetes.io/docs/concepts/security/pod-security-standards/): host access, privilege
// and root, per container (init and ephemeral ones too), with the pod's and the container's
// securityContext combined as the kubelet combines them.

const PSA_LABEL = 'pod-security.kubernetes.io/enforce';
/** The restricted profile allows adding only this one. */
const HARMLESS_CAPS = new Set(['NET_BIND_SERVICE']);

const securityContextFix = `# in the pod template (spec.template.spec of a Deployment, DaemonSet...)
securityContext:
  runAsNonRoot: true
  runAsUser: 10001
  seccompProfile:
    type: RuntimeDefault
containers:
  - name: app
    securityContext:
      allowPrivilegeEscalation: false
      privileged: false
      capabilities:
        drop: ["ALL"]`;

export function checkPodSecurity(pods: PodFacts[] | undefined, namespaces: NamespaceFacts[] | undefined, serverVersion: string | undefined): Finding[] {
  const out: Finding[] = [];
  const v = parseVersion(serverVersion);
  const pspGone = !v || v.major > 1 || v.minor >= 25;
  out.push(
    makeFinding('pod-security', {
      id: 'psp',
      title: 'PodSecurityPolicy',
      status: pspGone ? 'pass' : 'warning',
      summary: pspGone
        ? 'PodSecurityPolicy was removed in Kubernetes 1.25; Pod Security Admission (namespace labels) replaces it, checked below.'
        : `This server (${serverVersion}) still has PodSecurityPolicy, which was removed in Kubernetes 1.25: policies must move to Pod Security Admission before upgrading.`,
      why: 'Guides written before 2022 tell you to write PodSecurityPolicies. On current Kubernetes they do nothing; Pod Security Admission labels on namespaces do that job.',
      fix: 'kubectl label namespace NAME pod-security.kubernetes.io/enforce=baseline pod-security.kubernetes.io/warn=restricted',
      fixFormat: 'shell',
    }),
  );

  if (namespaces) {
    const unlabelled = namespaces.filter((n) => isUserNamespace(n.name) && (!n.labels[PSA_LABEL] || n.labels[PSA_LABEL] === 'privileged'));
    out.push(
      makeFinding('pod-security', {
        id: 'admission-labels',
        title: 'Pod Security Admission labels',
        status: unlabelled.length ? 'warning' : 'pass',
        summary: unlabelled.length
          ? `${agree(unlabelled.length, 'namespace', 'enforces', 'enforce')} no Pod Security Standard (${listNames(unlabelled.map((n) => n.name))}).`
          : `Every namespace enforces the baseline or restricted Pod Security Standard.`,
        why: 'Without the label, any pod is admitted, including privileged ones that can take over the node. With `enforce=baseline` (or `restricted`) the API server refuses them.',
        fix: unlabelled.map((n) => `kubectl label namespace ${n.name} ${PSA_LABEL}=baseline --overwrite`).slice(0, 20).join('\n'),
        fixFormat: 'shell',
        objects: unlabelled.map((n) => ({ kind: 'Namespace', name: n.name, detail: n.labels[PSA_LABEL] ? `enforce=${n.labels[PSA_LABEL]}` : 'no enforce label' })),
      }),
    );
  }

  if (!pods) return out;
  const checked = userPods(pods);
  const privileged = new WorkloadFindings();
  const hostAccess = new WorkloadFindings();
  const hostPath = new WorkloadFindings();
  const root = new WorkloadFindings();
  let surelyRoot = 0;
  const caps = new WorkloadFindings();
  let dangerousCaps = 0;
  const escalation = new WorkloadFindings();
  for (const pod of checked) {
    const host = [pod.hostNetwork && 'hostNetwork', pod.hostPID && 'hostPID', pod.hostIPC && 'hostIPC'].filter(Boolean);
    if (host.length) hostAccess.add(pod, host.join(', '));
    for (const path of pod.hostPaths) hostPath.add(pod, `hostPath ${path}`);
    for (const c of pod.containers) {
      const sc = effectiveSecurity(pod, c);
      const label = containerLabel(c);
      if (sc.privileged) privileged.add(pod, label);
      if (sc.runAsUser === 0) {
        root.add(pod, `${label}: runAsUser 0`);
        surelyRoot++;
      } else if (sc.runAsNonRoot !== true && sc.runAsUser === undefined) {
        root.add(pod, `${label}: runs as the image's user (root unless the image says otherwise)`);
      }
      const added = sc.capabilities?.add ?? [];
      const extra = added.filter((cap) => !HARMLESS_CAPS.has(cap.replace(/^CAP_/, '')));
      if (extra.length) {
        caps.add(pod, `${label}: adds ${extra.join(', ')}`);
        dangerousCaps++;
      }
      if (sc.allowPrivilegeEscalation !== false) escalation.add(pod, `${label}: ${sc.allowPrivilegeEscalation === true || sc.privileged ? 'allowPrivilegeEscalation: true' : 'allowPrivilegeEscalation not set'}`);
    }
  }
  const scope = `Checked ${plural(checked.length, 'running pod')}.`;
  out.push(
    makeFinding('pod-security', {
      id: 'privileged',
      title: 'Privileged containers',
      status: privileged.size ? 'fail' : 'pass',
      summary: privileged.size ? `${agree(privileged.size, 'workload', 'runs', 'run')} privileged containers: ${listNames(privileged.names())}. ${scope}` : `No privileged containers. ${scope}`,
      why: 'A privileged container has every capability and all host devices: whoever controls it controls the node, and from there often the cluster.',
      fix: `# remove privileged: true, grant only what the program needs\n${securityContextFix}`,
      fixFormat: 'yaml',
      objects: privileged.objects(),
    }),
    makeFinding('pod-security', {
      id: 'host-namespaces',
      title: 'Host network, PID or IPC',
      status: hostAccess.size ? 'fail' : 'pass',
      summary: hostAccess.size ? `${agree(hostAccess.size, 'workload', 'shares', 'share')} the node's network, process or IPC namespace: ${listNames(hostAccess.names())}.` : 'No pod shares the node\'s network, process or IPC namespace.',
      why: 'hostNetwork lets a pod listen on and sniff the node\'s interfaces and bypass network policies; hostPID lets it see and signal every process on the node.',
      fix: 'spec:\n  hostNetwork: false\n  hostPID: false\n  hostIPC: false\n# expose a port with a Service (or hostPort only if you must)',
      fixFormat: 'yaml',
      objects: hostAccess.objects(),
    }),
    makeFinding('pod-security', {
      id: 'host-path',
      title: 'hostPath volumes',
      status: hostPath.size ? 'fail' : 'pass',
      summary: hostPath.size ? `${agree(hostPath.size, 'workload', 'mounts', 'mount')} folders of the node: ${listNames(hostPath.names())}.` : 'No pod mounts a folder of the node.',
      why: 'A hostPath volume gives the pod the node\'s files: mounting /var/run/docker.sock or / is root on the node. Data in it is also tied to one node.',
      fix: '# use a PersistentVolumeClaim (or emptyDir for scratch space) instead of hostPath\nvolumes:\n  - name: data\n    persistentVolumeClaim:\n      claimName: data',
      fixFormat: 'yaml',
      objects: hostPath.objects(),
    }),
    makeFinding('pod-security', {
      id: 'root',
      title: 'Containers running as root',
      status: surelyRoot ? 'fail' : root.size ? 'warning' : 'pass',
      summary: root.size
        ? `${agree(root.size, 'workload', 'runs', 'run')} as root or ${root.size === 1 ? 'does' : 'do'} not require a non-root user: ${listNames(root.names())}.`
        : 'Every container must run as a non-root user (runAsNonRoot or a non-zero runAsUser).',
      why: 'Root in a container is root on the node for the kernel: one container escape away from the whole machine. runAsNonRoot: true makes the kubelet refuse to start a container that would run as root.',
      fix: securityContextFix,
      fixFormat: 'yaml',
      objects: root.objects(),
    }),
    makeFinding('pod-security', {
      id: 'capabilities',
      title: 'Added Linux capabilities',
      status: dangerousCaps ? 'fail' : 'pass',
      summary: caps.size ? `${agree(caps.size, 'workload', 'adds', 'add')} Linux capabilities: ${listNames(caps.names())}.` : 'No container adds Linux capabilities (beyond NET_BIND_SERVICE).',
      why: 'Capabilities such as SYS_ADMIN or NET_ADMIN hand out parts of root: mounting file systems, changing the node\'s network. The restricted standard allows adding only NET_BIND_SERVICE.',
      fix: 'securityContext:\n  capabilities:\n    drop: ["ALL"]\n    add: ["NET_BIND_SERVICE"]   # only if it binds a port below 1024',
      fixFormat: 'yaml',
      objects: caps.objects(),
    }),
    makeFinding('pod-security', {
      id: 'privilege-escalation',
      title: 'allowPrivilegeEscalation: false',
      status: escalation.size ? 'warning' : 'pass',
      summary: escalation.size ? `${agree(escalation.size, 'workload', 'leaves', 'leave')} privilege escalation allowed: ${listNames(escalation.names())}.` : 'Every container sets allowPrivilegeEscalation: false.',
      why: 'Unless it is set to false, a process can gain more privileges than its parent (setuid binaries such as sudo): an attacker in the container can climb to root.',
      fix: 'containers:\n  - name: app\n    securityContext:\n      allowPrivilegeEscalation: false',
      fixFormat: 'yaml',
      objects: escalation.objects(),
    }),
  );
  return out;
}
