import { z } from 'zod';
import { call, event } from './define';

export const transportKind = z.enum(['electron', 'web']);

export const appInfo = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  arch: z.string(),
  transport: transportKind,
  /** True when Berth runs against its built-in simulated cluster (`--demo`). */
  demo: z.boolean(),
  dataDir: z.string(),
});
export type AppInfo = z.infer<typeof appInfo>;

export const hostStatus = z.object({
  /** Milliseconds since the epoch on the host, so the page can tell a live link from a dead one. */
  at: z.number(),
  uptimeSeconds: z.number(),
  clients: z.number().int().nonnegative(),
});
export type HostStatus = z.infer<typeof hostStatus>;

export const appCalls = {
  'app.info': call(z.object({}).strict(), appInfo),
  /** Opens an http(s) URL in the person's browser (desktop) or reports it cannot (web host). */
  'app.openExternal': call(z.object({ url: z.url({ protocol: /^https?$/ }) }).strict(), z.object({ opened: z.boolean() })),
};

export const appEvents = {
  'app.hostStatus': event(hostStatus),
};
