import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { badRequest, methodNotAllowed, notFound } from '../errors';
import { FaultSettingsSchema } from '../faults';
import type { ApiContext } from './context';
import { readBody, sendJson } from './respond';

// The simulator's own admin API (same token as the cluster), for tests and tools that run the
// simulator as a separate process:
//   GET  /simulator/faults            the current knobs
//   PUT  /simulator/faults {knobs}    change some knobs (unknown knobs -> 400)
//   POST /simulator/restart {seconds} restart: same data, connections refused for N seconds

const RestartSchema = z.object({ seconds: z.number().min(0).max(3600) }).strict();

export async function serveAdmin(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  if (path === '/simulator/faults') {
    if (req.method === 'GET') return sendJson(res, 200, ctx.faults.settings);
    if (req.method === 'PUT' || req.method === 'PATCH' || req.method === 'POST') {
      const parsed = FaultSettingsSchema.partial().strict().safeParse(await readBody(req));
      if (!parsed.success) throw badRequest(`invalid fault settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return sendJson(res, 200, ctx.faults.set(parsed.data));
    }
    throw methodNotAllowed();
  }
  if (path === '/simulator/restart') {
    if (req.method !== 'POST') throw methodNotAllowed();
    const parsed = RestartSchema.safeParse(await readBody(req));
    if (!parsed.success) throw badRequest('expected {"seconds": N}');
    sendJson(res, 202, { restarting: true, seconds: parsed.data.seconds });
    res.on('finish', () => void ctx.restart(parsed.data.seconds));
    return;
  }
  throw notFound('', 'simulator', path);
}
