import { z } from 'zod';
import { call, event } from './define';

// The cluster check-up (issue 7): findings about a connected cluster against widely accepted
// Kubernetes practice, each with why it matters, the objects affected and how to fix it.

export const checkupAreaId = z.enum(['version', 'pod-security', 'namespaces', 'network-policies', 'api-server', 'images', 'workload-hygiene']);
export const findingStatus = z.enum(['pass', 'warning', 'fail']);

/** An object a finding is about. `kind` is the Kubernetes kind (Pod, Deployment, Namespace, Node...). */
export const affectedObject = z.object({
  kind: z.string(),
  namespace: z.string().optional(),
  name: z.string(),
  /** What about this object, e.g. "container nginx: privileged". */
  detail: z.string().optional(),
});

export const finding = z.object({
  /** Stable id of the check, e.g. `pod-security.privileged`. */
  id: z.string(),
  area: checkupAreaId,
  title: z.string(),
  status: findingStatus,
  /** What Berth found, in one or two sentences. */
  summary: z.string(),
  /** Why it matters, in plain words. */
  why: z.string(),
  /** How to fix it: a command or a YAML snippet (empty when it passes). */
  fix: z.string(),
  fixFormat: z.enum(['shell', 'yaml', 'text']),
  /** Affected objects, at most a few hundred; `objectsTotal` counts them all. */
  objects: z.array(affectedObject),
  objectsTotal: z.number().int().nonnegative(),
});

export const areaReport = z.object({
  id: checkupAreaId,
  title: z.string(),
  /** 0..100: passes count 1, warnings 1/2, failures 0. */
  score: z.number().int().min(0).max(100),
  status: findingStatus,
  findings: z.array(finding),
});

export const checkupReport = z.object({
  context: z.string().nullable(),
  serverVersion: z.string().optional(),
  /** When the report was made (ms since epoch) and how long it took. */
  generatedAt: z.number(),
  durationMs: z.number(),
  score: z.number().int().min(0).max(100),
  status: findingStatus,
  areas: z.array(areaReport),
  /** What the workload checks cover (e.g. which namespaces they leave out and why). */
  scope: z.string(),
  /** The date of Berth's table of Kubernetes releases ("as of"). */
  releaseDataAsOf: z.string(),
  /** Things Berth could not check and why (a refused list, a command that did not answer). */
  notes: z.array(z.string()),
});

export const checkupState = z.object({
  report: checkupReport.nullable(),
  running: z.boolean(),
  /** While running: what the check-up is doing now, e.g. "Listing pods: 12,500 so far". */
  progress: z.string().optional(),
  /** When the next automatic check-up runs (ms since epoch), while the screen is open. */
  nextCheckAt: z.number().optional(),
  /** Why there is no (new) report: not connected, the server refused... with what to do next. */
  error: z.object({ message: z.string(), hint: z.string().optional() }).optional(),
});

export const exportFormat = z.enum(['markdown', 'json']);

export const checkupCalls = {
  /** Starts live check-ups for this client (now, then on an interval) and returns the state. */
  'checkup.open': call(z.object({}).strict(), checkupState),
  'checkup.close': call(z.object({}).strict(), z.object({})),
  /** Runs the check-up now; the result also arrives as a `checkup.state` event. */
  'checkup.run': call(z.object({}).strict(), checkupState),
  /** The newest report as a file to save. */
  'checkup.export': call(z.object({ format: exportFormat }).strict(), z.object({ filename: z.string(), mimeType: z.string(), content: z.string() })),
};

export const checkupEvents = {
  'checkup.state': event(checkupState),
};

export type CheckupAreaId = z.infer<typeof checkupAreaId>;
export type FindingStatus = z.infer<typeof findingStatus>;
export type AffectedObject = z.infer<typeof affectedObject>;
export type Finding = z.infer<typeof finding>;
export type AreaReport = z.infer<typeof areaReport>;
export type CheckupReport = z.infer<typeof checkupReport>;
export type CheckupState = z.infer<typeof checkupState>;
export type ExportFormat = z.infer<typeof exportFormat>;
