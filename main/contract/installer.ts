import { z } from 'zod';
import { call, event } from './define';
import { sessionId } from './terminal';

/** A microk8s snap channel: `<track>/<risk>`, e.g. `1.32/stable`, `latest/edge`, `1.32-strict/stable`. */
export const channel = z.string().regex(/^(latest|\d+\.\d+(-strict)?)(\/(stable|candidate|beta|edge))?$/, 'a snap channel such as 1.32/stable');
/** microk8s addon names, optionally with an argument (`metallb:10.64.140.43-10.64.140.49`). */
export const addonName = z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}(:[A-Za-z0-9.,:/-]{1,200})?$/, 'an addon name such as dns');

export const checkStatus = z.enum(['pass', 'warn', 'fail']);
export const preflightCheck = z.object({
  id: z.string(),
  title: z.string(),
  status: checkStatus,
  /** What was found, in plain words. */
  detail: z.string(),
  /** What to do about it (for warn and fail). */
  fix: z.string().optional(),
});

export const existingInstall = z.object({
  installed: z.boolean(),
  version: z.string().optional(),
  channel: z.string().optional(),
  running: z.boolean().optional(),
  inGroup: z.boolean().optional(),
});

export const addonInfo = z.object({
  name: z.string(),
  description: z.string(),
  /** Preselected in the wizard (dns, dashboard, ingress). */
  recommended: z.boolean(),
  enabled: z.boolean().optional(),
});

export const preflightResult = z.object({
  checks: z.array(preflightCheck),
  /** False when a failed check stops the install (e.g. not Linux, no snapd). */
  canInstall: z.boolean(),
  existing: existingInstall,
  channels: z.array(z.object({ name: z.string(), version: z.string().optional() })),
  defaultChannel: z.string(),
  addons: z.array(addonInfo),
});

export const installChoices = z
  .object({
    channel,
    addons: z.array(addonName).max(30),
    mergeKubeconfig: z.boolean(),
    /** Remove an existing microk8s first (the person confirmed). */
    reinstall: z.boolean().default(false),
  })
  .strict();

export const stepState = z.enum(['pending', 'running', 'succeeded', 'failed', 'skipped', 'cancelled']);
export const installStep = z.object({
  id: z.string(),
  title: z.string(),
  /** The command as the person would type it, for display. */
  command: z.string(),
  state: stepState,
  /** Why it was skipped, or what failed and what to do next. */
  reason: z.string().optional(),
  hint: z.string().optional(),
  sessionId: sessionId.optional(),
  startedAt: z.number().optional(),
  endedAt: z.number().optional(),
  exitCode: z.number().int().nullable().optional(),
  signal: z.string().nullable().optional(),
});

export const runState = z.enum(['running', 'succeeded', 'failed', 'cancelled']);
export const installRun = z.object({
  runId: z.string(),
  kind: z.enum(['install', 'add-node', 'join', 'remove']),
  state: runState,
  steps: z.array(installStep),
  startedAt: z.number(),
  endedAt: z.number().optional(),
  /** Set when the run ends connected: the kubeconfig context Berth switched to. */
  context: z.string().optional(),
  /** Said once, plainly, when the group was added: the person's own shells need a re-login. */
  notices: z.array(z.string()),
  dashboard: z.object({ url: z.string(), token: z.string() }).optional(),
  joinCommands: z.array(z.string()).optional(),
  /**
   * `sudo microk8s inspect`, offered when microk8s does not become ready (`installer.inspect`).
   * Runs in its own terminal; `reportPath` is where microk8s put its report tarball.
   */
  inspection: z
    .object({
      state: stepState,
      sessionId: sessionId.optional(),
      startedAt: z.number().optional(),
      endedAt: z.number().optional(),
      reportPath: z.string().optional(),
      reason: z.string().optional(),
    })
    .optional(),
});

export const logEntry = z.object({ runId: z.string(), kind: z.string(), startedAt: z.number(), state: runState, path: z.string() });

const runRef = z.object({ runId: z.string().min(1).max(100) }).strict();

export const installerCalls = {
  'installer.preflight': call(z.object({}).strict(), preflightResult),
  'installer.start': call(installChoices, installRun),
  /** The run in progress or the last one, so a reloaded page picks up where it was. */
  'installer.current': call(z.object({}).strict(), z.object({ run: installRun.nullable() })),
  'installer.cancel': call(runRef, installRun),
  /** Re-runs the failed step, then carries on with the rest. */
  'installer.retry': call(runRef, installRun),
  'installer.stopDashboardProxy': call(runRef, z.object({ stopped: z.boolean() })),
  /** Runs `sudo microk8s inspect` for a run whose wait-ready step failed; see `installRun.inspection`. */
  'installer.inspect': call(runRef, installRun),
  'installer.logs': call(z.object({}).strict(), z.object({ logs: z.array(logEntry), folder: z.string() })),
  /**
   * A run's saved log, a part at a time: its end (at most half a MiB), or with `before` (an earlier
   * answer's `start`) the part before that. `start` 0: the log's beginning is in.
   */
  'installer.readLog': call(
    z.object({ runId: runRef.shape.runId, before: z.number().int().min(0).optional() }).strict(),
    z.object({ text: z.string(), start: z.number().int().min(0), size: z.number().int().min(0) }),
  ),
  /** `microk8s add-node`: shows the join command for another machine. */
  'installer.addNode': call(z.object({}).strict(), installRun),
  /** `microk8s join ADDRESS/TOKEN/SUFFIX [--worker]` on this machine. */
  'installer.join': call(
    z
      .object({
        address: z.string().regex(/^[0-9A-Za-z.:[\]-]+:\d{1,5}\/[0-9a-f]{32}\/[0-9a-f]{12}$/, 'the address/token part of a microk8s join command'),
        worker: z.boolean(),
      })
      .strict(),
    installRun,
  ),
  /** Reset (keep microk8s, drop workloads) or remove microk8s entirely. The page confirms first. */
  'installer.remove': call(z.object({ mode: z.enum(['reset', 'remove']), confirmed: z.literal(true) }).strict(), installRun),
};

export const installerEvents = {
  /** The whole run after any change (steps are few, so send it all). */
  'installer.run': event(installRun),
};

export type PreflightCheck = z.infer<typeof preflightCheck>;
export type PreflightResult = z.infer<typeof preflightResult>;
export type InstallChoices = z.input<typeof installChoices>;
export type InstallStep = z.infer<typeof installStep>;
export type InstallRun = z.infer<typeof installRun>;
export type StepState = z.infer<typeof stepState>;
export type LogEntry = z.infer<typeof logEntry>;
export type AddonInfo = z.infer<typeof addonInfo>;
