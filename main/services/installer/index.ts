/**
 * The guided microk8s install (issue 4), main side:
 * - preflight.ts: checks with pass/warn/fail, reason and fix; the machine facts a run starts from
 * - install-plan.ts: the steps of the classic script, and why a step is already done (skipReason)
 * - install-runner.ts: one run of steps through terminal sessions: cancel, retry, inspect, dashboard proxy
 * - failure-explanations.ts: what went wrong, from the real tools' messages, and what to do next
 * - addon-readiness.ts: waits for an addon's workloads through the Kubernetes API
 * - kubeconfig-merge.ts: adds the cluster to ~/.kube/config as its own context (backup, 0600)
 * - run-log.ts, redact.ts: the transcript of each run in the data folder, secrets redacted
 * - installer-service.ts: the service the handlers call (main/api/installer-handlers.ts)
 */
export { InstallerService, type InstallerDeps } from './installer-service';
