import type { z } from 'zod';
import { appCalls, appEvents } from './app';
import { checkupCalls, checkupEvents } from './checkup';
import { clusterCalls, clusterEvents } from './cluster';
import type { CallSpec } from './define';
import { installerCalls, installerEvents } from './installer';
import { podIoCalls, podIoEvents } from './pod-io';
import { terminalCalls, terminalEvents } from './terminal';

/**
 * The one contract between main and renderer. Each domain defines its calls and events in its own
 * file; this module only puts them together. The renderer imports this module with `import type`.
 */
export const contract = {
  calls: { ...appCalls, ...terminalCalls, ...installerCalls, ...clusterCalls, ...checkupCalls, ...podIoCalls },
  events: { ...appEvents, ...terminalEvents, ...installerEvents, ...clusterEvents, ...checkupEvents, ...podIoEvents },
} satisfies { calls: Record<string, CallSpec>; events: Record<string, z.ZodType> };

export type Calls = typeof contract.calls;
export type Events = typeof contract.events;
export type CallName = keyof Calls & string;
export type EventName = keyof Events & string;
export type CallRequest<K extends CallName> = z.input<Calls[K]['request']>;
export type CallResponse<K extends CallName> = z.output<Calls[K]['response']>;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

type DomainOf<K> = K extends `${infer D}.${string}` ? D : never;
type Domain = DomainOf<CallName>;
type MethodsOf<D extends string> = {
  [K in CallName as K extends `${D}.${infer M}` ? M : never]: (request: CallRequest<K>) => Promise<CallResponse<K>>;
};

export type Unsubscribe = () => void;

/**
 * What the renderer calls: purpose-named calls (`api.app.info({})`, `api.installer.start(...)`)
 * plus `on(event, listener)` that returns an unsubscribe. Built over the preload's IPC bridge in
 * the desktop app and over WebSocket in the web host.
 */
export type BerthApi = { [D in Domain]: MethodsOf<D> } & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): Unsubscribe;
};

export type { ErrorPayload, Envelope } from './errors';
export type * from './app';
export type * from './terminal';
export type * from './installer';
export type * from './cluster';
export type * from './pod-io';
export type * from './checkup';
