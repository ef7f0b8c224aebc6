import type { BerthApi } from '../../../main/contract';
import { ApiError } from './api-error';
import type { Transport } from './transport';

/**
 * Purpose-named calls over any transport: `api.app.info({})` sends the call `app.info`.
 * The contract's types make unknown names a compile error; main rejects them at run time too.
 */
export function createApi(transport: Transport): BerthApi {
  const domains = new Map<string, object>();
  const domainProxy = (domain: string) =>
    new Proxy(
      {},
      {
        get: (_target, method) => async (request: unknown) => {
          const envelope = await transport.call(`${domain}.${String(method)}`, request);
          if (!envelope.ok) throw new ApiError(envelope.error);
          return envelope.value;
        },
      },
    );
  return new Proxy({} as BerthApi, {
    get(_target, key) {
      if (key === 'on') return (event: string, listener: (payload: unknown) => void) => transport.on(event, listener);
      if (typeof key !== 'string') return undefined;
      let domain = domains.get(key);
      if (!domain) {
        domain = domainProxy(key);
        domains.set(key, domain);
      }
      return domain;
    },
  });
}
