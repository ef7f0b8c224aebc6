import { parseArgs } from 'node:util';
import { z } from 'zod';

/** Command-line options shared by `npm start` (desktop) and `npm run web`. */
export const launchOptions = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(0),
  open: z.boolean().default(true),
  demo: z.boolean().default(false),
  kubeconfig: z.string().min(1).optional(),
  context: z.string().min(1).optional(),
});
export type LaunchOptions = z.infer<typeof launchOptions>;

export function parseLaunchOptions(argv: readonly string[]): LaunchOptions {
  const { values } = parseArgs({
    args: [...argv],
    strict: false,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      'no-open': { type: 'boolean' },
      demo: { type: 'boolean' },
      kubeconfig: { type: 'string' },
      context: { type: 'string' },
    },
  });
  return launchOptions.parse({
    port: values.port,
    open: values['no-open'] !== true,
    demo: values.demo === true,
    kubeconfig: values.kubeconfig,
    context: values.context,
  });
}
