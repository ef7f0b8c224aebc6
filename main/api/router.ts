import { z } from 'zod';
import { contract, type CallName, type Calls, type EventName, type EventPayload } from '../contract';
import type { Envelope, ErrorPayload } from '../contract/errors';

/** One connected renderer: a desktop window or a web-host page. */
export interface Client {
  readonly id: string;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Runs when the client goes away (window closed, socket dropped): release what it held. */
  onClose(cleanup: () => void): void;
}

export interface CallContext {
  client: Client;
}

export type Handler<K extends CallName> = (
  request: z.output<Calls[K]['request']>,
  context: CallContext,
) => Promise<z.input<Calls[K]['response']>> | z.input<Calls[K]['response']>;

export type Handlers = { [K in CallName]: Handler<K> };

/** Turns anything thrown into what may cross the boundary: name, message, code, hint; no stack, no secrets. */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof Error) {
    const { code, hint } = error as Error & { code?: unknown; hint?: unknown };
    return {
      name: error.name || 'Error',
      message: error.message,
      ...(typeof code === 'string' ? { code } : {}),
      ...(typeof hint === 'string' ? { hint } : {}),
    };
  }
  return { name: 'Error', message: String(error) };
}

export interface Router {
  dispatch(channel: unknown, payload: unknown, context: CallContext): Promise<Envelope<unknown>>;
}

const isCallName = (channel: unknown): channel is CallName =>
  typeof channel === 'string' && Object.hasOwn(contract.calls, channel);

/**
 * Validates every request against the contract before a handler sees it, and never throws:
 * a bad call gets an error envelope back and the main process carries on.
 */
export function createRouter(handlers: Handlers): Router {
  return {
    async dispatch(channel, payload, context) {
      if (!isCallName(channel)) {
        return { ok: false, error: { name: 'UnknownCall', code: 'unknown-call', message: `Unknown call: ${String(channel).slice(0, 80)}` } };
      }
      const parsed = contract.calls[channel].request.safeParse(payload);
      if (!parsed.success) {
        return {
          ok: false,
          error: { name: 'InvalidRequest', code: 'invalid-request', message: `Invalid request for ${channel}: ${z.prettifyError(parsed.error)}` },
        };
      }
      try {
        const handler = handlers[channel] as Handler<typeof channel>;
        const value: unknown = await handler(parsed.data as never, context);
        return { ok: true, value };
      } catch (error) {
        return { ok: false, error: toErrorPayload(error) };
      }
    },
  };
}
