import type { z } from 'zod';

/** One request/response call of the contract. Requests are validated in main before any handler runs. */
export interface CallSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
}

export function call<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res): CallSpec<Req, Res> {
  return { request, response };
}

/** One event stream of the contract: main pushes these to the renderer. */
export function event<T extends z.ZodType>(payload: T): T {
  return payload;
}
