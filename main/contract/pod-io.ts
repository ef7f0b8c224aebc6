import { z } from 'zod';
import { namespaceName, objectName } from './cluster';
import { call, event } from './define';

/**
 * Pod logs and pod shells (issue #6). Both stream from main to the page that started them and stop
 * when that page closes them or goes away.
 *
 * Logs: main reads the API's pods/log streams, batches lines for a few milliseconds and sends
 * them as `logs.batch`. The page acknowledges the lines it has taken in (`logs.ack`); while too
 * many are unacknowledged main drops new lines and counts them, so a pod printing 100 MB can
 * neither freeze the window nor grow memory without bound.
 *
 * Shell: an exec session over the API's exec WebSocket (channel protocol v5/v4) with a TTY; main
 * tries the shells one by one until one starts. Typed input is never logged.
 */

export const logStreamId = z.string().min(1).max(100);
export const shellSessionId = z.string().min(1).max(100);
const containerName = z.string().min(1).max(63);
/** A label selector as kubectl takes it (`app=web,tier!=cache`); parsed in main. */
const labelSelectorText = z.string().min(1).max(1000);

/** What `kubectl logs` takes, minus output formatting. */
export const logOptions = z
  .object({
    container: containerName.optional(),
    follow: z.boolean().default(true),
    previous: z.boolean().default(false),
    tailLines: z.number().int().min(0).max(1_000_000).optional(),
    sinceSeconds: z.number().int().min(1).max(10 * 365 * 86_400).optional(),
    /** RFC 3339. At most one of sinceSeconds and sinceTime (as the API server demands). */
    sinceTime: z.iso.datetime({ offset: true }).optional(),
    timestamps: z.boolean().default(false),
  })
  .strict()
  .refine((o) => o.sinceSeconds === undefined || o.sinceTime === undefined, { message: 'Give at most one of sinceSeconds and sinceTime.' });

/** One pod, or every pod a workload's label selector matches (each line tagged with its pod). */
export const logTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pod'), namespace: namespaceName, pod: objectName }).strict(),
  z.object({ kind: z.literal('selector'), namespace: namespaceName, selector: labelSelectorText, title: z.string().max(300).optional() }).strict(),
]);

export const logSource = z.object({
  pod: z.string(),
  container: z.string(),
});

export const podIoCalls = {
  'logs.start': call(
    z.object({ target: logTarget, options: logOptions }).strict(),
    z.object({
      streamId: logStreamId,
      /** The pods being read (one for a pod target; the selector's matches, capped, for a workload). */
      pods: z.array(z.string()),
      /** Pods the selector matched beyond the cap, not read. */
      podsLeftOut: z.number().int().min(0),
    }),
  ),
  'logs.stop': call(z.object({ streamId: logStreamId }).strict(), z.object({})),
  /** Lines the page has taken in; main sends more only while fewer than its window are unacknowledged. */
  'logs.ack': call(z.object({ streamId: logStreamId, lines: z.number().int().min(0).max(1e9) }).strict(), z.object({})),

  'shell.start': call(
    z
      .object({
        namespace: namespaceName,
        pod: objectName,
        container: containerName.optional(),
        cols: z.number().int().min(2).max(1000),
        rows: z.number().int().min(1).max(500),
      })
      .strict(),
    z.object({
      sessionId: shellSessionId,
      /** The shell that started, e.g. `/bin/sh`. */
      shell: z.string(),
      container: z.string(),
    }),
  ),
  /** What the person typed. Never logged. */
  'shell.input': call(z.object({ sessionId: shellSessionId, data: z.string().max(64 * 1024) }).strict(), z.object({ accepted: z.boolean() })),
  'shell.resize': call(
    z.object({ sessionId: shellSessionId, cols: z.number().int().min(2).max(1000), rows: z.number().int().min(1).max(500) }).strict(),
    z.object({ resized: z.boolean() }),
  ),
  'shell.close': call(z.object({ sessionId: shellSessionId }).strict(), z.object({})),
  /** Characters the page has finished writing (xterm.write's callback): main pauses reading the container's output while too many are unacknowledged. */
  'shell.ack': call(z.object({ sessionId: shellSessionId, chars: z.number().int().min(0).max(1e9) }).strict(), z.object({})),
};

export const logSegment = z.object({
  /** Index into the stream's `sources` (which pod/container printed these lines). */
  source: z.number().int().min(0),
  lines: z.array(z.string()),
});

export const logBatch = z.object({
  streamId: logStreamId,
  /** Every source seen so far on this stream, in first-seen order (segments refer to them by index). */
  sources: z.array(logSource),
  /** Lines in the order they arrived, grouped by consecutive source. */
  segments: z.array(logSegment),
  /** Lines main dropped since the previous batch because the page was behind. */
  dropped: z.number().int().min(0),
});

export const logSourceState = z.object({
  streamId: logStreamId,
  pod: z.string(),
  container: z.string(),
  /** streaming: open; ended: the server ended it (container stopped, not following); failed: see message. */
  state: z.enum(['streaming', 'ended', 'failed']),
  /** The API's own words when it refused (e.g. `previous terminated container "x" in pod "y" not found`). */
  message: z.string().optional(),
});

export const shellOutput = z.object({ sessionId: shellSessionId, data: z.string() });
export const shellExit = z.object({
  sessionId: shellSessionId,
  /** The shell's exit code when it ended by itself; null when the connection ended. */
  exitCode: z.number().int().nullable(),
  /** Why it ended, when not a plain exit. */
  message: z.string().optional(),
});

export const podIoEvents = {
  'logs.batch': event(logBatch),
  'logs.source': event(logSourceState),
  'shell.output': event(shellOutput),
  'shell.exit': event(shellExit),
};

export type LogOptions = z.input<typeof logOptions>;
export type LogTarget = z.infer<typeof logTarget>;
export type LogSource = z.infer<typeof logSource>;
export type LogBatch = z.infer<typeof logBatch>;
export type LogSegment = z.infer<typeof logSegment>;
export type LogSourceState = z.infer<typeof logSourceState>;
export type ShellOutput = z.infer<typeof shellOutput>;
export type ShellExit = z.infer<typeof shellExit>;
